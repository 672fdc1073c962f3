from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalariesConfig(AppConfig):
    name = "salaries"
    verbose_name = _("Salaires")
