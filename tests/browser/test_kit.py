"""The interview kit in Chromium, as a recruiter uses it: shape a senior kit for the Directeur
with a question from another role's bank and one of their own, land on it, print it on two A4
pages, reopen its link and get the same kit; on a phone, nothing overflows."""

import re

import pytest
from playwright.sync_api import expect

KIT = "/entretiens/kit/directeur-e-commerce/"
OWN_QUESTION = "Quelle est votre plus belle réussite commerciale ?"
OTHER_ROLE = "Coordinateur Commercial E-commerce"
OTHER_QUESTION = "Comment analysez-vous les performances d’une boutique en ligne ?"


def pdf_pages(pdf):
    """Page count of a PDF from Chromium (one uncompressed `/Type /Page` object a page)."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def build_senior_kit(page, base=""):
    page.goto(base + KIT)
    page.locator("#choix-niveau").get_by_label("Senior", exact=True).check()
    kept = page.locator("#choix-questions input[name=q]")
    for index in range(1, kept.count()):
        kept.nth(index).uncheck()
    page.locator("summary", has_text=OTHER_ROLE).click()
    page.get_by_label(re.compile(re.escape(OTHER_QUESTION))).check()
    page.get_by_label("Ajouter une question de votre cru").fill(OWN_QUESTION)
    page.get_by_label(re.compile("Joindre l’étude de cas")).uncheck()
    page.get_by_role("button", name="Produire le kit").click()
    page.wait_for_load_state()


@pytest.fixture
def senior_kit(content, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    build_senior_kit(page)
    return page


def test_a_shaped_kit_lands_on_its_confirmation_with_print_and_copy_buttons(senior_kit):
    page = senior_kit

    assert page.url.endswith("#kit")
    status = page.locator(".kit-ready p")
    expect(status).to_contain_text(
        "Kit prêt : 3 questions (dont 1 de votre cru), niveau senior, sans étude de cas."
    )
    assert page.evaluate("document.querySelector('.kit-ready').getBoundingClientRect().top") < 300
    questions = page.locator(".kit-question-text")
    expect(questions).to_have_count(3)
    expect(questions.nth(1)).to_contain_text(OTHER_QUESTION)
    expect(questions.nth(2)).to_contain_text(OWN_QUESTION)
    expect(page.locator(".kit-case")).to_have_count(0)
    expect(page.get_by_role("button", name="Imprimer")).to_be_visible()
    copy = page.get_by_role("button", name="Copier le lien")
    expect(copy).to_be_visible()
    copy.click()
    expect(page.locator(".kit-action-status")).not_to_be_empty()


def test_the_kit_prints_on_two_a4_pages_and_its_link_gives_it_again(senior_kit, tmp_path):
    page = senior_kit
    kit_html = page.locator("#kit").inner_html()

    page.emulate_media(media="print")
    pdf = page.pdf(path=tmp_path / "kit.pdf", format="A4")
    page.emulate_media(media="screen")

    assert pdf_pages(pdf) <= 2
    page.goto(page.url)
    assert page.locator("#kit").inner_html() == kit_html


def test_moving_the_own_question_up_keeps_the_rest_of_the_kit(senior_kit):
    page = senior_kit

    page.locator("#kit-q3").get_by_role("link", name=re.compile("Monter")).click()

    questions = page.locator(".kit-question-text")
    expect(questions.nth(1)).to_contain_text(OWN_QUESTION)
    expect(questions.nth(2)).to_contain_text(OTHER_QUESTION)
    assert "ordre=" in page.url and page.url.endswith("#kit-q2")


def test_the_kit_fits_a_phone_and_works_without_javascript(content, browser):
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    build_senior_kit(phone, base=content.url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    url = phone.url
    phone.close()

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    expect(page.locator(".kit-ready p")).to_contain_text("Kit prêt : 3 questions")
    expect(page.get_by_role("button", name="Imprimer")).to_be_hidden()
    context.close()
