"""The interview kit runs the same queries whatever the number of questions."""

import pytest

from interviews.models import InterviewQuestion
from tests.interviews.kit_pages import kit_url

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- queries


QUERIES = 9
# 1 role + summary source, then its prefetches: case studies + source, case skills, case
# hints + source + role, matrix cells + skill + level + source, recruiting facts + source;
# then the bank: questions + source, their roles, their competencies.


@pytest.mark.parametrize("size", [3, 60])
def test_kit_runs_the_same_queries_whatever_the_number_of_questions(
    client, make_kit_role, size, django_assert_max_num_queries
):
    role = make_kit_role(size=size)
    url = kit_url(role, *role.interview_questions.all(), niveau="senior")

    with django_assert_max_num_queries(QUERIES):
        response = client.get(url)
    assert len(response.context["kit"].questions) == size


@pytest.mark.parametrize("size", [3, 60])
def test_kit_with_other_roles_and_own_questions_runs_the_same_queries(
    client,
    make_kit_role,
    make_question,
    make_role,
    make_skill,
    size,
    django_assert_max_num_queries,
):
    role = make_kit_role(size=size)
    foreign = [make_question(make_role(), skills=[make_skill()]) for _ in range(size)]
    own = "".join(f"&perso=Ma+question+{n}+%3F" for n in range(min(size, 10)))

    with django_assert_max_num_queries(QUERIES):
        response = client.get(kit_url(role, *foreign, niveau="senior", extra=own))
    kit = response.context["kit"]
    assert len(kit.questions) == size + min(size, 10)
    assert len(kit.scorecard) >= size  # the other roles' competencies are rows too


@pytest.mark.parametrize("size", [3, 60])
def test_kit_with_unknown_ids_runs_the_same_queries(
    client, make_kit_role, size, django_assert_max_num_queries
):
    role = make_kit_role(size=size)

    with django_assert_max_num_queries(QUERIES):
        response = client.get(kit_url(role, *range(900_000, 900_000 + size), niveau="senior"))
    assert response.context["kit"] is None
    assert InterviewQuestion.objects.count() == size
