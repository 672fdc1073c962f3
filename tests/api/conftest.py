import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def api_rate(settings):
    """A rate no test reaches, and a fresh count: tests about the limit lower it."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"address": "100000/minute"},
    }
    cache.clear()
    yield
    cache.clear()
