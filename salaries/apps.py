from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalariesConfig(AppConfig):
    name = "salaries"
    verbose_name = _("Salaires")
    admin_position = 2  # in the admin index, after Métiers (roles/admin_site.py)
    admin_models = ["salaryband", "location"]
