"""Finding roles for a reader's query, best first, on PostgreSQL and SQLite; and skills or
training by name. `Role.objects.search(query)` starts here."""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, Count, Exists, F, FloatField, OuterRef, Q, Value, When
from django.db.models.functions import Concat, Length

from ..models import SearchKey, SearchWord
from ..pagination import page_with_total
from .sections import SECTION_STEMS
from .text import CONFIG, STOP_WORDS, stem, words

# A query is cut to this many characters and words: enough for any title, and it bounds the work.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12

# Weights of the tsvector sections, in PostgreSQL's order (D, C, B, A).
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
# Bonuses added to the rank: an exact name beats an exact alias, which beats an exact skill or
# mission title, which beats any partial match (a rank is below 1 in practice).
EXACT_NAME_BONUS = 8.0
EXACT_TITLE_BONUS = 4.0
EXACT_PHRASE_BONUS = 1.5  # a skill, mission or training; once more for a second one
# Every query word in the name or an alternate title: above any role that has them only in
# its texts (two exact phrases and a rank stay below 4), below an exact title.
TITLE_WORDS_BONUS = 4.0
TITLE_WORD_SCORE = 1.0  # SQLite: a query word in a name or alias…
TEXT_WORD_SCORE = 0.2  # …counts more than one elsewhere


@dataclass
class Query:
    """A reader's query, cleaned: what the page shows back and what the database receives."""

    text: str  # as shown back to the reader (cut if too long)
    truncated: bool
    words: list  # canonical words, for PostgreSQL
    stems: list  # stemmed, stop words left out: SQLite and excerpts
    key: str  # for exact titles
    correction: "Query | None" = None  # what was searched when nothing matched (typos)

    @classmethod
    def parse(cls, raw):
        text = " ".join("".join(c if c.isprintable() else " " for c in str(raw or "")).split())
        truncated = len(text) > MAX_QUERY_LENGTH
        text = text[:MAX_QUERY_LENGTH]
        all_words = list(dict.fromkeys(w for w in words(text) if w not in STOP_WORDS))
        truncated = truncated or len(all_words) > MAX_QUERY_WORDS
        all_words = all_words[:MAX_QUERY_WORDS]
        query_stems = list(dict.fromkeys(stem(w) for w in all_words if "-" not in w))
        return cls(
            text=text,
            truncated=truncated,
            words=all_words,
            stems=query_stems,
            key=" ".join(stem(w) for w in all_words),
        )

    def __bool__(self):
        return bool(self.stems)


def search_roles(queryset, query):
    """Roles matching `query` (a Query or a string), best first, annotated with `search_rank`."""
    if not isinstance(query, Query):
        query = Query.parse(query)
    if not query:
        return queryset.none()
    if connections[queryset.db].vendor != "postgresql":
        return _search_fallback(queryset, query)
    plain = SearchQuery(" ".join(query.words), config=CONFIG)
    rank = SearchRank(F("search__document"), plain, weights=RANK_WEIGHTS, normalization=Value(1))
    return (
        queryset.filter(Q(search__document=plain) | Q(search__body=plain))
        .annotate(search_rank=_exact_bonus(query) + _titles_bonus(query) + rank)
        .order_by(*RESULT_ORDER)
    )


def _searched(queryset, query, run, found_nothing):
    """`run(search_roles(...))`; when `found_nothing(result)`, the same for the query with its
    words corrected (typos), kept as `query.correction`."""
    result = run(search_roles(queryset, query))
    if query and found_nothing(result):
        query.correction = corrected(query, queryset.db)
        if query.correction:
            result = run(search_roles(queryset, query.correction))
    return result


def search_roles_or_similar(queryset, query):
    """`search_roles()`, or when the words match nothing (one query to tell), the search for
    the corrected words: what `Role.objects.search()` gives."""
    return _searched(queryset, query, lambda roles: roles, lambda roles: not roles.exists())


def search_page(queryset, query, number, per_page):
    """Page `number` of the roles matching `query`, with the total, in one query; when
    nothing matches, the same for the corrected words."""
    return _searched(
        queryset,
        query,
        lambda roles: page_with_total(roles, number, per_page),
        lambda page: not page.paginator.count,
    )


# A word is corrected only if it has this many letters (the words stored have 4 or more),
# to a word at most this many edits away (SQLite; PostgreSQL's `%` has its own threshold).
MIN_CORRECTED_LENGTH = 4


def max_edits(word):
    return 1 if len(word) <= 5 else 2


def corrected(query, using="default"):
    """The query with each word replaced by the closest word of the content (`SearchWord`):
    typos, "coordinatuer" → "coordinateur", "markting" → "marketing". Words naming a section
    of the site ("salaire marketing") are left out when other words remain: the page links
    to that section. One query at most, on either database; None when nothing changes."""
    kept = [word for word in query.words if stem(word) not in SECTION_STEMS] or query.words
    typed = [
        word
        for word in kept
        if len(word) >= MIN_CORRECTED_LENGTH and word.isalpha() and stem(word) not in SECTION_STEMS
    ]
    if not typed:
        return Query.parse(" ".join(kept)) if kept != query.words else None
    if connections[using].vendor == "postgresql":
        found = dict(zip(typed, _closest_by_trigrams(typed, using), strict=True))
    else:
        found = _closest_by_edits(typed, using)
    better = [found.get(word) or word for word in kept]
    if better == list(query.words):
        return None
    return Query.parse(" ".join(better))


# PostgreSQL: the closest word to each query word, by trigram similarity (index: 0004).
CORRECTIONS_SQL = """
    SELECT (
        SELECT known.word FROM roles_searchword known
        WHERE known.word %% typed.word
        ORDER BY similarity(known.word, typed.word) DESC, known.word
        LIMIT 1
    )
    FROM unnest(%s::text[]) WITH ORDINALITY AS typed(word, position)
    ORDER BY typed.position
"""


def _closest_by_trigrams(typed, using):
    with connections[using].cursor() as cursor:
        cursor.execute(CORRECTIONS_SQL, [typed])
        return [word for (word,) in cursor.fetchall()]


def _closest_by_edits(typed, using):
    """Other databases: {typed word: closest stored word}, by edit distance (a swap of two
    letters is one edit), closer trigrams breaking ties. The candidates, fetched in one
    query on the word's unique index, start with the same letter and are of similar length:
    a few hundred words, whatever the size of the content."""
    condition = Q()
    for word in typed:
        edits = max_edits(word)
        condition |= Q(
            word__gte=word[0],
            word__lt=chr(ord(word[0]) + 1),
            length__gte=len(word) - edits,
            length__lte=len(word) + edits,
        )
    candidates = list(
        SearchWord.objects.using(using)
        .annotate(length=Length("word"))
        .filter(condition)
        .values_list("word", flat=True)
    )
    found = {}
    for word in typed:
        edits = max_edits(word)
        scored = [
            (distance, -_trigram_similarity(word, known), known)
            for known in candidates
            if known[0] == word[0] and abs(len(known) - len(word)) <= edits
            for distance in [edit_distance(word, known, edits)]
            if distance <= edits
        ]
        if scored:
            found[word] = min(scored)[2]
    return found


def edit_distance(a, b, limit):
    """Optimal string alignment distance between `a` and `b` (insertions, deletions,
    substitutions, swaps of neighbours), or `limit + 1` as soon as it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            value = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, before[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def _trigrams(word):
    padded = f"  {word} "  # as pg_trgm pads
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _trigram_similarity(a, b):
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / len(ta | tb)


RESULT_ORDER = ("-search_rank", "-is_documented", "name")


def _exact_bonus(query):
    """The bonus of the roles one of whose titles or phrases is the query: each test is a
    subquery run once on the keys' index, then a hash lookup per role."""
    kinds = SearchKey.Kind
    keys = SearchKey.objects.filter(key=query.key[:250]).order_by().values("role_id")
    twice = keys.filter(kind=kinds.PHRASE).annotate(n=Count("pk")).filter(n__gte=2)
    bonuses = [
        (keys.filter(kind=kinds.NAME), EXACT_NAME_BONUS),
        (keys.filter(kind=kinds.ALIAS), EXACT_TITLE_BONUS),
        (keys.filter(kind=kinds.PHRASE), EXACT_PHRASE_BONUS),
        (twice.values("role_id"), EXACT_PHRASE_BONUS),  # a skill and a mission, say
    ]
    return reduce(
        operator.add,
        (
            Case(When(pk__in=roles, then=Value(bonus)), default=Value(0.0))
            for roles, bonus in bonuses
        ),
    )


def _titles_bonus(query):
    """The bonus of the roles whose name or one alternate title has every query word (whole
    words: "gestion" is not in "Gestionnaire"), on the keys of titles."""
    # Issue 16: this read every title of the site at each search (25 ms at 3,000 roles). Now
    # either each matched role's own keys (index on role_id) or, on PostgreSQL, the keys
    # holding each word (`key LIKE '%word%'`: trigram index, migration 0010), whichever the
    # planner finds cheaper; the whole-word test runs on those only.
    titles = SearchKey.objects.filter(
        role_id=OuterRef("pk"), kind__in=[SearchKey.Kind.NAME, SearchKey.Kind.ALIAS]
    )
    titles = titles.annotate(padded=Concat(Value(" "), "key", Value(" ")))
    for word in query.stems:
        titles = titles.filter(key__contains=word, padded__contains=f" {word} ")
    return Case(
        When(Exists(titles.order_by()), then=Value(TITLE_WORDS_BONUS)),
        default=Value(0.0),
        output_field=FloatField(),
    )


def _search_fallback(queryset, query):
    """SQLite: each query word must start a word of the role; words in titles count more."""
    condition = Q()
    score = Value(0.0, output_field=FloatField())
    for word in query.stems:
        in_titles = Q(search__titles__contains=f" {word}")
        condition &= in_titles | Q(search__text__contains=f" {word}")
        score += Case(
            When(in_titles, then=Value(TITLE_WORD_SCORE)),
            default=Value(TEXT_WORD_SCORE),
            output_field=FloatField(),
        )
    return (
        queryset.filter(condition)
        .annotate(
            search_rank=_exact_bonus(query) + _titles_bonus(query) + score / len(query.stems)
        )
        .order_by(*RESULT_ORDER)
    )


def search_by_name(queryset, query, limit):
    """Skills or training whose name has every query word, exact names first, `limit` at most.

    The words are matched in a subquery that stops at `limit`, so that what the caller
    annotates (a count of roles) is computed for the rows shown only.
    """
    if not isinstance(query, Query):
        query = Query.parse(query)
    if not query:
        return queryset.none()
    condition = Q()
    for word in query.stems:
        condition &= Q(search_text__contains=f" {word}")
    exact = Case(
        When(search_text=" " + " ".join(query.stems) + " ", then=Value(1)), default=Value(0)
    )
    found = (
        queryset.model.objects.filter(condition)
        .annotate(exact=exact)
        .order_by("-exact", "name")
        .values("pk")[:limit]
    )
    return queryset.filter(pk__in=found).annotate(exact=exact).order_by("-exact", "name")
