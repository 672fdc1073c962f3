"""Why each role of a page of results matched: the texts that hold the query's words,
highlighted and cut to an excerpt."""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from ..models import Mission, RoleAlias, RoleSkill, RoleTraining, Skill
from .text import key, stem_text

EXCERPT_WORDS = 24  # words of context kept around the first match of a long text


@lru_cache(maxsize=20_000)
def _stemmed(text):
    return stem_text([text])


def _matched(word, query):
    """The query stem a document word matches (the word starts with it), or None."""
    folded = key(word)
    if not folded:
        return None
    for target in query.stems:
        if folded.startswith(target) or (target.startswith(folded) and len(folded) >= 4):
            return target
    return None


_TEXT_WORD = re.compile(r"(?<![\w-])[eE][-\u2010\u2011 ](?=\w{3})\w+|[^\W_]+(?:\(\w{1,6}\))?")


def highlight(text, query, *, excerpt=False):
    """(HTML, number of query words found): the text, escaped, with the words that match the
    query in <mark>; (None, 0) when nothing matches.

    With `excerpt`, a long text is cut to the words around its first match.
    """
    text = str(text or "")
    stemmed = _stemmed(text)
    if not any(f" {target}" in stemmed for target in query.stems):
        return None, 0  # the words are not there: no need to look at each one
    found = [(m, _matched(m.group(), query)) for m in _TEXT_WORD.finditer(text)]
    spans = [m.span() for m, target in found if target]
    if not spans:
        return None, 0
    start, end, prefix, suffix = 0, len(text), "", ""
    if excerpt and len(found) > EXCERPT_WORDS:
        first = next(i for i, (m, target) in enumerate(found) if target)
        low = max(0, first - EXCERPT_WORDS // 3)
        high = low + EXCERPT_WORDS
        start = found[low][0].start()
        prefix = "…" if low else ""
        if high < len(found):
            end, suffix = found[high][0].start(), "…"
    pieces, cursor = [prefix], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end].rstrip()))
    pieces.append(suffix)
    matched = len({target for _m, target in found if target})
    return mark_safe("".join(pieces)), matched  # every piece of the text is escaped above


@dataclass
class Reason:
    """Why a role matched: what matched (an alias, a skill…) and the excerpt, highlighted."""

    label: str
    excerpt: str


# What matched, as a reason shows it; lazy, so a label is translated only when it is shown.
REASON_LABELS = {
    "alias": gettext_lazy("Autre appellation"),
    "tool": gettext_lazy("Outil"),
    "skill": gettext_lazy("Compétence"),
    "mission": gettext_lazy("Mission"),
    "training": gettext_lazy("Formation"),
    "summary": gettext_lazy("Résumé"),
}


def reasons(role, query, limit=3):
    """Up to `limit` reasons a role matched, those with the most query words first, from the
    texts `for_results()` fetched. Long texts are read only when short ones are not enough.
    """
    texts, label = role.search_texts, REASON_LABELS
    short = [
        *((label["alias"], name) for name in texts["aliases"]),
        *(
            (label["tool"] if category == Skill.Category.TOOL else label["skill"], name)
            for name, category, _wording in texts["skills"]
        ),
        *((label["mission"], title) for title, _description in texts["missions"]),
        *((label["training"], name) for name, _institution, _note in texts["trainings"]),
    ]
    long = [
        (label["summary"], role.summary),
        *((label["mission"], description) for _title, description in texts["missions"]),
        *((label["skill"], wording) for _name, _category, wording in texts["skills"]),
        *((label["training"], note) for _name, _institution, note in texts["trainings"]),
    ]
    found, seen = [], set()
    for candidates, is_long in ((short, False), (long, True)):
        for label, text in candidates:
            if not text or text in seen:
                continue
            seen.add(text)
            excerpt, matched = highlight(text, query, excerpt=is_long)
            if excerpt:
                found.append((-matched, len(found), Reason(label, excerpt)))
        best = sorted(found)[:limit]
        if len(best) == limit and -best[-1][0] == len(query.stems):
            break
    return [reason for _rank, _order, reason in sorted(found)[:limit]]


def for_results(roles, query):
    """Fetches, in four queries of plain values, the texts `reasons()` reads for a page of
    results, as each role's `search_texts`. Of a role's skills, only those whose name has a
    query word or whose source says something of them: 40 skills a role add up."""
    ids = [role.pk for role in roles]
    texts = {pk: {"aliases": [], "skills": [], "missions": [], "trainings": []} for pk in ids}
    if not ids:
        return roles
    relevant = ~Q(wording="")
    for word in query.stems:
        relevant |= Q(skill__search_text__contains=f" {word}")
    sources = [
        ("aliases", RoleAlias.objects.order_by("order", "pk").values_list("role_id", "name")),
        (
            "skills",
            RoleSkill.objects.filter(relevant)
            .order_by("order", "pk")
            .values_list("role_id", "skill__name", "skill__category", "wording"),
        ),
        (
            "missions",
            Mission.objects.order_by("source__order", "order").values_list(
                "role_id", "title", "description"
            ),
        ),
        (
            "trainings",
            RoleTraining.objects.order_by("order", "pk").values_list(
                "role_id", "training__name", "training__institution", "note"
            ),
        ),
    ]
    for name, rows in sources:
        for role_id, *values in rows.filter(role_id__in=ids):
            texts[role_id][name].append(values[0] if len(values) == 1 else tuple(values))
    for role in roles:
        role.search_texts = texts[role.pk]
    return roles
