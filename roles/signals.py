"""Keeps the stored search fields current whenever a role or what describes it changes.

A change marks its role(s); the marked roles are rebuilt once, when the transaction commits
(at once outside a transaction). An admin save with twenty inline rows, or `loaddata`, rebuilds
each role once, from the rows as they stand at the end. Connected in `RolesConfig.ready()`.

Public transaction API only: each change registers a small on-commit callback, `_Change`;
Django runs a transaction's callbacks in order once it commits, and drops those of a
transaction or savepoint that rolls back. So the first callback to run at a commit rebuilds
its own change and every change made after it (the rest of that transaction), and the later
ones find nothing left to do; changes still pending from before it belonged to transactions
that rolled back, and are dropped then. A test that captures on-commit callbacks
(`django_capture_on_commit_callbacks`) makes all the changes it checks inside the capture, or
calls `refresh_search_documents()` itself.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from . import search
from .models import Mission, Role, RoleAlias, RoleSkill, RoleTraining, Skill, Training


class _Pending(threading.local):
    """The changes not yet rebuilt, by database alias, in the order they were made; each
    thread has its own, as it has its own connections."""

    def __init__(self):
        self.changes = {}


_pending = _Pending()


class _Change:
    """The roles, and the skills whose roles to recount, that one change touched; its
    on-commit callback rebuilds them with the changes made after it."""

    def __init__(self, using, role_ids, skill_ids):
        self.using = using
        self.role_ids = role_ids
        self.skill_ids = skill_ids

    def __call__(self):
        changes = _pending.changes.get(self.using, [])
        if self not in changes:
            return  # an earlier change of the same transaction rebuilt this one
        batch = changes[changes.index(self) :]
        changes.clear()  # what came before this change was rolled back: nothing to rebuild
        refresh(
            {pk for change in batch for pk in change.role_ids},
            {pk for change in batch for pk in change.skill_ids},
            self.using,
        )


def refresh(role_ids, skill_ids, using):
    if role_ids:
        search.refresh_search_documents(role_ids, using=using)
    if skill_ids:
        search.refresh_skill_counts(skill_ids, using=using)


def schedule_refresh(role_ids=(), using="default", skill_ids=()):
    role_ids = {pk for pk in role_ids if pk is not None}
    skill_ids = {pk for pk in skill_ids if pk is not None}
    if not role_ids and not skill_ids:
        return
    if transaction.get_autocommit(using):
        refresh(role_ids, skill_ids, using)  # no transaction: the change is saved already
        return
    change = _Change(using, role_ids, skill_ids)
    _pending.changes.setdefault(using, []).append(change)
    transaction.on_commit(change, using=using)


def role_changed(sender, instance, using, **kwargs):
    schedule_refresh({instance.pk}, using)


def role_row_changed(sender, instance, using, **kwargs):
    skill_ids = {instance.skill_id} if sender is RoleSkill else ()
    schedule_refresh({instance.role_id}, using, skill_ids)


def role_skill_moving(sender, instance, using, raw=False, **kwargs):
    """A role skill pointed at another skill: that one has a role less."""
    if instance.pk and not raw:
        previous = sender.objects.using(using).filter(pk=instance.pk).values_list("skill_id")
        schedule_refresh((), using, {skill_id for (skill_id,) in previous} - {instance.skill_id})


def name_changed(sender, instance, using, raw=False, **kwargs):
    """A skill or training renamed: every role that has it reads differently."""
    if raw or kwargs.get("created"):
        return
    roles = instance.role_skills if sender is Skill else instance.role_trainings
    schedule_refresh(set(roles.using(using).values_list("role_id", flat=True)), using)


def normalise_name(sender, instance, **kwargs):
    if sender is Skill:
        instance.search_text = search.name_search_text(instance.name)
    else:
        instance.search_text = search.name_search_text(instance.name, instance.institution)


ROLE_ROWS = (RoleAlias, Mission, RoleSkill, RoleTraining)
RECEIVERS = [
    *((pre_save, normalise_name, model) for model in (Skill, Training)),
    *((post_save, name_changed, model) for model in (Skill, Training)),
    (post_save, role_changed, Role),
    (pre_save, role_skill_moving, RoleSkill),
    *(
        (signal, role_row_changed, model)
        for signal in (post_save, post_delete)
        for model in ROLE_ROWS
    ),
]


def connect():
    for signal, receiver, sender in RECEIVERS:
        signal.connect(receiver, sender=sender, dispatch_uid=f"search-{receiver.__name__}")


def disconnect():
    for signal, receiver, sender in RECEIVERS:
        signal.disconnect(receiver, sender=sender, dispatch_uid=f"search-{receiver.__name__}")


@contextmanager
def disconnected():
    """Bulk work that rebuilds the search fields itself (the benchmark data) goes faster
    without them: deletes cascade without loading every row."""
    disconnect()
    try:
        yield
    finally:
        connect()
