"""Geometry of the career diagrams, drawn as SVG by templates/roles/_career_diagram.html.

A small layered layout: roles sit in columns (career order, left to right), each with its
specialisations stacked under it; a move that skips columns runs through reserved gaps so
that no arrow crosses a box. Everything here is plain Python over rows already fetched:
no query, no style (the template only sets classes, styled from static/css/site.css).
"""

import textwrap
from dataclasses import dataclass, field
from itertools import pairwise

# Sizes in SVG user units; the drawing scales with its viewBox.
NODE_WIDTH = 190
LINE_HEIGHT = 17
NODE_PADDING = 10
SPEC_PADDING = 7
SPEC_INDENT = 26
SPEC_GAP = 10
COLUMN_GAP = 64
ROW_GAP = 18
GAP_HEIGHT = 14  # the room kept in a column for an arrow that passes through it
MARGIN = 16
LANE_HEADER = 34
LABEL_WIDTH = 20  # characters per line in a box (14px semi-bold)
SPEC_LABEL_WIDTH = 20  # characters per line in a specialisation (12.5px)
SPEC_LINE = 15
ARC_BULGE = 36


@dataclass
class Box:
    """A rectangle on the drawing: a role or a specialisation."""

    key: str
    lines: list
    url: str
    x: float = 0
    y: float = 0
    width: float = NODE_WIDTH
    height: float = 0
    css: str = "node"
    note: str = ""
    title: str = ""
    text_x: float = 0
    text_ys: list = field(default_factory=list)
    note_y: float = 0

    @property
    def label(self):
        return " ".join(self.lines)

    @property
    def text_lines(self):
        return list(zip(self.lines, self.text_ys, strict=False))


@dataclass
class Arrow:
    d: str
    css: str = "edge"
    title: str = ""


@dataclass
class Lane:
    x: float
    width: float
    label: str
    css: str
    y: float = MARGIN / 2
    height: float = 0
    label_x: float = 0
    label_y: float = MARGIN / 2 + 22


@dataclass
class Diagram:
    width: float
    height: float
    boxes: list
    arrows: list
    lanes: list

    @property
    def view_box(self):
        return f"0 0 {self.width:g} {self.height:g}"


@dataclass
class Node:
    """What the caller lays out: a role box and the specialisations drawn under it."""

    key: str
    label: str
    url: str
    column: int
    css: str = "node"
    note: str = ""
    children: list = field(default_factory=list)  # [(label, url, css)]


@dataclass
class _Gap:
    """A reserved slot in a column for an arrow skipping it."""

    key: str
    height: float = GAP_HEIGHT


def _wrap(label):
    return textwrap.wrap(label, LABEL_WIDTH) or [label]


def _spec_lines(label):
    return textwrap.wrap(label, SPEC_LABEL_WIDTH) or [label]


def _spec_height(label):
    return 2 * SPEC_PADDING + len(_spec_lines(label)) * SPEC_LINE


def _block_height(node):
    lines = len(_wrap(node.label)) + (1 if node.note else 0)
    height = 2 * NODE_PADDING + lines * LINE_HEIGHT
    return height + sum(_spec_height(label) + SPEC_GAP for label, _url, _css in node.children)


def layout(nodes, links, lanes=(), highlighted=frozenset()):
    """Place `nodes` (list of Node) and draw `links` [(from key, to key, title)].

    `lanes` are [(first column, last column, label, css)] drawn as labelled bands behind
    the columns. `highlighted` holds the (from, to) pairs of links to draw as a path.
    """
    by_key = {node.key: node for node in nodes}
    links = [(a, b, title) for a, b, title in links if a in by_key and b in by_key]
    column_count = max((node.column for node in nodes), default=-1) + 1
    columns = [[] for _ in range(column_count)]
    for node in nodes:
        columns[node.column].append(node)

    # Forward links that skip columns reserve a gap in each column they cross.
    routes = {}
    for a, b, _title in links:
        start, end = by_key[a].column, by_key[b].column
        route = [a]
        for column in range(start + 1, end):
            gap = _Gap(f"{a}>{b}@{column}")
            columns[column].append(gap)
            route.append(gap.key)
        routes[(a, b)] = [*route, b]

    _order_columns(columns, routes)

    # Vertical positions: each column stacked, then centred on the tallest one.
    heights = {}
    for column in columns:
        for item in column:
            heights[item.key] = item.height if isinstance(item, _Gap) else _block_height(item)
    column_heights = [
        sum(heights[item.key] for item in column) + ROW_GAP * max(len(column) - 1, 0)
        for column in columns
    ]
    tallest = max(column_heights, default=0)
    top = MARGIN + (LANE_HEADER if lanes else 0)
    boxes, gaps = {}, {}
    for index, column in enumerate(columns):
        x = MARGIN + index * (NODE_WIDTH + COLUMN_GAP)
        y = top + (tallest - column_heights[index]) / 2
        for item in column:
            if isinstance(item, _Gap):
                gaps[item.key] = (x, y + item.height / 2)
            else:
                boxes[item.key] = _place(item, x, y)
            y += heights[item.key] + ROW_GAP

    arrows = []
    for a, b, title in links:
        source, target = boxes[a][0], boxes[b][0]
        css = "edge on-path" if (a, b) in highlighted else "edge"
        if target.x > source.x:
            points = [(source.x + source.width, source.y + source.height / 2)]
            for key in routes[(a, b)][1:-1]:
                gap_x, gap_y = gaps[key]
                points += [(gap_x, gap_y), (gap_x + NODE_WIDTH, gap_y)]
            points.append((target.x - 2, target.y + target.height / 2))
            d = _curve_through(points)
        else:  # backwards or within a column: an arc on the right-hand side
            x1, y1 = source.x + source.width, source.y + source.height / 2
            x2, y2 = target.x + target.width + 2, target.y + target.height / 2
            d = (
                f"M{x1:g},{y1:g} C{x1 + ARC_BULGE:g},{y1:g} "
                f"{x2 + ARC_BULGE:g},{y2:g} {x2:g},{y2:g}"
            )
        arrows.append(Arrow(d=d, css=css, title=title))
    for role_box, child_boxes in boxes.values():
        trunk_x = role_box.x + SPEC_INDENT / 2
        for child in child_boxes:
            y = child.y + child.height / 2
            arrows.append(
                Arrow(
                    d=f"M{trunk_x:g},{role_box.y + role_box.height:g} V{y:g} H{child.x - 2:g}",
                    css="edge edge-specialisation",
                    title=f"{role_box.label} → {child.label}",
                )
            )

    drawn_lanes = []
    for first, last, label, css in lanes:
        x = MARGIN / 2 + first * (NODE_WIDTH + COLUMN_GAP)
        width = (last - first + 1) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP + MARGIN
        drawn_lanes.append(Lane(x=x, width=width, label=label, css=css, label_x=x + 8))

    width = 2 * MARGIN + column_count * NODE_WIDTH + max(column_count - 1, 0) * COLUMN_GAP
    if any(by_key[b].column <= by_key[a].column for a, b, _ in links):
        width += ARC_BULGE  # room for arcs drawn on the right
    height = top + tallest + MARGIN
    for lane in drawn_lanes:
        lane.height = height - MARGIN
    all_boxes = [box for role_box, children in boxes.values() for box in (role_box, *children)]
    return Diagram(
        width=width,
        height=height,
        boxes=all_boxes,
        arrows=arrows,
        lanes=drawn_lanes,
    )


def _place(node, x, y):
    lines = _wrap(node.label)
    height = 2 * NODE_PADDING + (len(lines) + (1 if node.note else 0)) * LINE_HEIGHT
    box = Box(
        key=node.key,
        lines=lines,
        url=node.url,
        x=x,
        y=y,
        height=height,
        css=node.css,
        note=node.note,
        text_x=x + NODE_PADDING,
        title=node.label,
    )
    baseline = y + NODE_PADDING + LINE_HEIGHT - 4
    box.text_ys = [baseline + i * LINE_HEIGHT for i in range(len(lines))]
    box.note_y = baseline + len(lines) * LINE_HEIGHT
    children = []
    child_y = y + height + SPEC_GAP
    for label, url, css in node.children:
        child_x = x + SPEC_INDENT
        lines = _spec_lines(label)
        child = Box(
            key=f"{node.key}/{label}",
            lines=lines,
            url=url,
            x=child_x,
            y=child_y,
            width=NODE_WIDTH - SPEC_INDENT,
            height=_spec_height(label),
            css=css,
            text_x=child_x + NODE_PADDING,
            text_ys=[
                child_y + SPEC_PADDING + SPEC_LINE - 4 + i * SPEC_LINE for i in range(len(lines))
            ],
            title=label,
        )
        children.append(child)
        child_y += child.height + SPEC_GAP
    return box, children


def _order_columns(columns, routes):
    """Reorder each column towards the average position of its neighbours (a few sweeps)."""
    neighbours = {}
    for route in routes.values():
        for left, right in pairwise(route):
            neighbours.setdefault(right, []).append(left)
            neighbours.setdefault(left, []).append(right)
    for _sweep in range(4):
        position = {item.key: i for column in columns for i, item in enumerate(column)}
        for column in columns:
            original = {item.key: i for i, item in enumerate(column)}

            def weight(item, original=original, position=position):
                near = neighbours.get(item.key)
                if not near:
                    return (original[item.key], original[item.key])
                return (sum(position[k] for k in near) / len(near), original[item.key])

            column.sort(key=weight)


def _curve_through(points):
    """A smooth path: S-curves between columns, straight runs through reserved gaps."""
    (x, y), rest = points[0], points[1:]
    d = [f"M{x:g},{y:g}"]
    for index, (nx, ny) in enumerate(rest):
        if index % 2 == 0:  # between columns
            bend = (nx - x) / 2
            d.append(f"C{x + bend:g},{y:g} {nx - bend:g},{ny:g} {nx:g},{ny:g}")
        else:  # across a column, through its gap
            d.append(f"H{nx:g}")
        x, y = nx, ny
    return " ".join(d)
