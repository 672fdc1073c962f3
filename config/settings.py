"""Settings for Fiches métiers, read from environment variables.

Safe local defaults: DEBUG off, SQLite in the project folder. Production sets
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (postgres://…). The readers of environment
variables are in config/env.py, the LOGGING dictionary in config/logs.py.
"""

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env, env_bool, env_int, env_list
from config.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


# Core
DEBUG = env_bool("DEBUG", False)
# HTTPS rules (below): on in production, i.e. when a real SECRET_KEY is given and DEBUG is
# off. `make run` sets no SECRET_KEY and stays on plain http; SECURE=false forces http (the
# local production stack, the load bench), SECURE=true forces HTTPS rules.
SECURE = env_bool("SECURE", bool(env("SECRET_KEY")) and not DEBUG)
# Local development and tests only. The "django-insecure-" prefix makes Django's own
# deployment check warn about it, and config/checks.py turns it into an error.
DEVELOPMENT_SECRET_KEY = "django-insecure-fiches-metiers-local-development-key-never-in-production"
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    # Production (HTTPS rules on, or `make serve`, which sets REQUIRE_SECRET_KEY) never
    # falls back on a key that is written in the repository.
    if (SECURE and not DEBUG) or env_bool("REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in production (SECURE on or REQUIRE_SECRET_KEY): "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "roles.admin_site.EditorsAdminConfig",  # django.contrib.admin, ordered for editors
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "axes",
    "simple_history",  # who changed what, with the old and new values (issue 12)
    "config",  # the site itself: its system checks (config/checks.py)
    "roles",
    "salaries",
    "interviews",
    "workspace",  # editors bring a new document in (issue 12); after roles: its Source admin
    "bench",
    # Open data (issue 15): the read API, its schema, the downloads, the sitemap.
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "api",
]

# The read-only API (/api/v1/…): JSON only, anonymous, throttled per client address
# (API_RATE requests; 429 with Retry-After beyond), schema by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_RATES": {"address": env("API_RATE", "120/minute")},
    # 0: the address is REMOTE_ADDR; X-Forwarded-For is trusted only behind that many proxies.
    "NUM_PROXIES": int(env("API_PROXY_COUNT", "0")),
    "DEFAULT_SCHEMA_CLASS": "api.schema.OpenDataSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API des fiches métiers",
    "DESCRIPTION": "Lecture seule : métiers, compétences, outils, formations, salaires, "
    "questions d’entretien, études de cas et documents sources. Chaque fait porte le "
    "document d’où il vient.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so that static files carry them too.
    "config.middleware.ExtraSecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached public pages are answered here, before sessions and the database (config/cache.py).
    "config.cache.PageCacheMiddleware",
    # Outermost of the rest: a lost database becomes a French 503 page, not a stack trace.
    "config.middleware.DatabaseUnavailableMiddleware",
    "csp.middleware.CSPMiddleware",
    # NUL and control bytes never reach the database driver: 400 for such a path, such
    # cookies dropped, NULs in query parameters replaced on PostgreSQL.
    "config.middleware.ControlCharactersMiddleware",
    # The request's database waits all end by its deadline, or it answers 503.
    "config.middleware.RequestDeadlineMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records the editor who made each change in the history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
if not DEBUG:
    # The cached loader is Django's default when DEBUG is off; stated here so it is visible.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

# Database: SQLite by default, PostgreSQL when DATABASE_URL says so.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# Deadlines: a database that hangs must not hang the site. A request's queries must all end
# within REQUEST_DEADLINE seconds (HEALTHZ_DEADLINE for /healthz), or the request answers
# 503 with Retry-After (config/middleware.py: RequestDeadlineMiddleware enforces it on the
# client side, even when the server never answers; gunicorn's time-out does not fire with
# gthread workers). A connection cut at the deadline may be followed by one new connection
# attempt (DATABASE_CONNECT_TIMEOUT, 3 s): 6 + 3 keeps every answer within 10 s.
REQUEST_DEADLINE = float(env("REQUEST_DEADLINE", "6"))
HEALTHZ_DEADLINE = float(env("HEALTHZ_DEADLINE", "2"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"] |= {
        # Give up connecting after 3 s (libpq counts the whole start-up exchange).
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 3),
        # The server cancels any statement after this (a query gone wrong, a lock wait),
        # also once the request deadline has cut the client off. Generous, since migrations
        # and `make bench`'s data generation use the same settings (0: no limit).
        "options": f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 30000)}"
        # Memory for each sort or window of a query before it spills to disk: a search that
        # matches half of 3,000 roles counts them over rows holding their text vectors (4 MB,
        # PostgreSQL's default, spilled: search p95 31 ms against 25-27 ms at 16 MB).
        f" -c work_mem={env('DATABASE_WORK_MEM', '16MB')}",
        # Notice a peer that vanished (cable, crash) on an idle kept-alive connection.
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        # Sent data left unacknowledged this long (ms) closes the connection.
        "tcp_user_timeout": 10000,
    }
# Cache and several servers (issue 16; config/cache.py, config/routers.py) -------------------
# Local memory by default (nothing to install; one process each). CACHE_URL=redis://host:6379/N
# selects Django's own Redis backend (the `redis` package): one cache for every app server, so
# that pages, the content version, sessions and login throttling are shared.
CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "fiches"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    # Sessions in the database, read through the shared cache.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fiches",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# Whole public pages, keyed by address and content version: every save or delete of a row of
# these apps gives a new version once its transaction commits. The version must be one for all
# processes: on by default with CACHE_URL (shared) or under runserver (one process); off with
# local memory under gunicorn's several workers (each would keep its own version and serve
# stale pages after another worker's save), and under pytest (its tests roll back, so no
# commit would bump the version; tests/test_cache.py turns it on). PAGE_CACHE=true|false forces.
PAGE_CACHE_ENABLED = env_bool(
    "PAGE_CACHE",
    (bool(CACHE_URL) or "runserver" in sys.argv) and "pytest" not in sys.modules,
)
PAGE_CACHE_ALIAS = "default"
CONTENT_APPS = {"roles", "salaries", "interviews"}
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 24 * 3600)  # a version's pages, at most
# Browsers revalidate every time (a 304 costs a cache read); a CDN keeps a page s-maxage.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 0)
PAGE_CACHE_S_MAXAGE = env_int("PAGE_CACHE_S_MAXAGE", 60)
# A read replica (optional): anonymous GETs read there, everything else uses "default".
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env("DATABASE_REPLICA_URL"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    if DATABASES["replica"]["ENGINE"] == DATABASES["default"]["ENGINE"]:
        DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
# `make bench` only: a bare HttpResponse("ok") view at /bench/ok, the yardstick of the ratios.
BENCH_VIEWS = env_bool("BENCH_VIEWS", False)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Passwords and logins. django-axes comes first: it refuses a locked-out login before
# the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: the content and the interface are French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files, served by whitenoise (compressed, hashed names, cached for ever).
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Nothing on the site reads the CSRF cookie from JavaScript (the admin posts forms).
CSRF_COOKIE_HTTPONLY = True

# Sent by config.middleware.ExtraSecurityHeadersMiddleware: no powerful browser feature is
# used by the site; our files are for our own pages only.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# HTTPS only when SECURE (see Core). Behind the front server (deploy/nginx.conf), gunicorn
# trusts its X-Forwarded-Proto (forwarded_allow_ips, and always over the unix socket).
if SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain http
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content-Security-Policy (django-csp): our own files only, no inline script or style,
# no plugins, no <base> rewriting, never inside a frame. The admin works under it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is refused for an hour and sees a French page.
# Locking on the pair (not the name alone) stops an attacker from locking editors out.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(hours=1)  # templates/axes/lockout.html says « une heure »
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# 429 with Retry-After and the French page (templates/axes/lockout.html).
AXES_LOCKOUT_CALLABLE = "config.views.lockout"
# Behind reverse proxies (AXES_PROXY_COUNT of them; `make serve` has one, nginx), the reader's
# address is read from X-Forwarded-For through django-ipware. Each proxy appends the address
# it saw, so the right-most entry is the one our nearest proxy (nginx) saw: ipware counts only
# the proxies before it, hence count - 1. Without AXES_PROXY_COUNT, REMOTE_ADDR is used and
# any X-Forwarded-For sent by a client is ignored.
proxy_count = env_int("AXES_PROXY_COUNT", 0)
if proxy_count:
    AXES_IPWARE_PROXY_COUNT = proxy_count - 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR",)
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

LOGIN_URL = "admin:login"
# A login without a usable ?next= (missing, or refused as pointing elsewhere) ends on the admin.
LOGIN_REDIRECT_URL = "admin:index"

# Errors: every 500 goes to stderr with its traceback (gunicorn's error log, or the terminal
# of `make serve` / journalctl for a service), and to ADMINS by mail when they are set.
ADMINS = [(address, address) for address in env_list("ADMINS")]
SERVER_EMAIL = env("SERVER_EMAIL", "root@localhost")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
LOGGING = logging_config()
