"""Django set up inside a bench script's own process, for figures taken through Django's test
client (`bench/run.py`'s page budgets, `bench/profile_sheet.py`, `bench/admin_pages.py`)."""

import os


def setup_django():
    """Settings from the environment (`config.settings`, debug off by default), then what every
    in-process figure needs: the page cache off, so that each figure is of a page rendered
    (the cache is measured through gunicorn), and static files straight from the finders, so
    that no collectstatic is needed to render the pages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.conf import settings

    settings.PAGE_CACHE_ENABLED = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
