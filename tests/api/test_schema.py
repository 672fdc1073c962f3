"""The OpenAPI schema describes the API as it answers: schemathesis generates requests from
the schema (valid and invalid parameters, unknown slugs) and checks each answer: never a 5xx,
status, content type, headers and body as the schema says.

A bounded number of examples per operation keeps the run short on a 2-CPU machine.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from api.reference import schema as api_schema

pytestmark = pytest.mark.django_db

EXAMPLES = 10  # per operation: about 40 s for the 12 operations on a 2-CPU machine

# The schema as /api/schema/ serves it (a test below compares the two); one test per operation.
schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(api_schema())))
application = get_wsgi_application()


@pytest.fixture
def same_connection():
    """Keep the test's database connection across requests, as Django's test client does:
    the WSGI handler would otherwise close it after each answer (its transaction with it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_schema(content, same_connection, case):
    # A well-formed slug that names nothing is refused (404, or 400 for a filter): that is no
    # fault, so the check that every valid-looking request is accepted is left out.
    case.call_and_validate(app=application, excluded_checks=[positive_data_acceptance])


def test_schema_is_openapi_3_and_lists_every_endpoint(client, db):
    answer = client.get("/api/schema/?format=json")

    document = answer.json()
    assert document == json.loads(OpenApiJsonRenderer().render(api_schema()))
    assert document["openapi"].startswith("3.")
    assert {
        "/api/v1/metiers/",
        "/api/v1/metiers/{slug}/",
        "/api/v1/competences/",
        "/api/v1/competences/{slug}/",
        "/api/v1/outils/",
        "/api/v1/formations/",
        "/api/v1/formations/{slug}/",
        "/api/v1/salaires/",
        "/api/v1/questions/",
        "/api/v1/etudes-de-cas/",
        "/api/v1/sources/",
        "/api/v1/sources/{slug}/",
    } <= set(document["paths"])


def test_reference_page_lists_every_endpoint_in_french(client, db):
    page = client.get("/api/").content.decode()

    assert "API des fiches métiers" in page
    for path in ["/api/v1/metiers/{slug}/", "/api/v1/salaires/", "/api/v1/sources/"]:
        assert f"GET {path}" in page
    assert 'href="/api/schema/"' in page
    assert "<script>" not in page and "style=" not in page  # scripts only from our files


def query_parameters(path):
    return {
        parameter["name"]: parameter
        for parameter in api_schema()["paths"][path]["get"]["parameters"]
        if parameter["in"] == "query"
    }


@pytest.mark.parametrize(
    "path, name",
    [("/api/v1/competences/", "categorie"), ("/api/v1/metiers/", "salaire")],
)
def test_an_empty_filter_is_accepted_and_the_schema_says_so(client, content, path, name):
    parameter = query_parameters(path)[name]

    answer = client.get(f"{path}?{name}=")

    assert answer.status_code == 200
    assert answer.json()["count"] == client.get(path).json()["count"]
    accepted = parameter["schema"].get("enum") or parameter["schema"]["anyOf"][1]["enum"]
    assert "" in accepted
    assert parameter["description"].endswith("Vide : sans filtre.")


def test_every_filter_of_a_type_other_than_text_says_it_accepts_the_empty_value(db):
    for path in api_schema()["paths"]:
        for name, parameter in query_parameters(path).items():
            schema = parameter["schema"]
            if name == "page" or (schema.get("type") == "string" and "enum" not in schema):
                continue
            assert parameter["description"].endswith("Vide : sans filtre."), (path, name)
