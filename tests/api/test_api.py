"""The read API, on rows made by the tests: filters, drafts kept out, conditional GET, CORS,
the rate limit, and a fixed number of queries whatever the amount of content."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from api import content
from interviews.models import InterviewQuestion
from roles.models import CareerMove, Level
from salaries.models import SalaryBand

pytestmark = pytest.mark.django_db


def test_unknown_role_is_a_json_404(client, db):
    answer = client.get("/api/v1/metiers/pas-un-metier/")

    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"


def test_role_list_takes_the_filters_of_the_role_list_page(client, make_role):
    make_role("Directrice Test", level=Level.DIRECTION)
    make_role("Coordinateur Test", level=Level.COORDINATION)

    answer = client.get("/api/v1/metiers/", {"niveau": "direction"})

    assert [role["name"] for role in answer.json()["results"]] == ["Directrice Test"]


def test_bad_filter_value_is_a_400_that_names_the_parameter(client, db):
    answer = client.get("/api/v1/metiers/", {"niveau": "stagiaire", "salaire": "beaucoup"})

    assert answer.status_code == 400
    assert set(answer.json()) == {"niveau", "salaire"}


def test_skill_lists_keep_tools_apart_and_the_detail_names_the_roles(client, make_full_role):
    role = make_full_role(size=5)

    skills = client.get("/api/v1/competences/").json()["results"]
    tools = client.get("/api/v1/outils/").json()["results"]
    detail = client.get(skills[0]["url"]).json()

    assert {skill["category"] for skill in tools} == {"outil"}
    assert "outil" not in {skill["category"] for skill in skills}
    assert detail["roles"][0]["role"]["slug"] == role.slug
    assert detail["roles"][0]["source"]["slug"]


def test_a_role_kept_from_the_public_appears_nowhere(client, make_full_role, monkeypatch):
    hidden = make_full_role(size=2)
    shown = make_full_role(size=1)
    CareerMove.objects.create(from_role=shown, to_role=hidden, source=shown.sources.get())
    question = InterviewQuestion.objects.filter(roles=hidden).first()
    question.roles.add(shown)
    public = content.public_roles
    monkeypatch.setattr(content, "public_roles", lambda: public().exclude(pk=hidden.pk))

    answers = [
        client.get(url).content.decode()
        for url in [
            "/api/v1/metiers/",
            f"/api/v1/metiers/{shown.slug}/",
            "/api/v1/salaires/",
            "/api/v1/questions/",
            "/api/v1/etudes-de-cas/",
            "/api/v1/sources/",
            "/api/v1/formations/",
            f"/api/v1/competences/{hidden.role_skills.first().skill.slug}/",
        ]
    ]

    assert client.get(f"/api/v1/metiers/{hidden.slug}/").status_code == 404
    for answer in answers:
        assert f'"{hidden.slug}"' not in answer
    assert SalaryBand.objects.filter(role=hidden).exists()


# Conditional GET, CORS, rate limit ----------------------------------------------------------


def test_an_unchanged_answer_is_a_304_to_its_etag(client, make_full_role):
    role = make_full_role()
    url = f"/api/v1/metiers/{role.slug}/"
    first = client.get(url)

    again = client.get(url, headers={"if-none-match": first["ETag"]})
    role.missions.update(title="Une autre mission")
    changed = client.get(url, headers={"if-none-match": first["ETag"]})

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again.content == b""
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


@pytest.mark.parametrize(
    "url", ["/api/v1/metiers/", "/api/v1/sources/", "/api/v1/metiers/inconnu/", "/api/schema/"]
)
def test_api_answers_are_open_to_every_origin_for_reading(client, db, url):
    answer = client.get(url, headers={"origin": "https://ats.example.org"})

    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "GET" in answer["Access-Control-Allow-Methods"]
    assert "ETag" in answer["Access-Control-Expose-Headers"]


def test_cors_stays_off_on_the_site_pages(client, db):
    assert "Access-Control-Allow-Origin" not in client.get("/metiers/")


def test_api_preflight_allows_if_none_match(client, db):
    answer = client.options(
        "/api/v1/metiers/",
        headers={
            "origin": "https://ats.example.org",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )

    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in answer["Access-Control-Allow-Headers"]


def test_too_many_requests_from_one_address_get_429_with_retry_after(client, settings, db):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"address": "3/minute"},
    }
    answers = [client.get("/api/v1/sources/") for _ in range(3)]
    # A forged X-Forwarded-For is no way round it (no proxy is declared).
    answers.append(client.get("/api/v1/sources/", headers={"x-forwarded-for": "10.9.9.9"}))
    other_address = client.get("/api/v1/sources/", REMOTE_ADDR="10.0.0.2")

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1]["Retry-After"]) <= 60
    assert answers[-1]["Access-Control-Allow-Origin"] == "*"
    assert other_address.status_code == 200


# Queries ------------------------------------------------------------------------------------

# Queries per answer, whatever the amount of content:
QUERIES = {
    # list: count, roles (with salary range subqueries), aliases; the filter form: 2 skill
    # selects (most needed skills, for the form's choices)
    "/api/v1/metiers/": 5,
    # detail: role, sources, then aliases, missions, skills, matrix, training, education,
    # employers, facts, moves out, moves in, salary bands + their levels, places and
    # sources (prefetched by relation name: the hub knows no satellite), questions + their
    # skills, case studies + their skills
    "/api/v1/metiers/{slug}/": 20,
    "/api/v1/competences/": 2,  # count, skills
    "/api/v1/competences/{skill}/": 2,  # skill, role skills
    "/api/v1/outils/": 2,
    "/api/v1/formations/": 3,  # count, training, roles
    "/api/v1/salaires/": 2,  # count, bands
    "/api/v1/questions/": 4,  # count, questions, roles, skills
    "/api/v1/etudes-de-cas/": 4,  # count, case studies, skills, hints
    "/api/v1/sources/": 3,  # count, sources, roles
}


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("url", QUERIES)
def test_every_answer_takes_a_fixed_number_of_queries(
    client, make_full_role, size, url, django_assert_max_num_queries
):
    roles = [make_full_role(size=size) for _ in range(size)]
    skill = roles[0].role_skills.first().skill
    address = url.format(slug=roles[0].slug, skill=skill.slug)

    with django_assert_max_num_queries(QUERIES[url]):
        answer = client.get(address)

    assert answer.status_code == 200


def test_admin_changes_give_the_date_of_the_last_change(make_role, admin_user):
    role = make_role()
    assert content.last_change() is None

    LogEntry.objects.log_actions(
        admin_user.pk, [role], CHANGE, change_message="[]", single_object=True
    )

    assert content.last_change() is not None
    assert ContentType.objects.get_for_model(role).app_label in content.CONTENT_APPS


# /api/: one example slug of each kind (4). /donnees/: the date of the last change (1).
PAGE_QUERIES = {"/api/": 4, "/donnees/": 1}


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("url", PAGE_QUERIES)
def test_open_data_pages_take_a_fixed_number_of_queries(
    client, make_full_role, size, url, django_assert_max_num_queries
):
    for _ in range(size):
        make_full_role(size=size)

    with django_assert_max_num_queries(PAGE_QUERIES[url]):
        answer = client.get(url)

    assert answer.status_code == 200
