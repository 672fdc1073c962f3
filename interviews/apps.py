from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = _("Entretiens")
    admin_position = 3  # in the admin index, after Salaires (roles/admin_site.py)
    admin_models = ["interviewquestion", "casestudy"]
