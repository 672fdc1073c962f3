"""The LOGGING setting: every 500 to stderr with its traceback (gunicorn's error log, or the
terminal of `make serve` / journalctl for a service), and to ADMINS by mail when they are set;
an outage's 503s to stderr only."""


def logging_config():
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"},
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "plain",
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "not_unavailable"],
            },
        },
        "filters": {
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
            # An outage's 503s go to stderr, not one mail a request.
            "not_unavailable": {
                "()": "django.utils.log.CallbackFilter",
                "callback": "ext://config.middleware.is_not_unavailable",
            },
        },
        "loggers": {
            # 5xx answers (with the traceback for 500s) and 4xx as warnings.
            "django.request": {
                "handlers": ["stderr", "mail_admins"],
                "level": "ERROR",
                "propagate": False,
            },
            "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "config": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        },
    }
