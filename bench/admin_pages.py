"""Cost of the role change pages in the admin (issue 12: under 200 KB and 300 ms each),
in-process through Django's test client, logged in as an editor: KB, queries, milliseconds
(median of N renders; wall time, and the process's CPU time, which a busy shared machine
disturbs less) for each theme page of a role.

    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed
    DATABASE_URL=… .venv/bin/python bench/admin_pages.py [slug] [renders]
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    sys.path.insert(0, str(ROOT))
    from bench.inprocess import setup_django

    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from roles.models import Role

    settings.ALLOWED_HOSTS = ["*"]
    slug = sys.argv[1] if len(sys.argv) > 1 else "directeur-e-commerce"
    renders = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    role = Role.objects.get(slug=slug)
    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name="Éditeurs"))
    client = Client()
    client.force_login(user)
    try:
        from roles.admin_themes import role_theme_urls

        urls = role_theme_urls(role)
    except ImportError:  # before the page was split by theme
        urls = [("page", reverse("admin:roles_role_change", args=[role.pk]))]
    for label, url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        queries = []

        def count(execute, *args, queries=queries):
            queries.append(1)
            return execute(*args)

        with connection.execute_wrapper(count):
            client.get(url)
        times, cpu = [], []
        for _ in range(renders):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        print(
            f"{label:<28} {len(response.content) / 1024:7.0f} KB {len(queries):4d} queries "
            f"{statistics.median(times):7.0f} ms, {statistics.median(cpu):5.0f} ms of CPU "
            f"(medians of {renders})"
        )
    user.delete()


if __name__ == "__main__":
    main()
