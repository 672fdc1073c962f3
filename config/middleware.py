"""A lost database becomes a French "come back in a moment" page, never a stack trace."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# What Django raises when the database cannot be reached or drops the connection.
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def plain_error_page(title, text=""):
    """A bare French error page, for when even the error template cannot render (e.g. the
    stylesheet missing from the static manifest)."""
    paragraph = f"<p>{text}</p>" if text else ""
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><main><h1>{title}</h1>{paragraph}</main></body></html>"
    )


def database_unavailable_response():
    """The 503 page, rendered without the request so that no context processor can query."""
    try:
        html = loader.render_to_string("503.html")
    except Exception:
        html = plain_error_page(_("Site momentanément indisponible"))
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when a view or its template cannot reach the database.

    Errors raised inside other middleware never reach process_exception; the 500 handler
    (config.views.server_error) turns those into the same page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_DOWN_ERRORS):
            return None
        logger.error("Database unavailable on %s", request.path, exc_info=exception)
        return database_unavailable_response()
