from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open data: the read-only JSON API and the bulk downloads. A satellite that reads
    roles, salaries and interviews; none of them imports it."""

    name = "api"
    verbose_name = _("Données ouvertes")
