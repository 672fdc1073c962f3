"""Helpers for the site-wide checks that run over every page of tests/public_urls.py."""

from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from tests import public_urls

CONTENT_FIXTURES = ("reference", "roles", "salaries", "interviews")


def load_content():
    """The five source documents, as `make run` loads them, with their search rows.

    In production the search rows are rebuilt when the loading transaction commits; tests
    load inside a transaction that never commits, so they are rebuilt here.
    """
    from roles.search import refresh_search_documents

    call_command("loaddata", *CONTENT_FIXTURES, verbosity=0)
    refresh_search_documents()


def public_pages():
    """(name, path, query parameters) of every public page type, read when called."""
    return list(public_urls.PUBLIC_PAGES)


def pages_by_path():
    """{path without query: (parameters it reads, values the examples give them)}.

    Several entries may show one view with different queries: they are one target for
    the fuzz tests, which mix the sample values in with the bad ones.
    """
    pages = {}
    for _name, address, params in public_pages():
        url = urlsplit(address)
        names, samples = pages.setdefault(url.path, (set(), set()))
        names.update(params)
        for name, value in parse_qsl(url.query):
            names.add(name)
            samples.add(value)
    return {path: (sorted(names), sorted(samples)) for path, (names, samples) in pages.items()}


class Tags(HTMLParser):
    """Every start tag of a document, as (tag, {attribute: value}), plus its text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


# Markup typed by editors --------------------------------------------------------------------

SCRIPT = '<script>alert("xss")</script>'
IMAGE = "<img src=x onerror=alert(1)>"


def payload_for(field):
    """The longest attack that fits the field, leaving room for a unique suffix."""
    room = (field.max_length or 10_000) - 8
    for payload in (f"{SCRIPT}{IMAGE}", SCRIPT, IMAGE):
        if len(payload) <= room:
            return payload
    return None


def is_editor_text(field):
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField)
        and field.editable
        and not field.choices
    )


def type_attacks_in_every_text_field():
    """Like an editor pasting markup into every text box of the admin."""
    for model in apps.get_models():
        if model._meta.app_label not in {"roles", "salaries", "interviews"}:
            continue
        for field in model._meta.concrete_fields:
            payload = payload_for(field) if is_editor_text(field) else None
            if payload:
                # Blank fields stay blank (some are tied to others by constraints).
                model.objects.exclude(**{field.name: ""}).update(
                    **{field.name: Concat(Value(f"{payload} "), Cast("pk", CharField()))}
                )
