from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site as a whole (settings, URLs, site-wide middleware): its system checks."""

    name = "config"
    verbose_name = _("Site")

    def ready(self):
        from . import cache, checks  # noqa: F401  (registers the checks)

        cache.connect_signals()  # every content save or delete: a new content version
