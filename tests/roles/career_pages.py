"""The career map's address for a path between two roles."""

from django.urls import reverse


def path_url(start, end):
    return f"{reverse('roles:careers')}?de={start.slug}&vers={end.slug}"
