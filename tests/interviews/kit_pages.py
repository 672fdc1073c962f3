"""What the kit's tests read: a kit's address and one section of its page."""

import re

from django.urls import reverse


def kit_url(role, *questions, niveau=None, extra=""):
    params = [f"q={getattr(q, 'pk', q)}" for q in questions]
    if niveau:
        params.append(f"niveau={niveau}")
    url = reverse("interviews:kit", kwargs={"slug": role.slug})
    query = "&".join(params) + extra
    return f"{url}?{query}" if query else url


def section(html, section_id):
    """The HTML of one <section> of the kit, found by the id of its heading."""
    match = re.search(
        rf'<section[^>]*aria-labelledby="{section_id}"[^>]*>(.*?)</section>', html, re.DOTALL
    )
    assert match, f"no section {section_id}"
    return match.group(1)
