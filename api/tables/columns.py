"""What a table of the open data is: its rows and its ordered columns (see api/tables/)."""

from dataclasses import dataclass, field
from operator import attrgetter

from roles.models import Quoting

from .. import content

# The documents state no licence.
LICENCE_NOT_STATED = "non précisée par le document"


@dataclass(frozen=True)
class Column:
    field: str | None  # in the API's JSON; None: CSV only
    header: str | None = None  # in the CSV file; None: API only
    description: str = ""  # of the CSV column (LISEZMOI.txt, /donnees/)
    read: object = None  # row -> CSV cell; by default the row's attribute `field`

    def value(self, row):
        return self.read(row) if self.read else attrgetter(self.field)(row)


@dataclass
class Table:
    name: str
    description: str
    rows: object  # () -> QuerySet of the rows of the CSV file
    columns: list
    # The JSON's own order of the fields, where it differs from the CSV's.
    api_order: list = field(default_factory=list)

    def __post_init__(self):
        named = [column.field for column in self.columns if column.field]
        assert not self.api_order or sorted(self.api_order) == sorted(named), self.name

    @property
    def file_name(self):
        return f"csv/{self.name}.csv"

    @property
    def csv_columns(self):
        return [column for column in self.columns if column.header]

    def fields(self, omit=()):
        """The API's fields of a row, in order; `omit` leaves out those a nested row does not
        repeat (the role it is listed under…)."""
        names = self.api_order or [column.field for column in self.columns if column.field]
        return [name for name in names if name not in omit]


def joined(values):
    return " | ".join(values)


def yes_no(value):
    return "oui" if value else "non"


def public(model, *related):
    """Rows of `model` about public roles, with their role, source and `related` rows."""
    return model.objects.filter(role__in=content.public_roles()).select_related(
        "role", "source", *related
    )


def api_only(*names):
    return [Column(name) for name in names]


def source_slug(row):
    """The document a row is credited to (a quoting row's `attributed_source`, another row's
    `source`); "" when there is none, as for the editors' own wording."""
    source = row.attributed_source if isinstance(row, Quoting) else row.source
    return source.slug if source is not None else ""


SOURCE = Column(
    "source", "source", "Identifiant du document source (voir sources.csv)", source_slug
)
ROLE = Column(
    "role", "metier", "Identifiant du métier (voir metiers.csv)", lambda row: row.role.slug
)
