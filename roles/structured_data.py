"""schema.org data (JSON-LD) for search engines and job boards: what a sheet shows, as data.

Built from the rows the sheet has already fetched (`Role.objects.with_sheet()`): salary bands
are reached through their relation name; the hub never loads the salary app. Nothing goes in
that the page does not show, and no qualifier the document does not state: a band's
`duration` (P1Y, P1M) only when the document says « annuel » / « mensuel »; gross or net has no
schema.org property and stays in the band's name, as the sheet words it.
"""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .models import Fact, Skill

# The characters that could close the <script> block or open a comment, escaped as JSON
# allows (the same as Django's `json_script`).
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

DURATIONS = {"annuel": "P1Y", "mensuel": "P1M"}
UNIT_TEXTS = {"annuel": "YEAR", "mensuel": "MONTH"}

CODE_SETS = (
    # (field, name of the code set, its address)
    ("rome_code", "ROME", "https://www.francetravail.fr/"),
    ("esco_uri", "ESCO", "http://data.europa.eu/esco/occupation"),
    ("isco_code", "ISCO-08", "https://www.ilo.org/public/english/bureau/stat/isco/isco08/"),
)


def script(data):
    """`data` as a `<script type="application/ld+json">` block: a data block browsers never
    run, so the strict Content-Security-Policy is unaffected."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def unique(values):
    return list(dict.fromkeys(value for value in values if value))


def band_name(band):
    """« Senior (+5 ans d’exp) — Paris », then the basis and period the document states."""
    level = band.experience_level
    parts = [
        (f"{level.name} ({level.years})" if level.years else level.name)
        if level
        else gettext("Tous niveaux"),
        str(band.place),
    ]
    if band.nature:
        parts.append(band.nature)
    return " — ".join(parts)


def salary_distribution(band):
    """A band as schema.org `MonetaryAmountDistribution` when the document gives one figure
    (its `median`: the one central value it gives), or `MonetaryAmount` with its two ends
    when it gives a range (a distribution's percentiles would be figures it does not give)."""
    if band.low == band.high:
        data = {
            "@type": "MonetaryAmountDistribution",
            "name": band_name(band),
            "currency": "EUR",
            "median": band.low,
        }
    else:
        data = {
            "@type": "MonetaryAmount",
            "name": band_name(band),
            "currency": "EUR",
            "minValue": band.low,
            "maxValue": band.high,
        }
    if band.period in DURATIONS and data["@type"] == "MonetaryAmountDistribution":
        data["duration"] = DURATIONS[band.period]
    return data


def base_salary(band):
    """A band as a JobPosting's `baseSalary`: `MonetaryAmount` whose `QuantitativeValue`
    carries a `unitText` only when the document states the period."""
    value = {"@type": "QuantitativeValue"}
    if band.low == band.high:
        value["value"] = band.low
    else:
        value |= {"minValue": band.low, "maxValue": band.high}
    if band.period in UNIT_TEXTS:
        value["unitText"] = UNIT_TEXTS[band.period]
    return {"@type": "MonetaryAmount", "name": band_name(band), "currency": "EUR", "value": value}


def occupational_categories(role):
    """The crosswalk codes an editor has set, and only those."""
    categories = []
    for field, name, url in CODE_SETS:
        code = getattr(role, field)
        if code:
            categories.append(
                {
                    "@type": "CategoryCode",
                    "codeValue": code,
                    "inCodeSet": {"@type": "CategoryCodeSet", "name": name, "url": url},
                }
            )
    return categories


def occupation(role, request=None):
    """schema.org `Occupation` for a documented role, from its prefetched sheet rows."""
    url = absolute(request, role.get_absolute_url())
    skills = [rs for rs in role.role_skills.all() if rs.skill.category != Skill.Category.TOOL]
    experience = [fact.text for fact in role.facts.all() if fact.kind == Fact.Kind.EXPERIENCE]
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role.name,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    if role.reviewed_on:  # shown on the sheet as « Relue le … » (roles/_updated.html)
        data["mainEntityOfPage"]["lastReviewed"] = role.reviewed_on.isoformat()
    optional = {
        "alternateName": unique(alias.name for alias in role.aliases.all()),
        "description": role.summary,
        "skills": unique(rs.skill.name for rs in skills),
        "educationRequirements": unique(
            requirement.wording for requirement in role.education_requirements.all()
        ),
        "experienceRequirements": unique(experience),
        "responsibilities": unique(mission.title for mission in role.missions.all()),
        "occupationalCategory": occupational_categories(role),
        "estimatedSalary": [salary_distribution(band) for band in role.salary_bands.all()],
    }
    data |= {key: value for key, value in optional.items() if value}
    return data
