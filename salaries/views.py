import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_filters.views import FilterView

from .charts import charts_by_role
from .filters import SORTS, SalaryBandFilter
from .models import Location


class SalaryExplorerView(FilterView):
    """/salaires/: every salary band in one table, filtered (`role`, `experience`, `lieu`)
    and sorted (`tri`), with a chart per role.

    Context: `filter` (the FilterSet), `bands`, `role_charts`, `columns` (sortable headers),
    `querystring` (the current filters, for the CSV link).
    Queries: 1 bands with role, level, location and source; 1 locations (chart series);
    rendering the form: 1 roles, 1 locations; a valid `role` or `lieu` adds 1 each.
    """

    filterset_class = SalaryBandFilter
    template_name = "salaries/explorer.html"
    context_object_name = "bands"
    strict = False  # a bad parameter is shown as a form error; the other filters still apply

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bands = context["bands"]
        context["role_charts"] = charts_by_role(bands, Location.objects.all())
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


class SalaryCsvView(FilterView):
    """/salaires/salaires.csv: the explorer's table as filtered and sorted, for a French
    spreadsheet (UTF-8 with a byte order mark, `;` between fields, whole euros).

    Queries: 1 bands; a valid `role` or `lieu` adds 1 each.
    """

    filterset_class = SalaryBandFilter
    strict = False

    def render_to_response(self, context, **response_kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="salaires.csv"'
        response.write("\ufeff")  # lets Excel read the file as UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [
                _("Métier"),
                _("Expérience"),
                _("Années d’expérience"),
                _("Lieu (vide : non précisé)"),
                _("Bas (€)"),
                _("Haut (€)"),
                _("Brut ou net (vide : non précisé)"),
                _("Période (vide : non précisée)"),
                _("Date"),
                _("Sens de la date"),
                _("Passage du document"),
                _("Source"),
                _("Document"),
                _("Précision de l’équipe"),
            ]
        )
        for band in context["object_list"]:
            level = band.experience_level
            # The documents' own words (level, years, date, passage) are written as they are,
            # even « +5 ans d’exp » (every one was checked against its document); the site's
            # own texts are guarded against being run as a formula.
            writer.writerow(
                [
                    spreadsheet_text(band.role.name),
                    level.name if level else _("Tous niveaux"),
                    level.years if level else "",
                    band.location.name if band.location else "",
                    band.low,
                    band.high,
                    band.basis,
                    band.period,
                    band.date_value,
                    band.date_label,
                    band.excerpt,
                    *map(spreadsheet_text, [band.source.label, band.source.title, band.note]),
                ]
            )
        return response
