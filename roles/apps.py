from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def add_french_collation(sender, connection, **kwargs):
    """SQLite has no French collation: each new connection gets ours (roles/filters.py)."""
    if connection.vendor == "sqlite":
        from .filters import compare_french

        connection.connection.create_collation("fr", compare_french)


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = _("Métiers")
    # The admin index, for editors (roles/admin_site.py): this app first, the role first,
    # then its documents, the rows of a sheet in the order of its tabs, the shared lists.
    admin_position = 1
    admin_models = [
        "role",
        "source",
        "divergence",
        "rolealias",
        "mission",
        "fact",
        "educationrequirement",
        "roleemployer",
        "careermove",
        "roleskill",
        "matrixcell",
        "roletraining",
        "skill",
        "training",
        "educationlevel",
        "experiencelevel",
        "employertype",
    ]

    def ready(self):
        from . import signals

        signals.connect()  # keeps the search fields current when editors change content
        connection_created.connect(add_french_collation, dispatch_uid="roles_french_collation")
