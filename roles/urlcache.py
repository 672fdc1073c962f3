"""Addresses of the site's objects, computed once per slug (issue 16: a role sheet asked
`reverse()` for the same few documents over a hundred times per render).

The result depends on the slug, the URLconf and the script prefix only, so those are the key;
a test that swaps the URLconf gets its own entries."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=20000)
def _reverse_slug(name, slug, urlconf, prefix):
    return reverse(name, kwargs={"slug": slug}, urlconf=urlconf)


def slug_url(name, slug):
    """reverse(name, kwargs={"slug": slug}), remembered."""
    return _reverse_slug(name, slug, get_urlconf(), get_script_prefix())
