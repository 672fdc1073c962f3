"""Lenient pagination, shared by the lists of every app: a page number out of range or not a
number shows a page, never a 404."""

from django.core.paginator import Paginator
from django.db.models import Count, Window

MAX_PAGE = 10_000


class AnyPageMixin:
    """Pagination with Paginator.get_page(), for a ListView or a FilterView. The page's rows
    are fetched once, as a list."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        page.object_list = list(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()


def page_with_total(queryset, number, per_page):
    """A Paginator page whose rows and total come from one query (a COUNT(*) OVER () window).
    A page number past the end gives the last page, as `Paginator.get_page()` does."""
    try:
        number = min(MAX_PAGE, max(1, int(number)))
    except (TypeError, ValueError):
        number = 1
    counted = queryset.annotate(total_count=Window(Count("pk")))

    def rows(number):
        return list(counted[(number - 1) * per_page : number * per_page])

    found = rows(number)
    if not found and number > 1:
        number = max(1, -(-queryset.count() // per_page))
        found = rows(number)
    paginator = Paginator(range(found[0].total_count if found else 0), per_page)
    page = paginator.page(min(number, paginator.num_pages))
    page.object_list = found
    return page
