"""Keeps the stored search fields current whenever a role or what describes it changes.

A change marks its role(s); the marked roles are rebuilt once, when the transaction commits
(at once outside a transaction). An admin save with twenty inline rows, or `loaddata`, rebuilds
each role once, from the rows as they stand at the end. Connected in `RolesConfig.ready()`.

Changes join the latest callback of their transaction: a test that captures on-commit
callbacks (`django_capture_on_commit_callbacks`) makes all the changes it checks inside the
capture, or calls `refresh_search_documents()` itself.
"""

from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save, pre_save

from . import search
from .models import Mission, Role, RoleAlias, RoleSkill, RoleTraining, Skill, Training


class _Refresh:
    """An on-commit callback: rebuilds the roles, and recounts the roles of the skills,
    gathered during the transaction."""

    def __init__(self, using):
        self.using = using
        self.role_ids = set()
        self.skill_ids = set()
        # Registered at this depth of savepoints: a change made deeper (a nested atomic block,
        # which may be rolled back alone) registers its own callback.
        self.savepoints = list(connections[using].savepoint_ids)
        self.done = False

    def __call__(self):
        self.done = True
        if self.role_ids:
            search.refresh_search_documents(self.role_ids, using=self.using)
        if self.skill_ids:
            search.refresh_skill_counts(self.skill_ids, using=self.using)


def schedule_refresh(role_ids=(), using="default", skill_ids=()):
    role_ids = {pk for pk in role_ids if pk is not None}
    skill_ids = {pk for pk in skill_ids if pk is not None}
    if not role_ids and not skill_ids:
        return
    connection = connections[using]
    pending = _Refresh(using)
    if connection.in_atomic_block:
        # Join the callback of this transaction, if it is the latest one and at the same depth.
        latest = connection.run_on_commit[-1][1] if connection.run_on_commit else None
        if (
            isinstance(latest, _Refresh)
            and not latest.done
            and latest.savepoints == connection.savepoint_ids
        ):
            pending = latest
        else:
            transaction.on_commit(pending, using=using)
    pending.role_ids.update(role_ids)
    pending.skill_ids.update(skill_ids)
    if not connection.in_atomic_block:
        pending()


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
