"""Finding roles for a reader's query, best first, on PostgreSQL and SQLite; and skills or
training by name. `Role.objects.search(query)` starts here."""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, Count, F, FloatField, Q, Value, When

from ..models import SearchKey
from ..pagination import page_with_total
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
    correction: "Query | None" = None  # PostgreSQL: what was searched when nothing matched

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
        .annotate(search_rank=_exact_bonus(query) + rank)
        .order_by(*RESULT_ORDER)
    )


def _searched(queryset, query, run, found_nothing):
    """`run(search_roles(...))`; on PostgreSQL, when `found_nothing(result)`, the same for the
    query with its words corrected (typos), kept as `query.correction`."""
    result = run(search_roles(queryset, query))
    if query and connections[queryset.db].vendor == "postgresql" and found_nothing(result):
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


# The closest word of the content to each query word, by trigram similarity (index: 0004).
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


def corrected(query, using="default"):
    """PostgreSQL: the query with each word replaced by the most similar word of the content
    (typos: "coordinatuer" → "coordinateur"), in one query; None when no word changes."""
    with connections[using].cursor() as cursor:
        cursor.execute(CORRECTIONS_SQL, [list(query.words)])
        found = [word for (word,) in cursor.fetchall()]
    better = [known or typed for typed, known in zip(query.words, found, strict=True)]
    if better == list(query.words):
        return None
    return Query.parse(" ".join(better))


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
        .annotate(search_rank=_exact_bonus(query) + score / len(query.stems))
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
