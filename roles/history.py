"""History with values (django-simple-history) in the admin: who changed what, when, old → new.

`HistoryAdmin` is simple-history's admin (history page, revert, recovery of a deleted row)
without the bookkeeping fields in its diffs; `row_changes()` gathers the changes of a role's
inline rows for the role's own history page.
"""

from itertools import pairwise

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from simple_history.admin import SimpleHistoryAdmin

# Counters and timestamps the site keeps itself: never shown as an editor's change.
BOOKKEEPING = ["version", "updated_at"]
ROW_CHANGES_SHOWN = 60


def delta_changes(request, model_admin, record, previous):
    delta = record.diff_against(previous, excluded_fields=BOOKKEEPING)
    helper = model_admin.get_historical_record_context_helper(request, record)
    return helper.context_for_delta_changes(delta)


class HistoryAdmin(SimpleHistoryAdmin):
    def set_history_delta_changes(self, request, historical_records, **kwargs):
        records = list(historical_records)
        for record, previous in pairwise(records):
            record.history_delta_changes = delta_changes(request, self, record, previous)


def row_changes(request, role, inlines):
    """The latest changes to the rows `inlines` edit on the role's page, newest first: each
    with its kind of row, who, when, what changed (old → new) and the link to the row's own
    history (where a deleted row is recovered)."""
    changes = []
    for inline in inlines:
        model = inline.model
        history = getattr(model, "history", None)
        row_admin = admin.site.get_model_admin(model) if admin.site.is_registered(model) else None
        if history is None or row_admin is None:
            continue
        fk_name = inline.fk_name or "role"
        records = history.filter(**{f"{fk_name}_id": role.pk}).select_related("history_user")
        for record in records.order_by("-history_date")[:ROW_CHANGES_SHOWN]:
            changes.append((model, row_admin, record))
    changes.sort(key=lambda change: change[2].history_date, reverse=True)
    rows = []
    for model, row_admin, record in changes[:ROW_CHANGES_SHOWN]:
        previous = record.prev_record
        opts = model._meta
        try:
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_simple_history",
                args=[getattr(record, opts.pk.attname), record.history_id],
            )
        except NoReverseMatch:
            url = ""
        rows.append(
            {
                "kind": opts.verbose_name,
                "row": str(record.instance),
                "record": record,
                "changes": (
                    delta_changes(request, row_admin, record, previous)
                    if previous is not None and record.history_type == "~"
                    else []
                ),
                "url": url,
                "history_url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_history",
                    args=[getattr(record, opts.pk.attname)],
                ),
            }
        )
    return rows
