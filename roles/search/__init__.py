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
- words (`SearchWord`, both databases): the words of titles and phrases. When a query
  matches nothing, each of its words is replaced by the closest of them and the search runs
  again: typos ("coordinatuer" → "coordinateur"). PostgreSQL measures closeness with pg_trgm,
  SQLite with an edit distance over the few words of similar length and first letter.
- `document` (PostgreSQL): what ranks, a tsvector under the `french_unaccent` configuration
  (unaccent, then the French stemmer): name and aliases A, skills and tools B, mission titles
  C, training D. `body`: the rest (summary, mission texts, what sources say of each skill),
  which matches but ranks below. Both with GIN indexes.
- `titles`, `text` (SQLite): the stemmed words of the titles, and of everything; a role matches
  when each query word starts one of its words, and words in titles count more.

On both, a role whose name or an alternate title holds every query word ranks above roles
that have them only in their texts.

The package: `text` (the normaliser), `documents` (the stored rows, rebuilt by
`refresh_search_documents()`), `queries` (`Role.objects.search()`, a page of results, typos),
`results` (why each role matched), `sections` (queries naming a section of the site),
`suggestions` (titles as the reader types).
"""

from .documents import (
    Document,
    documents_queryset,
    name_search_text,
    refresh_search_documents,
    refresh_skill_counts,
)
from .queries import (
    Query,
    corrected,
    search_by_name,
    search_page,
    search_roles,
    search_roles_or_similar,
)
from .results import Reason, for_results, highlight, reasons
from .sections import section_links
from .suggestions import SuggestionsForm, suggestions
from .text import fold, key, masculine, stem, stem_text, stems, words

__all__ = [
    "Document",
    "Query",
    "Reason",
    "SuggestionsForm",
    "corrected",
    "documents_queryset",
    "fold",
    "for_results",
    "highlight",
    "key",
    "masculine",
    "name_search_text",
    "reasons",
    "refresh_search_documents",
    "refresh_skill_counts",
    "search_by_name",
    "search_page",
    "search_roles",
    "search_roles_or_similar",
    "section_links",
    "stem",
    "stem_text",
    "stems",
    "suggestions",
    "words",
]
