"""A source document as the viewer at /sources/<slug>/ shows it: its text, line by line, with
every passage the site quotes marked and linked to where the site shows it, and the share of
the document the site uses.

The rows that quote a document are found through the models that declare `quoted_fields`
(roles/provenance.py): the hub names no satellite, each model says where its rows are shown
(`usage_url()`, `usage_label()`).

Issue 16: at 3,000 roles one document is quoted by hundreds of thousands of rows (one
wording by 3,000 roles). The rows are never all fetched: per quoted field, one query gives
the distinct excerpts with how many rows quote each (checked against the text once each),
and one more, for the excerpts found, the first `USES_SHOWN` rows of each, to link to; the
rest are counted (« et 2 994 autres »). Queries: two per quoted field at most (the second
split past `CHUNK` excerpts found), whatever the number of rows.
"""

from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from . import provenance

USES_SHOWN = 6  # per passage; the rest are counted ("et 12 autres")
CHUNK = 500  # excerpts per look-up of their uses (bound on a query's parameters)


@dataclass
class Passage:
    id: str
    start: int
    end: int
    uses: list = field(default_factory=list)  # [(label, url)], each once, `USES_SHOWN` at most
    use_count: int = 0  # rows that quote it, those shown included

    @property
    def more_uses(self):
        return max(0, self.use_count - len(self.uses))


@dataclass
class Segment:
    text: str
    used: bool = False
    anchors: list = field(default_factory=list)  # ids of the passages that start here


@dataclass
class Line:
    segments: list
    passages: list  # the passages that start on this line, for their list of uses

    @property
    def is_used(self):
        return any(segment.used for segment in self.segments)


@dataclass
class Region:
    """Overlapping passages, marked as one stretch of text (marks do not nest)."""

    start: int
    end: int
    passages: list


@dataclass
class AnnotatedDocument:
    lines: list
    passages: list
    coverage: int  # per cent of the document's characters (spaces aside) the site quotes
    missing: list  # distinct excerpts quoted with this document and not found in it


def annotate(source):
    text = source.text or ""
    locator = provenance.Locator(text)
    passages, found, missing, found_values = {}, {}, {}, []  # found: normalised -> Passage
    for model in provenance.quoting_models():
        rows = (
            provenance.quoting_rows(model).filter(**{model.quoted_source_field: source}).order_by()
        )
        for name, by_line in provenance.quoted_fields(model):
            counted = rows.exclude(**{name: ""}).values_list(name).annotate(n=Count("pk"))
            keys_of = {}  # field value -> the passages it quotes
            for value, count in counted:
                for excerpt in provenance.split_excerpts(value, by_line):
                    wanted = provenance.normalise(excerpt)
                    if not wanted or wanted in missing:
                        continue
                    passage = found.get(wanted)
                    if passage is None:
                        span = locator.locate(excerpt, wanted)
                        if span is None:
                            missing[wanted] = excerpt
                            continue
                        key = provenance.passage_id(excerpt, wanted)
                        passage = found[wanted] = passages[key] = Passage(key, *span)
                    key = passage.id
                    passage.use_count += count
                    keys_of.setdefault(value, []).append(key)
            if keys_of:
                found_values.append((model, rows, name, keys_of))
    for model, rows, name, keys_of in found_values:
        _add_uses(model, rows, name, keys_of, passages)
    ordered = sorted(passages.values(), key=lambda p: (p.start, -p.end))
    return AnnotatedDocument(
        lines=_lines(text, ordered),
        passages=ordered,
        coverage=_coverage(text, ordered),
        missing=list(missing.values()),
    )


def _add_uses(model, rows, name, keys_of, passages):
    """The first `USES_SHOWN` rows quoting each value of `name` found in the text, as links:
    one query per `CHUNK` values."""
    values = list(keys_of)
    related = [name for name in getattr(model, "usage_related", ()) if name]
    first = Window(RowNumber(), partition_by=[F(name)], order_by=[F("pk").asc()])
    for start in range(0, len(values), CHUNK):
        chunk = (
            rows.filter(**{f"{name}__in": values[start : start + CHUNK]})
            .select_related(*related)
            .prefetch_related(*getattr(model, "usage_prefetch", ()))
            .annotate(rank=first)
            .filter(rank__lte=USES_SHOWN)
            .order_by(name, "rank")
        )
        for row in chunk:
            use = (row.usage_label(), row.usage_url())
            for key in keys_of[getattr(row, name)]:
                uses = passages[key].uses
                if use not in uses and len(uses) < USES_SHOWN:
                    uses.append(use)


def _coverage(text, passages):
    covered = [False] * len(text)
    for passage in passages:
        covered[passage.start : passage.end] = [True] * (passage.end - passage.start)
    counted = [
        is_covered for char, is_covered in zip(text, covered, strict=True) if not char.isspace()
    ]
    return round(100 * sum(counted) / len(counted)) if counted else 0


def _regions(passages):
    regions = []
    for passage in passages:  # by start
        if regions and passage.start < regions[-1].end:
            regions[-1].end = max(regions[-1].end, passage.end)
            regions[-1].passages.append(passage)
        else:
            regions.append(Region(passage.start, passage.end, [passage]))
    return regions


def _lines(text, passages):
    """The document's non-empty lines, each cut into plain and quoted segments; a quoted
    segment is cut where a passage starts, which carries that passage's anchor."""
    regions, lines, offset = _regions(passages), [], 0
    for raw in text.splitlines(keepends=True):
        start, end = offset, offset + len(raw.rstrip("\r\n"))
        offset += len(raw)
        if not raw.strip():
            continue
        segments, cursor = [], start
        for region in regions:
            if region.end <= start or region.start >= end:
                continue
            begin, finish = max(region.start, start), min(region.end, end)
            if begin > cursor:
                segments.append(Segment(text[cursor:begin]))
            cuts = sorted(
                {begin, finish, *(p.start for p in region.passages if begin < p.start < finish)}
            )
            for left, right in pairwise(cuts):
                anchors = [p.id for p in region.passages if p.start == left]
                segments.append(Segment(text[left:right], True, anchors))
            cursor = finish
        if cursor < end:
            segments.append(Segment(text[cursor:end]))
        starting = [p for p in passages if start <= p.start < end]
        lines.append(Line(segments, starting))
    return lines
