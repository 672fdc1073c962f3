"""System checks of the site's own settings."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_secret_key_is_not_the_committed_one(app_configs, **kwargs):
    """`check --deploy` fails on the development key written in config/settings.py."""
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        return [
            Error(
                "SECRET_KEY is the development key committed in config/settings.py.",
                hint="Set SECRET_KEY in the environment (a long random string).",
                id="config.E001",
            )
        ]
    return []
