"""An optional read replica (DATABASE_REPLICA_URL): the readings of an anonymous GET go to the
"replica" connection, every write and every reading of an editor's request to "default".

config.cache.PageCacheMiddleware marks the anonymous GETs it renders (anonymous_read). A
replica lags a little behind: an editor, who has a session, always reads the primary, and a
cached page is keyed by the content version bumped after the primary committed, so a reader
may at worst get a page rendered a fraction of a second before the change reached the replica;
PAGE_CACHE_S_MAXAGE bounds how long a CDN keeps it.
"""

from django.db import connections

from .cache import anonymous_read


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if anonymous_read.get() and "replica" in connections:
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same database, copied

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
