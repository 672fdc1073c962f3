"""`make bench`: page budgets, search latency and throughput on PostgreSQL with the
generated data set.

Two databases of their own on the PostgreSQL server (never the site's): one with 3,000
generated roles, one with 10. Each is created, migrated and filled once
(`generate_bench_data`), then reused. The pages are requested in-process through Django's
test client, so the figures are server-side (no network, no browser): median and p95 over
a fixed list of queries, repeated; then the queries per page at both sizes, which must match;
the size and server time of every page type at both sizes (fails past 150 KB or 300 ms at
3,000 roles, or a search query p95 past 30 ms); last, through gunicorn and wrk, requests per
second of a bare HttpResponse("ok") view (BENCH_VIEWS) and of the role sheet, home, search and
/salaires/, rendered and cached, with their ratios to the bare view (bench/serve.py).

    BENCH_DATABASE_URL  postgres://postgres@127.0.0.1:5432/fiches_bench (the small one adds _small)
    BENCH_REPEAT        times each URL is requested (default 15)
    BENCH_PORT          loopback port of the gunicorn run (default 8760)
    BENCH_SECONDS       wrk duration per address (default 5)
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/fiches_bench"
SIZES = {"large": 3000, "small": 10}
# Issue 16: every page at most this big and this slow to render, at both sizes.
PAGE_BYTES = 150_000
PAGE_MS = 300
SEARCH_P95_MS = 30

# What readers type: titles seen on job boards (with feminine forms, hyphens, plurals), skills,
# tools, mission words, typos, a word that matches most roles, and nonsense.
SEARCHES = [
    "e-commerce",
    "ecommerce",
    "chargée de projet e-commerce",
    "coordinatrice des ventes en ligne",
    "responsable marketplace",
    "directrice data luxe",
    "head of acquisition",
    "chef de projet SEO",
    "consultante CRM B2B",
    "Google Analytics",
    "Shopify",
    "PrestaShop",
    "gestion des stocks",
    "optimisation du tunnel de conversion",
    "référencement naturel",
    "fidélisation",
    "commerciaux",
    "coordinatuer",
    "resposable marketplace",
    "zzqxw",
]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ensure_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def measure(size, repeat):
    """In a process whose DATABASE_URL is a bench database: fill it, time it, print JSON."""
    from bench.inprocess import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.management.commands.generate_bench_data import DATA_VERSION
    from roles.models import EducationLevel, EmployerType, Role, RoleSkill, Source
    from roles.search import Query, search_page
    from salaries.models import SalaryBand

    call_command("migrate", verbosity=0)
    current = Source.objects.filter(file_name=f"bench-v{DATA_VERSION}.txt").exists()
    if not current or Role.objects.filter(slug__startswith="bench-").count() != size:
        call_command("generate_bench_data", delete=True, stdout=sys.stderr)
        call_command(
            "generate_bench_data",
            roles=size,
            skills=15000 if size > 100 else 50,
            stdout=sys.stderr,
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # fresh rows: planner statistics, visibility map

    # Filters that keep some roles at both sizes, so that both pages show the same things.
    band = SalaryBand.objects.filter(role__slug__startswith="bench-").select_related(
        "role", "location", "experience_level"
    )[0]
    skill = RoleSkill.objects.filter(role=band.role).exclude(skill__category="outil")[0].skill
    tool = RoleSkill.objects.filter(role=band.role, skill__category="outil")[0].skill
    bac5 = EducationLevel.objects.get(name="Bac +5").slug
    startup = EmployerType.objects.get(name="Start-up").slug
    lists = [
        "/metiers/",
        "/metiers/?niveau=management&salaire=50000",
        "/metiers/?q=e-commerce&niveau=direction&tri=salaire",
        f"/metiers/?competence={skill.slug}&lieu={band.location.slug}"
        f"&experience={band.experience_level.tier}",
        f"/metiers/?outil={tool.slug}&formation={bac5}&documentees=oui",
        f"/metiers/?employeur={startup}&tri=nom&page=3",
    ]
    pages = {
        "accueil": "/",
        "recherche (résultats)": "/recherche/?q=chef+de+projet",
        "recherche (faute de frappe)": "/recherche/?q=coordinatuer",
        "recherche (rien trouvé)": "/recherche/?q=zzqxw",
        "métiers filtrés": lists[3],
        "compétences": "/competences/",
        "compétence": f"/competences/{skill.slug}/",
        "outils": "/outils/",
        "formations": "/formations/",
    }
    client = Client()

    def timed(url):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return elapsed

    result = {"size": size, "queries": {}, "budget": measure_pages(client, band, skill)}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as context:
            timed(url)
        result["queries"][name] = len(context.captured_queries)
    if size < 100:
        print(json.dumps(result))
        return

    for url in lists:  # warm up
        timed(url)
    page_samples, query_samples, list_samples, per_query = [], [], [], {}
    for query in SEARCHES:
        url = "/recherche/?" + urlencode({"q": query})
        timed(url)
        samples = []
        for _ in range(repeat):
            samples.append(timed(url))
            started = time.perf_counter()
            search_page(Role.objects.all(), Query.parse(query), 1, 20)
            query_samples.append((time.perf_counter() - started) * 1000)
        page_samples += samples
        per_query[query] = statistics.median(samples)
    for _ in range(repeat):
        for url in lists:
            list_samples.append(timed(url))
    result.update(
        search_page=page_samples,
        search_query=query_samples,
        list_page=list_samples,
        per_query=per_query,
        lists=lists,
    )
    print(json.dumps(result))


def measure_pages(client, band, skill):
    """Size and server time (median of three, or the first alone past a second) of every
    page type, rendered (no page cache), with the bench data's own rows."""
    from django.db import connection

    from roles.models import Role, Source

    role = band.role
    other = Role.objects.filter(slug__startswith="bench-").exclude(pk=role.pk).first()
    source = Source.objects.order_by("pk").first()
    urls = {
        "accueil": "/",
        "liste des métiers": "/metiers/",
        "fiche métier": role.get_absolute_url(),
        "comparaison": f"/metiers/comparer/?r={role.slug}&r={other.slug}",
        "recherche": "/recherche/?q=chef+de+projet",
        "compétences": "/competences/",
        "compétence": skill.get_absolute_url(),
        "outils": "/outils/",
        "formations": "/formations/",
        "sources": "/sources/",
        "document": source.get_absolute_url() if source else "/sources/",
        "carte des parcours": "/parcours/",
        "salaires": "/salaires/",
        "entretiens": "/entretiens/",
        "kit d'entretien": f"/entretiens/kit/{role.slug}/",
        "données ouvertes": "/donnees/",
    }
    figures = {}
    for name, url in urls.items():
        samples = []
        for _ in range(3):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            if samples[0] > 1000:
                break
        if response.status_code >= 500:
            connection.close()  # a connection cut at the deadline: the next page gets a new one
        size = len(b"".join(response)) if response.streaming else len(response.content)
        figures[name] = {
            "url": url,
            "status": response.status_code,
            "bytes": size,
            "ms": statistics.median(samples),
        }
    return figures


def run(url, size, repeat):
    ensure_database(url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # Pages past their budget are measured, not cut off at the request deadline.
        "REQUEST_DEADLINE": "600",
    }
    process = subprocess.run(
        [sys.executable, __file__, "--measure", str(size), str(repeat)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(process.stdout.strip().splitlines()[-1])


def report(large, small):
    def line(label, samples):
        return (
            f"  {label:<34} median {statistics.median(samples):6.1f} ms   "
            f"p95 {percentile(samples, 0.95):6.1f} ms   ({len(samples)} requests)"
        )

    print(f"\nPostgreSQL, {large['size']} generated roles, load average {os.getloadavg()[0]:.1f}")
    print(line("/recherche/ (whole page)", large["search_page"]))
    print(line("search query (20 best roles + total)", large["search_query"]))
    print(line("/metiers/ filtered lists", large["list_page"]))
    print("\n  Median per query (whole page):")
    for query, median in large["per_query"].items():
        print(f"    {median:6.1f} ms  {query}")
    print(f"\n  Queries per page          {small['size']:>6} roles {large['size']:>6} roles")
    same = True
    for name, count in large["queries"].items():
        other = small["queries"][name]
        same &= other == count
        print(f"    {name:<26}{other:>10}{count:>13}{'' if other == count else '   DIFFERENT'}")
    print("\n  Query counts identical at both sizes." if same else "\n  Query counts differ!")
    ok = same
    print(f"\n  Page budgets: {PAGE_BYTES // 1000} KB and {PAGE_MS} ms (rendered, no page cache)")
    print(f"    {'':<20}{small['size']:>10} roles{'':>13}{large['size']:>6} roles")
    for name, big in large["budget"].items():
        little = small["budget"][name]
        verdict = []
        if big["bytes"] > PAGE_BYTES:
            verdict.append("TOO BIG")
        if big["ms"] > PAGE_MS:
            verdict.append("TOO SLOW")
        if big["status"] != 200:
            verdict.append(f"HTTP {big['status']}")
        ok &= not verdict
        print(
            f"    {name:<20}{little['bytes'] / 1000:8.1f} KB {little['ms']:7.1f} ms"
            f"   {big['bytes'] / 1000:8.1f} KB {big['ms']:7.1f} ms   {' '.join(verdict) or 'ok'}"
        )
    p95 = percentile(large["search_query"], 0.95)
    print(f"\n  Search query p95 {p95:.1f} ms (budget {SEARCH_P95_MS} ms)")
    ok &= p95 <= SEARCH_P95_MS
    return ok


def main():
    sys.path.insert(0, str(ROOT))
    from bench.serve import throughput

    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure(int(sys.argv[2]), int(sys.argv[3]))
        return 0
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        sys.exit("The benchmark runs on PostgreSQL: BENCH_DATABASE_URL=postgres://…")
    repeat = int(os.environ.get("BENCH_REPEAT", "15"))
    small = run(url + "_small", SIZES["small"], repeat)
    large = run(url, SIZES["large"], repeat)
    ok = report(large, small)
    throughput(url, large)
    if not ok:
        print("\nFAILED: see the figures above (budgets, search p95 or query counts).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
