"""Editors keep the content right in the admin, and only the content."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from roles.models import CareerMove, Mission, Role, RoleAlias

pytestmark = pytest.mark.django_db


def test_editor_changes_a_mission_and_the_sheet_shows_it_at_once(client, editor, make_full_role):
    role = make_full_role(size=1)
    mission = role.missions.get()
    mission.source.text = (
        "Ses missions : Piloter le catalogue produits. Mise en ligne des produits."
    )
    mission.source.save()
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_mission_change", args=[mission.pk]),
        {
            "role": role.pk,
            "source": mission.source.pk,
            "order": 0,
            "title": "Piloter le catalogue produits",
            "description": "Mise en ligne des produits.",
        },
    )

    assert response.status_code == 302
    assert "Piloter le catalogue produits" in client.get(role.get_absolute_url()).content.decode()


def test_admin_refuses_a_mission_whose_words_are_not_in_its_document(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    mission = role.missions.get()
    mission.source.text = "Ses missions : Piloter le catalogue produits."
    mission.source.save()
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_mission_change", args=[mission.pk]),
        {
            "role": role.pk,
            "source": mission.source.pk,
            "order": 0,
            "title": "Piloter le catalogue produits",
            "description": "Une phrase que le document ne contient pas.",
        },
    )

    assert response.status_code == 200
    assert "Ce passage ne figure pas dans le document choisi." in response.content.decode()
    mission.refresh_from_db()
    assert mission.description != "Une phrase que le document ne contient pas."


def test_editor_opens_a_role_with_all_its_inlines(client, editor, make_full_role):
    role = make_full_role(size=2)
    client.force_login(editor)

    html = ""
    for theme in ("", "competences", "salaires", "entretiens"):  # one page per theme
        args = [role.pk, theme] if theme else [role.pk]
        name = "admin:roles_role_theme" if theme else "admin:roles_role_change"
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200
        html += response.content.decode()
    for prefix in ("aliases", "missions", "role_skills", "salary_bands", "case_studies"):
        assert f'id="{prefix}-group"' in html


@pytest.mark.parametrize(
    "url",
    ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"],
)
def test_editor_cannot_manage_users_or_groups(client, editor, url):
    client.force_login(editor)

    assert client.get(reverse(url)).status_code == 403


def test_editor_group_holds_content_permissions_only():
    from django.contrib.auth.models import Group

    apps = set(
        Group.objects.get(name="Éditeurs").permissions.values_list(
            "content_type__app_label", flat=True
        )
    )

    assert apps == {"roles", "salaries", "interviews"}


def test_career_move_cannot_point_to_its_own_role(make_role):
    role = make_role()
    move = CareerMove(from_role=role, to_role=role, source=role.sources.get())

    with pytest.raises(ValidationError) as error:
        move.full_clean()
    assert "ne peut pas mener au même métier" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        move.save()


def test_role_slugs_are_unique(client, editor, make_role):
    existing = make_role("Directeur E-commerce")
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_role_add"),
        {"name": "Autre", "slug": existing.slug, "level": "direction"},
    )

    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()
    assert Role.objects.filter(slug=existing.slug).count() == 1


def test_create_editor_command_makes_a_staff_account_in_the_editors_group(django_user_model):
    call_command("create_editor", "camille", password="une-phrase-de-passe-longue")

    user = django_user_model.objects.get(username="camille")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Éditeurs"]
    assert user.check_password("une-phrase-de-passe-longue")


def test_create_editor_command_refuses_a_weak_password(django_user_model):
    with pytest.raises(CommandError):
        call_command("create_editor", "camille", password="123")

    assert not django_user_model.objects.filter(username="camille").exists()


def test_seed_never_overwrites_a_database_that_has_content(make_role):
    role = make_role("Métier modifié par une éditrice")

    call_command("seed")

    assert list(Role.objects.values_list("name", flat=True)) == [role.name]
    assert not Mission.objects.exists()


# No lost edit (issue 12): optimistic locking on the role page (roles/locking.py).


def change_form_data(response):
    """What the browser would send back from an admin change page, untouched."""
    data = {}

    def add(form):
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(v) for v in value]
            else:
                data[bound.html_name] = str(value)

    add(response.context["adminform"].form)
    inlines = response.context.get("inline_admin_formsets", [])  # none on a history form
    for inline in inlines:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        for form in formset.forms:
            add(form)
    return data


@pytest.fixture
def second_editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "second", password="mot-de-passe-solide-43", is_staff=True, first_name="Sam"
    )
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user


@pytest.fixture
def edited_role(make_role, make_source):
    """A role whose summary and alias its document says, with other wordings it says too."""
    from roles.models import RoleAlias
    from tests.conftest import document_says

    source = make_source()
    document_says(
        source,
        "Pilote le site marchand.",
        "Un résumé revu par la première éditrice.",
        "Chef de projet web",
        "Chef de rayon web",
        "Responsable web",
    )
    role = make_role(source=source, summary="Pilote le site marchand.", summary_source=source)
    RoleAlias.objects.create(role=role, name="Chef de projet web", source=source)
    return role


@pytest.fixture
def two_editors(client, editor, second_editor):
    from django.test import Client

    other = Client()
    client.force_login(editor)
    other.force_login(second_editor)
    return client, other


def test_second_editor_saving_a_stale_role_is_refused_and_shown_the_other_change(
    two_editors, edited_role
):
    first, second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    seen_by_first = change_form_data(first.get(url))
    seen_by_second = change_form_data(second.get(url))

    seen_by_first["summary"] = "Un résumé revu par la première éditrice."
    assert first.post(url, seen_by_first).status_code == 302
    seen_by_second["level"] = "direction"
    response = second.post(url, seen_by_second)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enregistrement refusé" in page
    assert (
        "résumé : « Pilote le site marchand. » → « Un résumé revu par la première éditrice. »"
        in page
    )
    role.refresh_from_db()
    assert role.summary == "Un résumé revu par la première éditrice."
    assert role.level != "direction"


def test_refused_editor_saves_again_and_both_changes_are_kept(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    seen_by_first = change_form_data(first.get(url))
    seen_by_second = change_form_data(second.get(url))
    seen_by_first["summary"] = "Un résumé revu par la première éditrice."
    first.post(url, seen_by_first)
    seen_by_second["level"] = "direction"
    refused = second.post(url, seen_by_second)

    # The refused page holds the second editor's input and the first one's change.
    again = change_form_data(refused)
    assert again["level"] == "direction"
    assert again["summary"] == "Un résumé revu par la première éditrice."
    assert second.post(url, again).status_code == 302
    role.refresh_from_db()
    assert (role.level, role.summary) == ("direction", "Un résumé revu par la première éditrice.")


def test_stale_inline_row_is_refused_with_its_old_and_new_values(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    alias = role.aliases.get()
    url = reverse("admin:roles_role_change", args=[role.pk])
    seen_by_first = change_form_data(first.get(url))
    seen_by_second = change_form_data(second.get(url))
    seen_by_first["aliases-0-name"] = "Chef de rayon web"
    assert first.post(url, seen_by_first).status_code == 302
    seen_by_second["aliases-0-name"] = "Responsable web"

    page = second.post(url, seen_by_second).content.decode()

    assert "Enregistrement refusé" in page
    assert f"« {alias.name} » → « Chef de rayon web »" in page
    alias.refresh_from_db()
    assert alias.name == "Chef de rayon web"


def test_untouched_stale_row_takes_the_other_editors_change_without_a_refusal(
    two_editors, edited_role
):
    first, second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    seen_by_first = change_form_data(first.get(url))
    seen_by_second = change_form_data(second.get(url))
    seen_by_first["aliases-0-name"] = "Chef de rayon web"
    first.post(url, seen_by_first)

    assert second.post(url, seen_by_second).status_code == 302
    assert role.aliases.get().name == "Chef de rayon web"


def test_row_deleted_meanwhile_gives_a_message_not_an_error(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    alias = role.aliases.get()
    url = reverse("admin:roles_role_change", args=[role.pk])
    seen_by_first = change_form_data(first.get(url))
    seen_by_second = change_form_data(second.get(url))
    seen_by_first["aliases-0-DELETE"] = "on"
    assert first.post(url, seen_by_first).status_code == 302
    seen_by_second["aliases-0-name"] = "Un nom changé"

    response = second.post(url, seen_by_second)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Cette ligne (« {alias} ») a été supprimée par" in page
    assert 'value="Un nom changé"' in page
    assert not role.aliases.exists()


def test_row_deleted_meanwhile_is_recreated_when_the_editor_saves_again(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    seen_by_first = change_form_data(first.get(url))
    seen_by_second = change_form_data(second.get(url))
    seen_by_first["aliases-0-DELETE"] = "on"
    first.post(url, seen_by_first)
    seen_by_second["aliases-0-name"] = "Responsable web"
    refused = second.post(url, seen_by_second)

    again = change_form_data(refused)
    assert second.post(url, again).status_code == 302
    assert list(role.aliases.values_list("name", flat=True)) == ["Responsable web"]


# History with values and undo (issue 12): django-simple-history.


def test_role_history_shows_both_editors_changes_with_old_and_new_values(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = change_form_data(first.get(url))
    data["summary"] = "Un résumé revu par la première éditrice."
    first.post(url, data)
    data = change_form_data(second.get(url))
    data["aliases-0-name"] = "Responsable web"
    second.post(url, data)

    page = first.get(reverse("admin:roles_role_history", args=[role.pk])).content.decode()

    assert "Un résumé revu par la première éditrice." in page
    assert "« Chef de projet web » → « Responsable web »" in page
    assert "editrice" in page and "second" in page


def test_editor_restores_an_earlier_summary_from_the_history(two_editors, edited_role):
    first, _second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = change_form_data(first.get(url))
    data["summary"] = "Un résumé revu par la première éditrice."
    first.post(url, data)
    earliest = role.history.earliest("history_date")

    form_url = reverse("admin:roles_role_simple_history", args=[role.pk, earliest.history_id])
    response = first.post(form_url, change_form_data(first.get(form_url)))

    assert response.status_code == 302
    role.refresh_from_db()
    assert role.summary == "Pilote le site marchand."


def test_editor_recovers_a_deleted_row_from_its_history(client, editor, edited_role):
    client.force_login(editor)
    alias = edited_role.aliases.get()
    alias_pk = alias.pk
    alias.delete()
    record = RoleAlias.history.filter(id=alias_pk, history_type="-").get()
    role_history = client.get(reverse("admin:roles_role_history", args=[edited_role.pk]))
    recover_url = reverse(
        "admin:roles_rolealias_simple_history", args=[alias_pk, record.history_id]
    )
    assert recover_url in role_history.content.decode()

    response = client.post(recover_url, change_form_data(client.get(recover_url)))

    assert response.status_code == 302
    assert edited_role.aliases.get().name == "Chef de projet web"


# Attribution protected (issue 12).


def test_row_whose_document_is_not_among_the_role_sources_is_refused(edited_role, make_source):
    other = make_source(text="Chef de projet web")
    alias = edited_role.aliases.get()
    alias.source = other

    with pytest.raises(ValidationError) as refused:
        alias.full_clean()

    assert "Ajoutez d'abord ce document aux sources du métier" in str(refused.value)


def test_row_from_one_of_the_role_sources_passes(edited_role):
    edited_role.aliases.get().full_clean()


def test_review_dated_in_the_future_is_refused(edited_role):
    import datetime

    edited_role.reviewed_on = datetime.date.today() + datetime.timedelta(days=400)

    with pytest.raises(ValidationError, match="futur"):
        edited_role.full_clean()


# Safe deletion (issue 12).


def test_deleting_a_role_archives_it_and_keeps_its_rows(client, editor, edited_role):
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_role_delete", args=[edited_role.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    edited_role.refresh_from_db()
    assert edited_role.status == Role.Status.ARCHIVED
    assert edited_role.aliases.exists()
    assert client.get(edited_role.get_absolute_url()).status_code == 200  # editors preview
    client.logout()
    assert client.get(edited_role.get_absolute_url()).status_code == 404


def test_seed_leaves_a_database_with_only_a_document_untouched(make_source):
    make_source()

    call_command("seed")

    assert not Role.objects.exists()


# An admin page that fits (issue 12).


def test_role_page_saves_from_the_top_and_labels_question_rows_by_their_question(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    client.force_login(editor)

    url = reverse("admin:roles_role_theme", args=[role.pk, "entretiens"])
    page = client.get(url).content.decode()

    assert "object (" not in page
    assert page.count('name="_save"') == 2
    assert "Question " in page


def test_role_page_summarises_row_errors_at_the_top(two_editors, edited_role):
    first, _second = two_editors
    url = reverse("admin:roles_role_change", args=[edited_role.pk])
    data = change_form_data(first.get(url))
    data["aliases-0-name"] = "Un nom que le document ne donne pas"

    page = first.post(url, data).content.decode()

    summary = page[page.index('id="errors-summary"') :][:2000]
    assert "Appellations, ligne 1" in summary or "ppellation" in summary
    assert "Ce passage ne figure pas dans le document choisi." in summary
