"""Whole public pages cached, never stale for editors (issue 16).

Every public page a reader gets anonymously (GET, 200, no cookie set, no CSRF token in it) is
kept whole in the cache (settings.CACHES: local memory by default, Redis with CACHE_URL),
under its address, marked with the *content version* it shows; the version and the page are
read together, in one round trip. Every save or delete of a content row (the models of the
apps in settings.CONTENT_APPS, many-to-many links included) gives the content a new version
once its transaction commits, so that every page cached before is never served again: an
editor's change shows on the next request, through any app server sharing the cache.
Nothing to invalidate by hand, nothing to list per page.

A request that carries a session cookie (an editor, logged in) never gets a cached page and
its answers say `Cache-Control: private, no-store`. Cached pages carry `ETag` and
`Last-Modified` (the time of the content version) and answer 304 to a matching conditional
request; `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE, s-maxage=PAGE_CACHE_S_MAXAGE`
lets a CDN keep them (browsers revalidate, cheaply, with max-age 0). A cached page is also
kept gzipped and served so to clients that accept it: it carries no secret (no CSRF token,
no session), so compressing it gives BREACH nothing to guess.
"""

import contextvars
import gzip
import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

VERSION_KEY = "content-version"
# A reading that may go to the read replica (config/routers.py): an anonymous GET.
anonymous_read = contextvars.ContextVar("anonymous_read", default=False)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# Content version ----------------------------------------------------------------------------


def new_version():
    """Nanoseconds since the epoch: unique enough, and it dates the content (Last-Modified)."""
    return str(time.time_ns())


def content_version():
    """The current content version; a cache that lost it (restarted, evicted) starts a new
    one, which only means every page is rendered once more."""
    cache = page_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = new_version()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_content_version():
    page_cache().set(VERSION_KEY, new_version(), timeout=None)


class _Pending(threading.local):
    """Content changes whose transaction has not committed yet, per database alias."""

    def __init__(self):
        self.tokens = {}


_pending = _Pending()


class _Bump:
    """The on-commit callback of one change. The first one to run at a commit gives the
    content a new version and clears the list; the others of the same commit then find
    themselves gone from it and do nothing: one new version per transaction. Tokens of a
    transaction that rolled back stay in the list until the next commit clears them."""

    def __init__(self, using):
        self.using = using

    def __call__(self):
        tokens = _pending.tokens.get(self.using, [])
        if self not in tokens:
            return
        tokens.clear()
        bump_content_version()


def content_changed(sender, using=None, **kwargs):
    """post_save, post_delete and m2m_changed of every model: a content model's change
    gives the content a new version when its transaction commits (at once outside one)."""
    if sender._meta.app_label not in settings.CONTENT_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed fires before and after
        return
    using = using or "default"
    bump = _Bump(using)
    _pending.tokens.setdefault(using, []).append(bump)
    transaction.on_commit(bump, using=using)


def connect_signals():
    """Connected once, in config's AppConfig.ready(), for every sender: the content apps
    need not know about the cache, and the check on the app label is a dict lookup."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page-cache-{id(signal)}")


# Middleware ---------------------------------------------------------------------------------


def editor_request(request):
    """A session cookie: an editor (or someone who was one). Never a shared page for them."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def storable(request, response):
    """A page anyone would get the same: 200, HTML or text, whole, nothing of the reader's."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not request.META.get("CSRF_COOKIE_USED")
        and "Cache-Control" not in response  # the view said something of its own
        and "Content-Encoding" not in response
        and not {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        - {"cookie", "accept-language", "accept-encoding"}
    )


class PageCacheMiddleware:
    """See the module's docstring. Placed before the session, CSRF and authentication
    middleware, so that a cached page is answered without touching the database."""

    stored_headers = (
        "Content-Type",
        "Content-Language",
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        if editor_request(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response
        try:
            key = self.key(request)
        except Exception:  # a host not allowed, a path too long: not cached, Django answers
            return self.get_response(request)
        cache = page_cache()
        # One round trip to the cache: the content version and the page kept at this address,
        # which is served only if it was made at that version.
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or content_version()
        entry = found.get(key)
        if entry is not None and entry["version"] == version:
            return self.answer(request, entry)
        token = anonymous_read.set(True)
        try:
            response = self.get_response(request)
        finally:
            anonymous_read.reset(token)
        if request.method != "GET" or not storable(request, response):
            if response.status_code == 200 and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_store=True)
            return response
        # Made at the version read before rendering: a save meanwhile makes it stale at once.
        entry = self.entry(response, version)
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        return self.answer(request, entry, response)

    @staticmethod
    def key(request):
        """One key per address; the page under it says which content version it shows, so a
        new version replaces the old pages one by one instead of piling up beside them."""
        full_path = request.get_full_path()
        if len(full_path) > 1000:
            raise ValueError("address too long to cache")
        address = f"{request.scheme}://{request.get_host()}{full_path}"
        return f"page:{hashlib.sha256(address.encode()).hexdigest()}"

    def entry(self, response, version):
        body = response.content
        etag = hashlib.sha256(body).hexdigest()[:32]
        entry = {
            "version": version,
            "body": body,
            "etag": etag,
            "modified": int(int(version) / 1e9),
            "headers": {h: response[h] for h in self.stored_headers if h in response},
        }
        if len(body) >= 512:
            entry["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        return entry

    def answer(self, request, entry, response=None):
        """The cached page, its gzipped form, or 304."""
        compressed = "gzip" in entry and accepts_gzip(request)
        etag = f'"{entry["etag"]}{"-gz" if compressed else ""}"'
        if self.not_modified(request, etag, entry["modified"]):
            answer = HttpResponseNotModified()
        elif response is not None and not compressed:
            answer = response
        else:
            answer = HttpResponse(entry["gzip"] if compressed else entry["body"])
            for header, value in entry["headers"].items():
                answer[header] = value
            if compressed:
                answer["Content-Encoding"] = "gzip"
        answer["ETag"] = etag
        answer["Last-Modified"] = http_date(entry["modified"])
        answer["Cache-Control"] = (
            f"public, max-age={settings.PAGE_CACHE_MAX_AGE}, "
            f"s-maxage={settings.PAGE_CACHE_S_MAXAGE}"
        )
        patch_vary_headers(answer, ("Accept-Language", "Cookie", "Accept-Encoding"))
        return answer

    @staticmethod
    def not_modified(request, etag, modified):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            tags = parse_etags(if_none_match)
            return "*" in tags or etag in tags or etag.replace('"', 'W/"', 1) in tags
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and modified <= since
