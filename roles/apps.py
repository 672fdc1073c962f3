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

    def ready(self):
        from . import signals

        signals.connect()  # keeps the search fields current when editors change content
        connection_created.connect(add_french_collation, dispatch_uid="roles_french_collation")
