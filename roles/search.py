"""Finding a role by any word the documents use for it: French-aware search on both databases.

One normaliser feeds everything, so that a document and a query are always read the same way:
case and accents are ignored, "e-commerce", "e commerce" and "ecommerce" are one word, and the
feminine forms the documents write ("Coordinateur(trice)", "Chargé(e)") or a reader types
("coordinatrice", "chargée") become the masculine form.

Each role has a `RoleSearch` row and `SearchKey` rows, rebuilt by `roles/signals.py` whenever
editors change the role or its rows:

- keys: each title (name, aliases) and each phrase (skill, tool, mission title, training) as a
  key: normalised, lightly stemmed words, stop words left out. A query equal to a key ranks
  its role first: a name, then an alias, then phrases.
- words (PostgreSQL): the words of titles and phrases. When a query matches nothing, each of
  its words is replaced by the most similar of them (pg_trgm) and the search runs again:
  typos ("coordinatuer" → "coordinateur").
- `document` (PostgreSQL): what ranks, a tsvector under the `french_unaccent` configuration
  (unaccent, then the French stemmer): name and aliases A, skills and tools B, mission titles
  C, training D. `body`: the rest (summary, mission texts, what sources say of each skill),
  which matches but ranks below. Both with GIN indexes.
- `titles`, `text` (SQLite): the stemmed words of the titles, and of everything; a role matches
  when each query word starts one of its words, and words in titles count more.
"""

import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, reduce

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from .models import (
    Mission,
    Role,
    RoleAlias,
    RoleSearch,
    RoleSkill,
    RoleTraining,
    SearchKey,
    SearchWord,
    Skill,
)

CONFIG = "french_unaccent"

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

# fmt: off
STOP_WORDS = frozenset({
    "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "en",
    "et", "il", "elle", "l", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "son", "sur", "un", "une", "y",
})
# fmt: on

# Feminine endings → masculine, on a folded word (no accents, so "chargée" is "chargee").
FEMININE_ENDINGS = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("ees", "es"),  # "chargées" (folded)
    ("ee", "e"),  # "chargée"
)

_SEPARATORS = re.compile(r"[’'`´\u2010-\u2015/·•|+&]")
# "Coordinateur(trice)", "Chargé(e)", "commercial·e": the short feminine ending is dropped.
_GENDERED = re.compile(r"(?<=\w)(?:\(\w{1,6}\)|·\w{1,6}\b)")
# "e-commerce", "e commerce", "E-Merchandiser" → one word ("ecommerce", "emerchandiser").
_E_PREFIX = re.compile(r"(?<![\w-])e[\s-]+(?=[a-z]{3})")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def fold(text):
    """Lowercase, without accents or ligatures, gendered endings dropped, "e-" prefixes joined."""
    text = unicodedata.normalize("NFKC", str(text)).replace("\x00", " ")
    text = _GENDERED.sub("", text)
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = _SEPARATORS.sub(" ", text)
    return _E_PREFIX.sub("e", text)


def masculine(word):
    for ending, replacement in FEMININE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    return word


def stem(word):
    """A light French stemmer: plural, feminine and final -e, the same on both sides of a match.

    "commerciaux" → "commercial", "chargées" → "charg", "coordinatrices" → "coordinateur".
    PostgreSQL uses its own Snowball stemmer; this one serves SQLite, exact titles and excerpts.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx":
        word = word[:-1]
    word = masculine(word)
    for _repeat in range(2):  # "chargée" → "charge" → "charg"
        if word.endswith("e") and len(word) > 3:
            word = word[:-1]
    if word[-2:] in ("nn", "ll", "tt") and len(word) > 4:
        word = word[:-1]
    return word


# Texts repeat (a skill's name in every role that needs it): the normalisers keep their answers.
@lru_cache(maxsize=100_000)
def words(text):
    """The words of a text, folded and masculine: what PostgreSQL's French stemmer then reads.

    A hyphenated compound ("start-up") gives its parts, then the joined word ("startup").
    """
    result = []
    for match in _WORD.finditer(fold(text)):
        parts = match.group().split("-")
        result.extend(masculine(part) for part in parts)
        if len(parts) > 1:
            result.append("".join(parts))
    return tuple(result)


def stems(text, *, keep_stop_words=True):
    return [stem(word) for word in words(text) if keep_stop_words or word not in STOP_WORDS]


@lru_cache(maxsize=100_000)
def key(text):
    """The form two titles must share to be the same title: "Chargé(e) de projets e-commerce"
    and "chargée de projet ecommerce" both give "charg projet ecommerc"."""
    return " ".join(
        stem(word)
        for match in _WORD.finditer(fold(text))
        for word in [masculine(match.group().replace("-", ""))]
        if word not in STOP_WORDS
    )


def stem_text(texts, *, keep_stop_words=True):
    """Stems of the texts, each once, space-separated and space-padded (" word word ")."""
    found = (s for text in texts if text for s in stems(text, keep_stop_words=keep_stop_words))
    return " " + " ".join(dict.fromkeys(found)) + " "


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    """What the search stores for one role, section by section."""

    titles: list  # name, then aliases (weight A)
    skills: list  # skills and tools (B)
    missions: list  # mission titles (C)
    training: list  # training names (D)
    body: list  # summary, mission texts, what sources say of skills and training

    @classmethod
    def for_role(cls, role):
        """From a role with its rows prefetched by `documents_queryset()`."""
        missions = list(role.missions.all())
        role_skills = list(role.role_skills.all())
        role_trainings = list(role.role_trainings.all())
        return cls(
            titles=[role.name, *(alias.name for alias in role.aliases.all())],
            # a skill or a training two sources cite is still one
            skills=list(dict.fromkeys(rs.skill.name for rs in role_skills)),
            missions=[mission.title for mission in missions],
            training=list(dict.fromkeys(rt.training.name for rt in role_trainings)),
            body=[
                role.summary,
                *(mission.description for mission in missions),
                *(rs.wording for rs in role_skills),
                *(text for rt in role_trainings for text in (rt.training.institution, rt.note)),
            ],
        )

    def fields(self, vendor):
        """The values of the role's `RoleSearch` row, for `vendor`'s database."""
        if vendor != "postgresql":
            everything = self.titles + self.skills + self.missions + self.training + self.body
            return {"titles": stem_text(self.titles), "text": stem_text(everything)}
        sections = zip(
            "ABCD", (self.titles, self.skills, self.missions, self.training), strict=True
        )
        return {
            "titles": "",  # SQLite only: PostgreSQL reads the documents
            "text": "",
            "document": reduce(
                operator.add, (_vector(texts, weight) for weight, texts in sections)
            ),
            "body": _vector(self.body),
        }

    def lexicon(self):
        """The words a misspelt query may be corrected to: those of titles and phrases."""
        texts = self.titles + self.skills + self.missions + self.training
        return {word for text in texts for word in words(text) if len(word) >= 4}

    def search_keys(self):
        """[(kind, key)]: the name, each alias and each phrase, normalised, without repeats
        (an alias written like the name counts once; a mission titled like a skill, twice)."""
        kinds = SearchKey.Kind
        titles = list(dict.fromkeys(k for k in map(key, self.titles) if k))
        phrases = [k for k in map(key, self.skills + self.missions + self.training) if k]
        return [
            *((kinds.NAME if i == 0 else kinds.ALIAS, k) for i, k in enumerate(titles)),
            *((kinds.PHRASE, k) for k in phrases),
        ]


def _vector(texts, weight=None):
    text = " ".join(word for text in texts if text for word in words(text))
    return SearchVector(Value(text), config=CONFIG, weight=weight)


def documents_queryset(queryset):
    """The roles with exactly what `Document.for_role` reads, in five queries."""
    return queryset.only("pk", "name", "summary").prefetch_related(
        Prefetch("aliases", queryset=RoleAlias.objects.only("role_id", "name")),
        Prefetch("missions", queryset=Mission.objects.only("role_id", "title", "description")),
        Prefetch(
            "role_skills",
            queryset=RoleSkill.objects.select_related("skill").only(
                "role_id", "wording", "skill__name"
            ),
        ),
        Prefetch(
            "role_trainings",
            queryset=RoleTraining.objects.select_related("training").only(
                "role_id", "note", "training__name", "training__institution"
            ),
        ),
    )


def refresh_search_documents(role_ids=None, *, using="default", batch_size=200, progress=None):
    """Rebuilds the search rows of the given roles (all roles when None): 8 queries a batch."""
    vendor = connections[using].vendor
    queryset = Role.objects.using(using).order_by("pk")
    if role_ids is not None:
        queryset = queryset.filter(pk__in=list(role_ids))
    pks = list(queryset.values_list("pk", flat=True))
    fields = ["titles", "text"] + (["document", "body"] if vendor == "postgresql" else [])
    for start in range(0, len(pks), batch_size):
        batch = pks[start : start + batch_size]
        rows, keys, lexicon = [], [], set()
        for role in documents_queryset(Role.objects.using(using).filter(pk__in=batch)):
            document = Document.for_role(role)
            if vendor == "postgresql":
                lexicon |= document.lexicon()
            rows.append(RoleSearch(role=role, **document.fields(vendor)))
            keys += [
                SearchKey(role=role, kind=kind, key=k[:250]) for kind, k in document.search_keys()
            ]
        RoleSearch.objects.using(using).bulk_create(
            rows, update_conflicts=True, unique_fields=["role"], update_fields=fields
        )
        SearchKey.objects.using(using).filter(role__in=batch).delete()
        SearchKey.objects.using(using).bulk_create(keys, batch_size=2000)
        if vendor == "postgresql":
            SearchWord.objects.using(using).bulk_create(
                [SearchWord(word=word[:100]) for word in sorted(lexicon)],
                ignore_conflicts=True,
                batch_size=2000,
            )
        if progress:
            progress(min(start + batch_size, len(pks)), len(pks))
    return len(pks)


def refresh_skill_counts(skill_ids=None, *, using="default"):
    """Recounts the roles that need each skill (all skills when None): one UPDATE."""
    roles = (
        RoleSkill.objects.using(using)
        .filter(skill=OuterRef("pk"))
        .order_by()
        .values("skill")
        .annotate(count=Count("role", distinct=True))
        .values("count")
    )
    skills = Skill.objects.using(using)
    if skill_ids is not None:
        skills = skills.filter(pk__in=list(skill_ids))
    skills.update(role_count=Coalesce(Subquery(roles), 0))


def name_search_text(*texts):
    """The stored text of a skill or a training: its name's stems, for word matches."""
    return stem_text(texts, keep_stop_words=False)


# --------------------------------------------------------------------------- queries


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


def search_roles_or_similar(queryset, query):
    """`search_roles()`; on PostgreSQL, when the words match nothing (one query to tell),
    the search for the query corrected by `corrected()`, kept as `query.correction`."""
    roles = search_roles(queryset, query)
    if query and connections[queryset.db].vendor == "postgresql" and not roles.exists():
        query.correction = corrected(query, queryset.db)
        if query.correction:
            return search_roles(queryset, query.correction)
    return roles


def search_page(queryset, query, number, per_page):
    """Page `number` of the roles matching `query`, with the total, in one query; on
    PostgreSQL, when nothing matches, the same for the corrected query (`query.correction`)."""
    page = _page_with_total(search_roles(queryset, query), number, per_page)
    if not page.paginator.count and query and connections[queryset.db].vendor == "postgresql":
        query.correction = corrected(query, queryset.db)
        if query.correction:
            page = _page_with_total(search_roles(queryset, query.correction), number, per_page)
    return page


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


MAX_PAGE = 10_000


def _page_with_total(queryset, number, per_page):
    """A Paginator page whose rows and total come from one query (a COUNT(*) OVER () window).
    A page number past the end gives the last page, as `Paginator.get_page()` does."""
    try:
        number = min(MAX_PAGE, max(1, int(number)))
    except (TypeError, ValueError):
        number = 1
    counted = queryset.annotate(total_count=Window(Count("pk")))

    def rows(number):
        return list(counted[(number - 1) * per_page : number * per_page])

    found = rows(number)
    if not found and number > 1:
        number = max(1, -(-queryset.count() // per_page))
        found = rows(number)
    paginator = Paginator(range(found[0].total_count if found else 0), per_page)
    page = paginator.page(min(number, paginator.num_pages))
    page.object_list = found
    return page


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


# --------------------------------------------------------------------------- excerpts


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
