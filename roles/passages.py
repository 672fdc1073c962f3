"""A source document as the viewer at /sources/<slug>/ shows it: its text, line by line, with
every passage the site quotes marked and linked to where the site shows it, and the share of
the document the site uses.

The rows that quote a document are found through the models that declare `quoted_fields`
(roles/provenance.py): the hub names no satellite, each model says where its rows are shown
(`usage_url()`, `usage_label()`).
"""

from dataclasses import dataclass, field
from itertools import pairwise

from . import provenance

USES_SHOWN = 6  # per passage; the rest are counted ("et 12 autres")


@dataclass
class Passage:
    id: str
    start: int
    end: int
    uses: list = field(default_factory=list)  # [(label, url)], each once


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
    missing: list  # excerpts quoted with this document and not found in it


def _rows_quoting(source):
    """Every row that quotes `source`, one query per quoting model."""
    for model in provenance.quoting_models():
        related = [model.quoted_source_field, *getattr(model, "usage_related", ())]
        yield from (
            provenance.quoting_rows(model)
            .filter(**{model.quoted_source_field: source})
            .select_related(*related)
            .prefetch_related(*getattr(model, "usage_prefetch", ()))
        )


def annotate(source):
    text = source.text or ""
    passages, missing = {}, []
    for row in _rows_quoting(source):
        use = (row.usage_label(), row.usage_url())
        for excerpt in provenance.excerpts_of(row):
            key = provenance.passage_id(excerpt)
            passage = passages.get(key)
            if passage is None:
                span = provenance.locate(text, excerpt)
                if span is None:
                    missing.append(excerpt)
                    continue
                passage = passages[key] = Passage(key, *span)
            if use not in passage.uses:
                passage.uses.append(use)
    ordered = sorted(passages.values(), key=lambda p: (p.start, -p.end))
    return AnnotatedDocument(
        lines=_lines(text, ordered),
        passages=ordered,
        coverage=_coverage(text, ordered),
        missing=missing,
    )


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
