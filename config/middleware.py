"""Site-wide middleware: a lost or hung database becomes a French "come back in a moment"
page, hostile bytes never reach a view, and two headers Django has no setting for."""

import heapq
import itertools
import logging
import os
import re
import socket
import threading
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseBadRequest
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


def is_not_unavailable(record):
    """Logging filter: a 503 (database down) is logged, but is not mailed to ADMINS for
    every request of an outage."""
    return getattr(record, "status_code", None) != 503


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


# Request deadline ---------------------------------------------------------------------------


class Watchdog:
    """One thread per process that cuts the database socket of requests past their deadline.

    A database that accepts connections and never answers leaves psycopg waiting on a socket
    for ever: no time-out of the server's (statement_timeout) can fire, TCP keep-alives are
    answered by the server's kernel, and gunicorn's time-out does not fire with gthread
    workers. Shutting the socket down wakes the waiting thread with an OperationalError, which
    becomes the 503 page; Django then drops the broken connection at the end of the request.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.wakeup = threading.Condition(self.lock)
        self.heap = []  # (deadline, token, database wrapper)
        self.active = set()
        self.tokens = itertools.count()
        self.pid = None

    def watch(self, deadline, wrapper):
        with self.lock:
            if self.pid != os.getpid():  # first use in this (possibly forked) process
                self.pid = os.getpid()
                self.heap, self.active = [], set()
                threading.Thread(target=self.run, name="request-deadline", daemon=True).start()
            token = next(self.tokens)
            heapq.heappush(self.heap, (deadline, token, wrapper))
            self.active.add(token)
            self.wakeup.notify()
        return token

    def forget(self, token):
        with self.lock:
            self.active.discard(token)

    def run(self):
        while True:
            with self.lock:
                while self.heap and self.heap[0][1] not in self.active:
                    heapq.heappop(self.heap)  # finished in time
                if not self.heap:
                    self.wakeup.wait()
                    continue
                deadline, token, wrapper = self.heap[0]
                delay = deadline - time.monotonic()
                if delay > 0:
                    self.wakeup.wait(delay)
                    continue
                heapq.heappop(self.heap)
                self.active.discard(token)
            cut_connection(wrapper)


def cut_connection(wrapper):
    """Shut down the socket under a PostgreSQL connection, from any thread."""
    raw = wrapper.connection
    if raw is None or wrapper.vendor != "postgresql":
        return
    try:
        fileno = raw.pgconn.socket
    except Exception:  # closed meanwhile
        return
    logger.warning("Request deadline passed: cutting the database connection")
    try:
        with socket.socket(fileno=os.dup(fileno)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


watchdog = Watchdog()


class RequestDeadlineMiddleware:
    """Every database wait of a request ends by its deadline: settings.REQUEST_DEADLINE
    seconds, settings.HEALTHZ_DEADLINE for /healthz (connecting is bounded by the
    connect_timeout of DATABASES). Past it, the request answers 503 with Retry-After.
    SQLite, a local file, needs no watch."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        wrapper = connections[DEFAULT_DB_ALIAS]
        if wrapper.vendor != "postgresql":
            return self.get_response(request)
        budget = settings.HEALTHZ_DEADLINE if request.path == "/healthz" else None
        token = watchdog.watch(time.monotonic() + (budget or settings.REQUEST_DEADLINE), wrapper)
        try:
            return self.get_response(request)
        finally:
            watchdog.forget(token)


# Hostile bytes ------------------------------------------------------------------------------

# C0 control characters and DEL: none of them belongs in an address, a cookie or a header.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def without_nul(value):
    """A query parameter with each NUL replaced by U+FFFD: PostgreSQL text cannot hold a NUL,
    so such a value can match no row, and with U+FFFD it still matches none."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, (list, tuple)):
        return type(value)(without_nul(item) for item in value)
    if isinstance(value, dict):
        return {key: without_nul(item) for key, item in value.items()}
    return value


def nul_free_queries(execute, sql, params, many, context):
    """connection.execute_wrapper: no NUL in the parameters handed to the PostgreSQL driver."""
    if params is not None:
        params = [without_nul(row) for row in params] if many else without_nul(params)
    return execute(sql, params, many, context)


class ControlCharactersMiddleware:
    """NUL and other control bytes never reach the database driver, nor a session lookup.

    In the path: 400 with a short French page (no address of the site has one). In a cookie:
    the cookie is ignored, as if absent, so that a reader is never locked out by a broken
    cookie. In another header (the user agent, which django-axes stores): removed. Query
    parameters and form fields reach the views as sent, so that their forms can say what is
    wrong (STYLE: a bad parameter is a form error on the page); on PostgreSQL, which refuses
    NUL in text, every query of the request gets its NULs replaced (nul_free_queries).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL.search(request.path_info):
            return self.bad_request()
        for name, value in list(request.COOKIES.items()):
            if CONTROL.search(name) or CONTROL.search(value):
                del request.COOKIES[name]
        for key, value in list(request.META.items()):
            if key.startswith("HTTP_") and key != "HTTP_COOKIE" and CONTROL.search(value):
                request.META[key] = CONTROL.sub("", value)
        wrapper = connections[DEFAULT_DB_ALIAS]
        if wrapper.vendor != "postgresql":
            return self.get_response(request)
        with wrapper.execute_wrapper(nul_free_queries):
            return self.get_response(request)

    @staticmethod
    def bad_request():
        return HttpResponseBadRequest(
            plain_error_page(
                _("Requête refusée"),
                _(
                    "L’adresse contient des caractères de contrôle (comme le caractère nul) : "
                    "corrigez-la et réessayez."
                ),
            )
        )


# Headers ------------------------------------------------------------------------------------


class ExtraSecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy (settings of the same names), which
    Django's SecurityMiddleware does not send."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
