"""A draft job ad from a role sheet, for one seniority: every line is a document's words, with a
numbered reference to the passage it comes from; where the documents give nothing, the draft
says « à compléter ». Headings and the title are the site's wording.

Built from `JobAd.roles()` (fixed number of queries) and rendered three ways: the page, a
Markdown file and a standalone HTML file; `json_ld()` gives schema.org `JobPosting`.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from roles import structured_data
from roles.models import ExperienceLevel, Fact, Role, Skill
from roles.models.role import RoleQuerySet
from roles.templatetags.fiches import euro_range

TO_COMPLETE = _("à compléter")


class JobAdForm(forms.Form):
    niveau = forms.ChoiceField(
        label=_("Niveau visé"),
        choices=ExperienceLevel.Tier.choices,
        required=False,
        error_messages={
            "invalid_choice": _(
                "« %(value)s » n’est pas un niveau proposé : choisissez junior, confirmé "
                "ou senior."
            ),
        },
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("page")), ("md", "Markdown"), ("html", "HTML")],
        required=False,
        error_messages={
            "invalid_choice": _(
                "« %(value)s » n’est pas un format proposé : Markdown (md) ou HTML (html)."
            ),
        },
    )

    def clean_niveau(self):
        return self.cleaned_data["niveau"] or ExperienceLevel.Tier.CONFIRMED


@dataclass
class Reference:
    number: int
    row: object  # the row that quotes the document

    @property
    def source(self):
        return self.row.quoted_source

    @property
    def url(self):
        return self.row.passage_url()


@dataclass
class Line:
    text: str
    reference: Reference
    label: str = ""  # the site's wording before the document's (a place, a competency)


@dataclass
class Section:
    slug: str
    title: str
    lines: list = field(default_factory=list)


class JobAd:
    def __init__(self, role, tier):
        self.role = role  # from JobAd.roles(): everything below reads prefetched rows
        self.tier = ExperienceLevel.Tier(tier)
        self.references = []
        self._by_row = {}
        self.sections = [
            self._section("poste", _("Le poste"), self._summary()),
            self._section("missions", _("Vos missions"), self._missions()),
            self._section("attendus", _("Ce qui est attendu à ce niveau"), self._expected()),
            self._section("competences", _("Compétences recherchées"), self._skills()),
            self._section("outils", _("Outils"), self._tools()),
            self._section("formation", _("Formation"), self._education()),
            self._section("experience", _("Expérience"), self._experience()),
            self._section("remuneration", _("Rémunération"), self._salary()),
        ]

    @staticmethod
    def roles():
        """Roles with every row an ad shows (1 query for the roles, 1 per prefetch)."""
        return Role.objects.select_related("summary_source").prefetch_related(
            *RoleQuerySet.related(
                "aliases",
                "missions",
                "role_skills",
                "matrix_cells",
                "education_requirements",
                "facts",
                "salary_bands",
            ),
            "salary_bands__experience_level__source",  # the level's years are quoted too
        )

    # ------------------------------------------------------------------ building

    def _ref(self, row):
        key = row.passage_url()  # rows quoting the same passage share a reference
        if key not in self._by_row:
            self._by_row[key] = Reference(len(self.references) + 1, row)
            self.references.append(self._by_row[key])
        return self._by_row[key]

    def _section(self, slug, title, rows):
        """A section of lines; rows quoting the same words make one line, their labels
        joined (a sentence several competencies are drawn from); a label that repeats the
        words is dropped."""
        lines = {}
        for row, text, label in rows:
            # The editors' wording gives no line: an ad is made of documents' words.
            if getattr(row, "is_team_wording", False):
                continue
            label = "" if label == text else label
            if text in lines:
                line = lines[text]
                if label and label not in line.label.split(", "):
                    line.label = f"{line.label}, {label}" if line.label else label
            else:
                lines[text] = Line(text, self._ref(row), label)
        return Section(slug, title, list(lines.values()))

    def _summary(self):
        if self.role.summary:
            return [(self.role, self.role.summary, "")]
        return []

    def _missions(self):
        return [(mission, mission.title, "") for mission in self.role.missions.all()]

    def _expected(self):
        return [
            (cell, cell.description, cell.skill.name)
            for cell in self.role.matrix_cells.all()
            if cell.experience_level.tier == self.tier
        ]

    def _role_skills(self, tools):
        rows = [
            rs
            for rs in self.role.role_skills.all()
            if (rs.skill.category == Skill.Category.TOOL) == tools and rs.wording
        ]
        return [(rs, rs.wording, rs.skill.name) for rs in rows]

    def _skills(self):
        return self._role_skills(tools=False)

    def _tools(self):
        return self._role_skills(tools=True)

    def _education(self):
        return [(req, req.wording, "") for req in self.role.education_requirements.all()]

    def _experience(self):
        facts = [fact for fact in self.role.facts.all() if fact.kind == Fact.Kind.EXPERIENCE]
        levels = {}
        for band in self.bands:
            level = band.experience_level
            if level is not None and level.years:
                levels.setdefault(level.pk, level)
        rows = [(level, f"{level.name} ({level.years})", "") for level in levels.values()]
        return rows + [(fact, fact.text, "") for fact in facts]

    def _salary(self):
        rows = []
        for band in self.bands:
            figure = euro_range(band.low, band.high)
            if band.nature:
                figure = f"{figure} {band.nature}"
            if band.date_value:
                figure = f"{figure} ({band.date_label or gettext('date')} : {band.date_value})"
            rows.append((band, figure, str(band.place)))
        return rows

    @cached_property
    def bands(self):
        """The bands of the tier, and those the document gives for every level."""
        return [
            band
            for band in self.role.salary_bands.all()
            if band.experience_level is None or band.experience_level.tier == self.tier
        ]

    # ------------------------------------------------------------------ reading

    @property
    def title(self):
        return gettext("%(name)s — profil %(tier)s") % {
            "name": self.role.name,
            "tier": self.tier.label.lower(),
        }

    @property
    def to_complete(self):
        """What a job ad needs and no document gives: the recruiter fills it in."""
        return [_("Entreprise"), _("Lieu de travail"), _("Type de contrat"), _("Date de début")]

    def url(self, fmt=""):
        path = reverse("interviews:job_ad", kwargs={"slug": self.role.slug})
        query = f"?niveau={self.tier.value}"
        return f"{path}{query}&format={fmt}" if fmt else f"{path}{query}"

    def description_text(self):
        """The ad's body as plain text (the JSON-LD description): section titles and lines."""
        parts = []
        for section in self.sections:
            parts.append(str(section.title))
            if section.lines:
                parts += [
                    f"- {line.label} : {line.text}" if line.label else f"- {line.text}"
                    for line in section.lines
                ]
            else:
                parts.append(f"- {TO_COMPLETE}")
        return "\n".join(parts)

    def json_ld(self, request=None):
        """schema.org `JobPosting`: the title, the ad's text, and a `baseSalary` only with the
        figures the documents give (a `unitText` only where they state the period)."""
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": self.role.name,
            "description": self.description_text(),
            "url": structured_data.absolute(request, self.url()),
            "occupationalCategory": structured_data.occupational_categories(self.role),
        }
        skills = [line.text for line in self.section("competences").lines]
        education = [line.text for line in self.section("formation").lines]
        responsibilities = [line.text for line in self.section("missions").lines]
        optional = {
            "skills": skills,
            "educationRequirements": education,
            "responsibilities": responsibilities,
            "baseSalary": [structured_data.base_salary(band) for band in self.bands],
        }
        data |= optional
        return {key: value for key, value in data.items() if value}

    def section(self, slug):
        return next(section for section in self.sections if section.slug == slug)

    def markdown(self, request=None):
        """The ad as Markdown, its references as an appendix of links to the passages."""
        out = [f"# {self.title}", ""]
        out.append(
            gettext(
                "Brouillon d’annonce tiré de nos documents : chaque ligne renvoie au passage "
                "qui la donne ; « à compléter » marque ce qu’aucun document ne dit."
            )
        )
        out.append("")
        for label in self.to_complete:
            out.append(f"- **{label}** : {TO_COMPLETE}")
        out.append("")
        for section in self.sections:
            out += [f"## {section.title}", ""]
            for line in section.lines:
                label = f"{line.label} : " if line.label else ""
                out.append(f"- {label}{line.text} [{line.reference.number}]")
            if not section.lines:
                out.append(f"- {TO_COMPLETE}")
            out.append("")
        out += [f"## {gettext('Sources')}", ""]
        for ref in self.references:
            url = structured_data.absolute(request, ref.url)
            out.append(f"{ref.number}. {ref.source.label} — <{url}>")
        out.append("")
        return "\n".join(out)
