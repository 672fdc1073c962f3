"""Geometry of the salary charts, drawn as SVG by templates/salaries/_chart.html.

One chart per role and per source document (never merged): a group of rows per experience
level, one horizontal range bar per location, on a scale shared by every chart of the page
so that roles compare at a glance. Plain Python over fetched bands: no query, no style.
"""

from dataclasses import dataclass, field

WIDTH = 360
SIDE = 10
PLOT = WIDTH - 2 * SIDE
TOP = 6
GROUP_HEADER = 26
LABEL_LINE = 16
BAR_HEIGHT = 10
ROW_GAP = 10
AXIS = 30
STEPS = [5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000]
MAX_TICKS = 4


@dataclass
class Bar:
    band: object
    series: int
    x: float
    width: float
    y: float
    label_y: float

    @property
    def is_single_figure(self):
        return self.band.low == self.band.high

    @property
    def centre_y(self):
        return self.y + BAR_HEIGHT / 2


@dataclass
class Group:
    experience_level: object  # None: a band given for every level
    y: float
    bars: list = field(default_factory=list)

    @property
    def label_y(self):
        return self.y + GROUP_HEADER - 9


@dataclass
class Tick:
    value: int
    x: float
    anchor: str


@dataclass
class Chart:
    role: object
    source: object
    groups: list
    height: float
    ticks: list
    width: int = WIDTH

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height:g}"

    @property
    def bands(self):
        return [bar.band for group in self.groups for bar in group.bars]

    @property
    def dated_bands(self):
        """One band per distinct date the document gives (its meaning and value), for the
        caption: « Date de dernière mise à jour : 2024 », never « chiffres de 2024 »."""
        seen = {}
        for band in self.bands:
            if band.date_value:
                seen.setdefault((band.date_label, band.date_value), band)
        return [seen[key] for key in sorted(seen, key=lambda key: key[1])]

    plot_top = TOP
    plot_left = SIDE
    plot_width = PLOT
    bar_height = BAR_HEIGHT

    @property
    def tick_label_y(self):
        return self.height - 8

    @property
    def axis_y(self):
        return self.height - AXIS + 4


@dataclass
class RoleCharts:
    role: object
    charts: list


def nice_maximum(highest):
    """The scale's end and step: a round figure at or above `highest`, at most MAX_TICKS
    steps from 0."""
    step = next((step for step in STEPS if highest <= step * MAX_TICKS), STEPS[-1])
    return -(-highest // step) * step, step


def charts_by_role(bands, locations):
    """[RoleCharts] in role order, one chart per source document, for `bands` already
    fetched with their role, experience level, location and source. `locations` (in
    order) give each location its series number, the same in every chart."""
    bands = list(bands)
    if not bands:
        return []
    series = {location.pk: index for index, location in enumerate(locations)}
    maximum, step = nice_maximum(max(band.high for band in bands))
    ticks = []
    for value in range(0, maximum + 1, step):
        anchor = "start" if value == 0 else "end" if value == maximum else "middle"
        ticks.append(Tick(value, SIDE + value / maximum * PLOT, anchor))

    by_chart = {}
    for band in bands:
        if band.is_team_wording:  # a chart is one document's figures: not the editors'
            continue
        by_chart.setdefault((band.role_id, band.source_id), []).append(band)
    charts = []
    for chart_bands in by_chart.values():
        chart_bands.sort(
            key=lambda band: (
                band.experience_level is not None,
                band.experience_level.order if band.experience_level else 0,
                band.experience_level_id or 0,
                *band.place_order,
            )
        )
        groups, y = [], TOP
        for band in chart_bands:
            if not groups or groups[-1].experience_level != band.experience_level:
                groups.append(Group(band.experience_level, y))
                y += GROUP_HEADER
            x_low = SIDE + band.low / maximum * PLOT
            x_high = SIDE + band.high / maximum * PLOT
            groups[-1].bars.append(
                Bar(
                    band=band,
                    series=series.get(band.location_id, 0),
                    x=round(x_low, 1),
                    width=round(x_high - x_low, 1),
                    y=y + LABEL_LINE + 2,
                    label_y=y + LABEL_LINE - 3,
                )
            )
            y += LABEL_LINE + BAR_HEIGHT + ROW_GAP
        first = chart_bands[0]
        charts.append(Chart(first.role, first.source, groups, y + AXIS, ticks))

    by_role = {}
    for chart in charts:
        by_role.setdefault(chart.role.pk, RoleCharts(chart.role, [])).charts.append(chart)
    result = list(by_role.values())
    result.sort(key=lambda item: item.role.name)
    for item in result:
        item.charts.sort(key=lambda chart: chart.source.order)
    return result
