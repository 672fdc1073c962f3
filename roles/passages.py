"""A source document as the viewer at /sources/<slug>/ shows it: its text, line by line, with
every passage the site quotes marked and linked to where the site shows it, and the share of
the document the site uses.

The rows that quote a document are found through the models that declare `quoted_fields`
(roles/provenance.py): the hub names no satellite, each model says where its rows are shown
(`usage_url()`, `usage_label()`).
"""

from dataclasses import dataclass, field

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
    passage: Passage | None = None
    first: bool = False  # the passage starts here: the segment carries its anchor


@dataclass
class Line:
    segments: list
    passages: list  # the passages that start on this line, for their list of uses

    @property
    def is_used(self):
        return any(segment.passage for segment in self.segments)


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
            model._default_manager.filter(**{model.quoted_source_field: source})
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


def _lines(text, passages):
    """The document's non-empty lines, each cut into plain and quoted segments. A passage
    inside another one is marked with the outer one (marks do not nest)."""
    lines, offset = [], 0
    outer = []
    for passage in passages:
        if outer and passage.end <= outer[-1].end:
            outer[-1].uses.extend(use for use in passage.uses if use not in outer[-1].uses)
            continue
        outer.append(passage)
    for raw in text.splitlines(keepends=True):
        start, end = offset, offset + len(raw)
        offset = end
        if not raw.strip():
            continue
        segments, cursor, starting = [], start, []
        for passage in outer:
            if passage.end <= start or passage.start >= end:
                continue
            if passage.start >= start:
                starting.append(passage)
            begin, finish = max(passage.start, start), min(passage.end, end)
            if begin > cursor:
                segments.append(Segment(text[cursor:begin]))
            segments.append(Segment(text[begin:finish], passage, passage.start >= start))
            cursor = finish
        if cursor < end:
            segments.append(Segment(text[cursor:end]))
        segments = [s for s in segments if s.text.strip() or s.passage]
        for segment in segments:
            segment.text = segment.text.strip("\n")
        lines.append(Line(segments, starting))
    return lines
