import csv

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.views import FilterView

from .charts import charts_by_role
from .filters import SORTS, SalaryBandFilter

PAGE_SIZE = 30


class SalaryExplorerView(FilterView):
    """/salaires/: the salary bands, filtered (`role` by slug or name, `experience`, `lieu`,
    `nature`), sorted (`tri`) and paginated (`page`, 30 rows), with a chart per role shown
    on the current page: the page filters before it draws, so it stays small whatever the
    number of roles.

    Context: `filter` (the FilterSet), `bands` (the page's rows), `page_obj`, `role_charts`
    (the page's rows by role and document), `columns` (sortable
    headers), `sort`.
    Queries: 1 count, 1 the page's ids in table order, 1 those bands with role, level,
    location and source, 1 locations (chart series and the `lieu` choices).
    """

    filterset_class = SalaryBandFilter
    template_name = "salaries/explorer.html"
    context_object_name = "bands"
    paginate_by = PAGE_SIZE
    strict = False  # a bad parameter is shown as a form error; the other filters still apply

    def paginate_queryset(self, queryset, page_size):
        """The page's rows in two steps: the ids of the page in table order (a narrow sort,
        kept in memory at 9,000 bands; sorting whole rows spilled to disk), then those rows
        with everything the table shows. get_page(): a bad or out-of-range `page` shows the
        nearest page, never a 404."""
        paginator = self.get_paginator(queryset.values_list("pk", flat=True), page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        ids = list(page.object_list)
        rows = {band.pk: band for band in queryset.filter(pk__in=ids).order_by()}
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The charts draw the page's rows, by role and document: as many bars as rows, so
        # that the page keeps its size whatever the sort (a role whose rows run onto the
        # next page is charted there too; a role filter charts all of a role on one page).
        context["role_charts"] = charts_by_role(context["bands"], self.filterset.locations)
        context["columns"] = sortable_columns(self.filterset.sort)
        context["sort"] = self.filterset.sort
        return context


def sortable_columns(sort):
    """[(parameter, label, aria-sort value or "", parameter the header link sets)]."""
    columns = []
    for param, _field, label in SORTS:
        if sort == param:
            columns.append((param, label, "ascending", f"-{param}"))
        elif sort == f"-{param}":
            columns.append((param, label, "descending", param))
        else:
            columns.append((param, label, "", param))
    return columns


def spreadsheet_text(value):
    """Text a spreadsheet will not run as a formula (a cell starting with = + - @)."""
    value = str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class Echo:
    """A file-like object whose write() hands the line back, for a streamed csv.writer."""

    def write(self, value):
        return value


CSV_HEADER = [
    gettext_lazy("Métier"),
    gettext_lazy("Expérience"),
    gettext_lazy("Années d’expérience"),
    gettext_lazy("Lieu (vide : non précisé)"),
    gettext_lazy("Bas (€)"),
    gettext_lazy("Haut (€)"),
    gettext_lazy("Brut ou net (vide : non précisé)"),
    gettext_lazy("Période (vide : non précisée)"),
    gettext_lazy("Date"),
    gettext_lazy("Sens de la date"),
    gettext_lazy("Passage du document"),
    gettext_lazy("Source"),
    gettext_lazy("Document"),
    gettext_lazy("Précision de l’équipe"),
]


def csv_row(band):
    """One band as a CSV row.

    The document's own words (level, years, date and its meaning, the passage) are written
    exactly as the document gives them, even « +5 ans d’exp »: each one was checked against
    its document's text, and an added apostrophe would change them. The site's own texts
    (role name, place, the document's name and title, the team's note) go through
    spreadsheet_text(), so that a cell starting with = + - @ is never run as a formula.
    Figures are plain numbers.
    """
    level = band.experience_level
    return [
        spreadsheet_text(band.role.name),
        level.name if level else _("Tous niveaux"),
        level.years if level else "",
        spreadsheet_text(band.location.name) if band.location else "",
        band.low,
        band.high,
        band.basis,
        band.period,
        band.date_value,
        band.date_label,
        band.excerpt,
        *map(spreadsheet_text, [*document_names(band), band.note]),
    ]


def document_names(band):
    """The band's document (label, title); none for the editors' wording."""
    source = band.attributed_source
    return [source.label, source.title] if source is not None else ["", ""]


class SalaryCsvView(FilterView):
    """/salaires/salaires.csv: the explorer's table as filtered and sorted, every page of
    it, for a French spreadsheet (UTF-8 with a byte order mark, `;` between fields, whole
    euros). Streamed: rows are written as the database hands them over, so the download
    starts at once and memory stays flat whatever the number of bands.

    Queries: 1 bands (read in chunks), 1 locations when `lieu` is given.
    """

    filterset_class = SalaryBandFilter
    strict = False

    def render_to_response(self, context, **response_kwargs):
        bands = context["object_list"]
        response = StreamingHttpResponse(self.rows(bands), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="salaires.csv"'
        return response

    @staticmethod
    def rows(bands):
        writer = csv.writer(Echo(), delimiter=";")
        yield "\ufeff"  # lets Excel read the file as UTF-8
        yield writer.writerow(CSV_HEADER)
        for band in bands.iterator(chunk_size=1000):
            yield writer.writerow(csv_row(band))
