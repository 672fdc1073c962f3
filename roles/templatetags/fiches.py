"""Presentation helpers shared by every app's templates."""

import re
import unicodedata
from functools import lru_cache
from operator import attrgetter

from django import template
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, override

from .. import structured_data
from ..models import Quoting

register = template.Library()

NARROW_NBSP = "\u202f"  # French thousands separator
NBSP = "\u00a0"


@register.filter
def euros(amount):
    """25000 → "25 000 €" (French money format, spaces that never break)."""
    if amount in (None, ""):
        return ""
    try:
        value = int(amount)
    except (TypeError, ValueError):
        return amount
    return f"{value:,}".replace(",", NARROW_NBSP) + f"{NBSP}€"


@register.simple_tag
def euro_range(low, high):
    """A salary figure: "25 000 €" when both ends agree, else "de 25 000 € à 32 000 €"."""
    if low == high:
        return euros(low)
    return gettext("de %(low)s à %(high)s") % {"low": euros(low), "high": euros(high)}


@register.simple_tag
def experience(level, years="tag"):
    """An experience level's name and years; "Tous niveaux" when a figure holds for every level.

    `years` says how the years show: "tag" in a <span class="years"> (a line of their own),
    "brackets" in a muted bracket after the name, "dot" after a middle dot (SVG text, where
    no HTML goes), "" not at all.
    """
    if level is None:
        return gettext("Tous niveaux")
    if not (years and level.years):
        return level.name
    if years == "brackets":
        return format_html('{} <span class="muted">({})</span>', level.name, level.years)
    if years == "dot":
        return format_html("{} · {}", level.name, level.years)
    return format_html('{} <span class="years">{}</span>', level.name, level.years)


@register.simple_tag
def source_ref(item):
    """A short link to the document a fact comes from, named as readers know it.

    Given the row that quotes the document (a mission, a salary band…), the link opens the
    document at that passage; given the document itself, at its top. A row the editors
    worded themselves shows no badge: « Rédaction de l'équipe » and the date instead.

    Built in Python rather than by an inclusion tag (issue 16: a sheet shows some 90 of them,
    and rendering a template for each was a fifth of the sheet's render time); the link's
    title and text are made once per document and language."""
    if isinstance(item, Quoting):
        if item.is_team_wording:
            date = escape(formats.date_format(item.team_wording_on, "j F Y"))
            wording = gettext("Rédaction de l'équipe, %(date)s") % {"date": date}
            return mark_safe(f'<span class="team-wording">{wording}</span>\n')
        source, url = item.quoted_source, item.passage_url()
    else:
        source, url = item, item.get_absolute_url()
    return format_html(
        '<a class="src" href="{}" title="{}"><span class="visually-hidden">{} </span>{}</a>\n',
        url,
        _badge_title(source.title, get_language()),
        gettext("Source :"),
        source.label,
    )


@lru_cache(maxsize=1000)
def _badge_title(title, language):
    """The badge's title attribute, once per document title and language."""
    with override(language):
        return gettext("Lire le passage dans le document « %(title)s »") % {"title": title}


@register.simple_tag(takes_context=True)
def occupation_jsonld(context, role):
    """The sheet's schema.org `Occupation` as a JSON-LD block; nothing for an undocumented
    role (no document describes it). Reads only the rows `Role.objects.with_sheet()` fetched."""
    if not role.is_documented:
        return ""
    return structured_data.script(structured_data.occupation(role, context.get("request")))


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
QUOTES_AND_BULLETS = ' «»"“”•-–—'
MIN_REPEATED = 40  # shorter repeats are labels (a skill's name, « Bac +5 »), not sentences


@register.filter
def unseen(text, role):
    """`text` without the sentences of 40 characters or more the sheet of `role` has already
    shown: each fact once, even where two rows quote the same sentence of a document. The
    lines of `text` stay lines; "" when nothing new is left. Sentences are remembered on the
    role (one sheet per request), in the order the template shows them."""
    seen = role.__dict__.setdefault("_shown_sentences", set())
    lines = []
    for line in str(text or "").splitlines():
        kept = []
        for sentence in SENTENCE_END.split(line):
            key = " ".join(sentence.split()).strip(QUOTES_AND_BULLETS).casefold()
            if len(key) >= MIN_REPEATED:
                if key in seen:
                    continue
                seen.add(key)
            kept.append(sentence)
        if any(part.strip(QUOTES_AND_BULLETS) for part in kept):
            lines.append(" ".join(kept))
    return "\n".join(lines)


@register.filter
def bullet_lines(text):
    """A mission description as (paragraphs, list items): lines starting with « • » are the
    document's own list items. Returns [(is_list, [lines])] blocks in order."""
    blocks = []
    for line in str(text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        is_item = line.startswith("•")
        if is_item:
            line = line.lstrip("• ").strip()
        if blocks and blocks[-1][0] == is_item:
            blocks[-1][1].append(line)
        else:
            blocks.append((is_item, [line]))
    return blocks


def french_key(text):
    """Sort key for French lists, accent- and case-insensitive: « Cdiscount, CMS, CRM »,
    « école » with the e's. Ties keep a stable order (the exact text decides last)."""
    text = str(text)
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return (plain.casefold().replace("œ", "oe").replace("æ", "ae"), text)


def french_sorted(items, attribute=None):
    """`items` sorted the French way, by `attribute` (dotted) when given."""
    if attribute:
        get = attrgetter(attribute)
        return sorted(items, key=lambda item: french_key(get(item)))
    return sorted(items, key=french_key)


@register.filter
def french_sort(items, attribute=""):
    """{% for skill in skills|french_sort:"name" %}: the list in French order."""
    return french_sorted(items, attribute or None)


@register.filter
def level_name(levels, index):
    """The name of the `index`-th experience level of a matrix: the label a phone shows
    before each cell when the matrix reads as stacked cards."""
    try:
        return levels[int(index)].name
    except (IndexError, TypeError, ValueError):
        return ""
