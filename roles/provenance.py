"""Provenance: a document fact is an excerpt of its document's own text.

An excerpt is found in a text when both, normalised the same way, contain one another:
whitespace runs become one space, typographic apostrophes and quotes become plain ones,
case is ignored. Nothing else is forgiven (no accents, no punctuation, no spelling).

Models whose rows quote a document declare which of their text fields are quotes:

    quoted_fields = ("wording",)            # the whole field is one excerpt
    quoted_line_fields = ("expected_answer",)  # each non-empty line is an excerpt

`quoted_excerpts(row)` lists a row's excerpts; `missing_excerpts()` walks every such model
and yields the rows whose excerpts are not in their source's text (`verify_sources`).
Rows an editor marked as their own wording (« rédaction de l'équipe », `team_wording_on`)
quote nothing: `quoting_rows()` leaves them out of the checks and of the document's uses.
"""

import functools
import hashlib
from dataclasses import dataclass

from django.apps import apps

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",  # ’
        "\u2018": "'",  # ‘
        "\u02bc": "'",  # ʼ
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
    }
)


_REPLACEMENTS = [(chr(old), new) for old, new in _TRANSLATE.items()]


def normalise(text):
    """Whitespace, apostrophes, quotes and case folded; nothing else. (What
    `text.translate(_TRANSLATE)` and a regular expression would do, several times faster: the
    document viewer normalises every excerpt a document is quoted with.)"""
    text = text or ""
    if not text.isascii():
        for old, new in _REPLACEMENTS:
            if old in text:
                text = text.replace(old, new)
    return " ".join(text.split()).casefold()


@functools.lru_cache(maxsize=8)  # a document's page locates each of its passages in it
def _normalised_with_offsets(text):
    """The normalised text and, for each of its characters, its offset in `text` (a tuple:
    the result is shared between callers)."""
    chars, offsets = [], []
    previous_space = True  # drops leading whitespace
    for index, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                chars.append(" ")
                offsets.append(index)
            previous_space = True
            continue
        previous_space = False
        for folded in char.translate(_TRANSLATE).casefold():
            chars.append(folded)
            offsets.append(index)
    return "".join(chars), tuple(offsets)


def contains(text, excerpt):
    """Whether `excerpt` is in `text`, compared after normalisation."""
    wanted = normalise(excerpt)
    return bool(wanted) and wanted in normalise(text)


def locate(text, excerpt):
    """(start, end) offsets of the first occurrence of `excerpt` in `text`, or None."""
    return Locator(text).locate(excerpt)


class Locator:
    """`locate()` for many excerpts of one text: the text is normalised once, and its
    `INDEXED`-character slices are indexed, so that an excerpt absent from the text costs a
    dictionary look-up rather than a scan of the text (the document viewer checks every
    excerpt attributed to a document: tens of thousands at 3,000 roles)."""

    INDEXED = 6
    MAX_INDEXED_TEXT = 400_000  # characters; a longer text is scanned for each excerpt

    def __init__(self, text):
        self.haystack, self.offsets = _normalised_with_offsets(text or "")
        self.starts = None
        if len(self.haystack) <= self.MAX_INDEXED_TEXT:
            starts, size = {}, self.INDEXED
            for at in range(len(self.haystack) - size + 1):
                starts.setdefault(self.haystack[at : at + size], []).append(at)
            self.starts = starts

    def find(self, wanted):
        """The first offset of normalised `wanted` in the normalised text, or -1."""
        if self.starts is None or len(wanted) < self.INDEXED:
            return self.haystack.find(wanted)
        for at in self.starts.get(wanted[: self.INDEXED], ()):
            if self.haystack.startswith(wanted, at):
                return at
        return -1

    def locate(self, excerpt, wanted=None):
        wanted = normalise(excerpt) if wanted is None else wanted
        if not wanted:
            return None
        at = self.find(wanted)
        if at < 0:
            return None
        return self.offsets[at], self.offsets[at + len(wanted) - 1] + 1


def passage_id(excerpt, normalised=None):
    """A stable anchor for an excerpt in its document's page: `p-` and 10 hex digits.
    `normalised`: `normalise(excerpt)`, when the caller has it already."""
    wanted = normalise(excerpt) if normalised is None else normalised
    return "p-" + hashlib.sha1(wanted.encode()).hexdigest()[:10]


def quoted_fields(model):
    """(field name, one excerpt per line?) of each text field a model's rows quote."""
    return [(name, False) for name in getattr(model, "quoted_fields", ())] + [
        (name, True) for name in getattr(model, "quoted_line_fields", ())
    ]


def split_excerpts(value, by_line):
    """The excerpts a quoted field's value holds: the value, or each of its non-empty lines."""
    if by_line:
        return [line for line in (value or "").splitlines() if line.strip()]
    return [value] if value and value.strip() else []


def excerpts_of(row):
    """The excerpts a row quotes from its source, in field order."""
    return [
        excerpt
        for name, by_line in quoted_fields(row)
        for excerpt in split_excerpts(getattr(row, name, ""), by_line)
    ]


def quoting_models():
    """Every installed model whose rows quote a source (they declare `quoted_fields`)."""
    return [
        model
        for model in apps.get_models()
        if getattr(model, "quoted_fields", None) or getattr(model, "quoted_line_fields", None)
    ]


def quoting_rows(model):
    """The rows of `model` that quote their document: not those worded by the editors."""
    rows = model._default_manager.all()
    return rows.filter(team_wording_on__isnull=True) if model.can_be_team_worded() else rows


@dataclass
class Missing:
    row: object
    excerpt: str

    @property
    def label(self):
        model = type(self.row)._meta
        return f"{model.verbose_name} #{self.row.pk} ({self.row.quoted_source})"


def missing_excerpts(models=None):
    """Yield a `Missing` for every excerpt not found in its row's source text."""
    for model in models or quoting_models():
        rows = quoting_rows(model).select_related(model.quoted_source_field)
        for row in rows.iterator(chunk_size=500):
            source = row.quoted_source
            text = source.text if source is not None else ""
            for excerpt in excerpts_of(row):
                if not contains(text, excerpt):
                    yield Missing(row, excerpt)
