"""Generates a large, realistic data set to measure search and lists at scale (`make bench`).

Every generated row carries the marker: its slug starts with "bench-". The command refuses a
database that holds real content unless --force, and --delete removes only marked rows.

The rows keep the site's rule as the admin enforces it: a row credited to the generated
document quotes words of its text, or is the team's wording (« rédaction de l'équipe »,
dated, credited to no document). Some skill wordings are left credited to the document
without being in its text, as after a revision of the document (`STALE_QUOTES`), so that
the document viewer's « not found » list is measured too.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from bench.vocabulary import (
    ACTIONS,
    DESCRIPTION,
    DOMAINS,
    JOBS,
    MISSIONS,
    OBJECTS,
    QUALIFIERS,
    SCHOOLS,
    SECTORS,
    TOOL_VARIANTS,
    TOOLS,
    TRAINING_TOPICS,
)
from roles import search, signals
from roles.models import (
    EducationLevel,
    EducationRequirement,
    EmployerType,
    ExperienceLevel,
    Level,
    MatrixCell,
    Mission,
    Role,
    RoleAlias,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Skill,
    Source,
    Training,
)
from salaries.models import Location, SalaryBand

MARKER = "bench-"
# Bumped when the generated set changes, so that `make bench` fills its databases again.
DATA_VERSION = 2
QUOTED_WORDINGS = 60  # distinct skill wordings the generated document's text contains
STALE_QUOTES = 30  # further ones still credited to it, not in its text


class Progress:
    """A one-line progress bar on the command's output."""

    def __init__(self, stdout, label, total, width=30):
        self.stdout, self.label, self.total, self.width = stdout, label, total, width
        self.started = time.monotonic()

    def __call__(self, done, total=None):
        total = total or self.total
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        seconds = time.monotonic() - self.started
        end = "\n" if done >= total else ""
        self.stdout.write(
            f"\r{self.label:<24} [{bar}] {done:>7}/{total} {seconds:5.1f} s", ending=end
        )
        self.stdout.flush()


class Command(BaseCommand):
    help = (
        "Génère un grand jeu de données réaliste pour les mesures de performance "
        "(3 000 métiers, 15 000 compétences…). Chaque ligne générée a un identifiant qui "
        "commence par « bench- ». Refuse une base qui a du vrai contenu, sauf avec --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--roles", type=int, default=3000)
        parser.add_argument("--skills", type=int, default=15000)
        parser.add_argument("--skills-per-role", type=int, default=40)
        parser.add_argument("--aliases-per-role", type=int, default=20)
        parser.add_argument("--seed", type=int, default=42, help="Graine du hasard.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Génère même si la base a du vrai contenu (qui reste intact).",
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Supprime seulement les lignes générées (identifiant « bench-… »).",
        )

    def handle(self, *args, **options):
        if options["delete"]:
            self.delete()
            return
        if Role.objects.exclude(slug__startswith=MARKER).exists() and not options["force"]:
            raise CommandError(
                "La base contient du vrai contenu : utilisez une base dédiée aux mesures, "
                "ou --force pour y ajouter les données générées (le vrai contenu reste intact)."
            )
        if Role.objects.filter(slug__startswith=MARKER).exists():
            raise CommandError("Des données générées existent déjà : --delete d’abord.")
        self.random = random.Random(options["seed"])
        self.today = timezone.localdate()
        started = time.monotonic()
        with transaction.atomic():  # bulk_create sends no signal: the index is built below
            self.generate(options)
        roles = list(Role.objects.filter(slug__startswith=MARKER).values_list("pk", flat=True))
        search.refresh_search_documents(
            roles, progress=Progress(self.stdout, "index de recherche", len(roles))
        )
        search.refresh_skill_counts(
            list(Skill.objects.filter(slug__startswith=MARKER).values_list("pk", flat=True))
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{Role.objects.filter(slug__startswith=MARKER).count()} métiers générés "
                f"en {time.monotonic() - started:.0f} s."
            )
        )

    def delete(self):
        # Without the search signals, deletes cascade in SQL instead of row by row.
        with signals.disconnected(), transaction.atomic():
            for model in (Role, Skill, Training, Location, ExperienceLevel, EmployerType):
                model.objects.filter(slug__startswith=MARKER).delete()
            EducationLevel.objects.filter(slug__startswith=MARKER).delete()
            Source.objects.filter(slug__startswith=MARKER).delete()
        self.stdout.write(self.style.SUCCESS("Données générées supprimées."))

    # ------------------------------------------------------------------- generation

    def bulk(self, model, rows, label, batch_size=2000):
        progress = Progress(self.stdout, label, len(rows))
        created = []
        for start in range(0, len(rows), batch_size):
            created += model.objects.bulk_create(rows[start : start + batch_size])
            progress(min(start + batch_size, len(rows)))
        return created

    def reference(self, model, name, **fields):
        """A reference row (location, level…): the existing one of that name, or a marked one."""
        existing = model.objects.filter(name=name).first()
        if existing:
            return existing
        return model.objects.create(slug=MARKER + slugify(name), name=name, **fields)

    def generate(self, options):
        rnd = self.random
        source = Source.objects.create(
            slug=MARKER + "source",
            title="Jeu de données généré pour les mesures",
            file_name=f"bench-v{DATA_VERSION}.txt",
            kind=Source.Kind.JOB_SHEET,
            order=99,
        )
        locations = [
            self.reference(Location, name, order=i)
            for i, name in enumerate(["France", "Paris", "Grandes villes", "Régions"])
        ]
        tiers = [
            self.reference(
                ExperienceLevel,
                f"{name} (mesures)",
                years=years,
                tier=tier,
                source=source,
                order=i,
            )
            for i, (name, years, tier) in enumerate(
                [
                    ("Junior", "0-2 ans", "junior"),
                    ("Confirmé", "3-5 ans", "confirme"),
                    ("Senior", "plus de 5 ans", "senior"),
                ]
            )
        ]
        education = [
            self.reference(EducationLevel, name, rank=rank)
            for name, rank in [("Bac +2", 2), ("Bac +3", 3), ("Bac +5", 5)]
        ]
        employers = [
            self.reference(EmployerType, name)
            for name in ["Pure player", "Start-up", "Click and mortar", "Agence interactive"]
        ]

        skills = self.bulk(Skill, self.skill_rows(options["skills"]), "compétences")
        tools = [skill for skill in skills if skill.category == Skill.Category.TOOL]
        others = [skill for skill in skills if skill.category != Skill.Category.TOOL]
        trainings = self.bulk(Training, self.training_rows(education), "formations")

        roles = self.bulk(Role, self.role_rows(options["roles"], source), "métiers")
        Role.sources.through.objects.bulk_create(
            [Role.sources.through(role_id=role.pk, source_id=source.pk) for role in roles]
        )
        self.bulk(
            RoleAlias, self.alias_rows(roles, source, options["aliases_per_role"]), "appellations"
        )
        self.bulk(Mission, self.mission_rows(roles, source), "missions")
        role_skills = []
        cells = []
        for role in roles:
            count = options["skills_per_role"]
            chosen = rnd.sample(others, min(len(others), count - count // 5)) + rnd.sample(
                tools, min(len(tools), count // 5)
            )
            for order, skill in enumerate(chosen):
                wording = (
                    f"{skill.name} : attendu dès la prise de poste." if order % 4 == 0 else ""
                )
                role_skills.append(
                    RoleSkill(role=role, skill=skill, source=source, wording=wording, order=order)
                )
            for skill in chosen[:3]:
                for tier in tiers:
                    cells.append(
                        MatrixCell(
                            role=role,
                            skill=skill,
                            experience_level=tier,
                            source=source,
                            description=f"Niveau {tier.name.lower()} : {skill.name.lower()}.",
                            team_wording_on=self.today,
                        )
                    )
        wordings = list(dict.fromkeys(row.wording for row in role_skills if row.wording))
        credited = set(wordings[: QUOTED_WORDINGS + STALE_QUOTES])
        for row in role_skills:
            if row.wording and row.wording not in credited:
                row.team_wording_on = self.today
        self.bulk(RoleSkill, role_skills, "compétences des métiers")
        self.bulk(MatrixCell, cells, "matrices")
        self.bulk(
            RoleTraining,
            [
                RoleTraining(role=role, training=training, source=source, order=i)
                for role in roles
                for i, training in enumerate(rnd.sample(trainings, 4))
            ],
            "formations des métiers",
        )
        self.bulk(
            EducationRequirement,
            [
                EducationRequirement(
                    role=role, level=rnd.choice(education), source=source, wording="Bac +3 à +5"
                )
                for role in roles
            ],
            "niveaux d’études",
        )
        self.bulk(
            RoleEmployer,
            [
                RoleEmployer(role=role, employer_type=employer, source=source)
                for role in roles
                for employer in rnd.sample(employers, 2)
            ],
            "employeurs",
        )
        bands = []
        for role in roles:
            base = {Level.COORDINATION: 28, Level.MANAGEMENT: 42, Level.DIRECTION: 70}[role.level]
            base = (base + rnd.randint(-4, 8)) * 1000
            for step, tier in enumerate(tiers):
                low = base + step * 9000
                bands.append(
                    SalaryBand(
                        role=role,
                        experience_level=tier,
                        location=rnd.choice(locations),
                        low=low,
                        high=low + rnd.randint(4, 15) * 1000,
                        source=source,
                    )
                )
        self.bulk(SalaryBand, bands, "fourchettes de salaire")
        source.text = self.source_text(tiers, wordings[:QUOTED_WORDINGS])
        source.save(update_fields=["text"])

    def source_text(self, tiers, wordings):
        """The document's text: a few paragraphs of its own, and what the rows credited to it
        quote (the education wording that every role quotes, the levels, some skill wordings),
        so that the document viewer marks passages, some quoted by thousands of rows."""
        return "\n\n".join(
            [
                "Jeu de données généré pour les mesures de performance.",
                "Niveau d’études demandé : Bac +3 à +5, selon les entreprises.",
                *(f"{tier.name} : {tier.years}." for tier in tiers),
                "Compétences attendues :",
                "\n".join(f"• {wording}" for wording in wordings),
                "Ce texte ne reprend pas les autres formulations des fiches générées.",
            ]
        )

    def skill_rows(self, count):
        tool_names = [f"{tool}{variant}" for tool in TOOLS for variant in TOOL_VARIANTS]
        tool_count = min(len(tool_names), count // 20)
        names = [
            f"{action} {obj} {qualifier}"
            for action in ACTIONS
            for obj in OBJECTS
            for qualifier in QUALIFIERS
        ]
        self.random.shuffle(names)
        categories = [c for c in Skill.Category.values if c != Skill.Category.TOOL]
        rows = [
            Skill(name=name, category=Skill.Category.TOOL)
            for name in self.random.sample(tool_names, tool_count)
        ]
        rows += [
            Skill(name=name, category=categories[i % len(categories)])
            for i, name in enumerate(names[: count - tool_count])
        ]
        for i, skill in enumerate(rows):
            skill.slug = f"{MARKER}{i}-{slugify(skill.name)}"[:120]
            skill.search_text = search.name_search_text(skill.name)
        return rows

    def training_rows(self, education):
        rows = []
        for school in SCHOOLS:
            for topic in TRAINING_TOPICS:
                for city in ("Paris", "Lyon", "Lille", "Nantes", "Bordeaux"):
                    name = f"{school} {topic}"
                    rows.append(
                        Training(
                            slug=f"{MARKER}{slugify(name)}-{slugify(city)}",
                            name=name,
                            kind=self.random.choice(Training.Kind.values),
                            level=self.random.choice(education),
                            institution=f"{school} {city}",
                            search_text=search.name_search_text(name, f"{school} {city}"),
                        )
                    )
        return rows

    def role_rows(self, count, source):
        combos = [
            (job, domain, sector) for job in JOBS for domain in DOMAINS for sector in SECTORS
        ]
        if count > len(combos):
            raise CommandError(f"Au plus {len(combos)} métiers différents.")
        rows, self.role_facets = [], []
        for (title, level), domain, sector in self.random.sample(combos, count):
            name = f"{title} {domain} {sector}"
            self.role_facets.append((level, domain, sector))
            rows.append(
                Role(
                    name=name,
                    slug=MARKER + slugify(name),
                    level=level,
                    summary=f"{name} : fait grandir les ventes en ligne du secteur {sector}.",
                    summary_source=source,
                    team_wording_on=self.today,
                    is_documented=self.random.random() < 0.9,
                )
            )
        return rows

    def alias_rows(self, roles, source, per_role):
        """Other titles as job boards write them: the same job in other words, in the role's
        domain, its sector or a neighbouring domain."""
        rows = []
        for role, (level, domain, sector) in zip(roles, self.role_facets, strict=True):
            jobs = [job for job, job_level in JOBS if job_level == level]
            neighbours = self.random.sample([d for d in DOMAINS if d != domain], 3)
            candidates = [
                *(f"{job} {domain}" for job in jobs),
                *(f"{job} {domain} {sector}" for job in jobs),
                f"{domain} manager",
                f"Expert(e) {domain}",
                *(f"{job} {other}" for job in jobs for other in neighbours),
            ]
            names = [name for name in dict.fromkeys(candidates) if name != role.name]
            rows += [
                RoleAlias(role=role, name=name, source=source, order=i, team_wording_on=self.today)
                for i, name in enumerate(names[:per_role])
            ]
        return rows

    def mission_rows(self, roles, source):
        rows = []
        for role in roles:
            words = role.name.split()
            for order, template in enumerate(self.random.sample(MISSIONS, 6)):
                domain = " ".join(words[1:3])
                title = template.format(d=domain, s=words[-1])
                description = DESCRIPTION.format(job=role.name.lower(), s=words[-1])
                rows.append(
                    Mission(
                        role=role,
                        source=source,
                        order=order,
                        title=title,
                        description=description,
                        team_wording_on=self.today,
                    )
                )
        return rows
