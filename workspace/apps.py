from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The editors' workspace: bringing a new document in (a guided page that turns lines of
    its text into missions, skills, facts, questions and salary bands). An app on top: it
    reads and writes every content app; none imports it."""

    name = "workspace"
    verbose_name = _("Espace des éditeurs")
