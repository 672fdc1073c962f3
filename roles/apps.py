from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = _("Métiers")

    def ready(self):
        from . import signals

        signals.connect()  # keeps the search fields current when editors change content
