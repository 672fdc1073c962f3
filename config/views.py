"""Views that belong to the site as a whole: health check, favicon, the 500 handler, the
admin login lockout page."""

import sys

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .middleware import (
    DATABASE_DOWN_ERRORS,
    RETRY_AFTER_SECONDS,
    database_unavailable_response,
    plain_error_page,
)


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the database answers a query, 503 when it does not (for probes).

    Its deadline is settings.HEALTHZ_DEADLINE (RequestDeadlineMiddleware), shorter than a
    page's, so a probe learns about a hung database in a few seconds."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok\n", content_type="text/plain")


def server_error(request):
    """The French 500 page, or the 503 page when the error is a lost database.

    Django calls this handler while the exception is being handled, so sys.exception()
    is the error that escaped (e.g. from a middleware, out of DatabaseUnavailableMiddleware's
    reach).
    """
    if isinstance(sys.exception(), DATABASE_DOWN_ERRORS):
        return database_unavailable_response()
    try:
        return defaults.server_error(request)
    except Exception:
        return HttpResponseServerError(
            plain_error_page(_("Une erreur est survenue"), _("Réessayez dans quelques instants."))
        )


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin): send ours."""
    response = redirect(static("img/favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def lockout(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): the French page
    templates/axes/lockout.html, 429 Too Many Requests, and Retry-After set to the cool-off
    time (an upper bound: the lock started at the last refused attempt at the latest)."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": cool_off,
    }
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def bench_ok(request):
    """The yardstick of `make bench` (BENCH_VIEWS only): the cheapest answer Django gives."""
    return HttpResponse("ok")
