"""Per-render cost of a role sheet, in-process through Django's test client (page cache off):
milliseconds per render, `reverse()` calls per render, and the functions that cost most.

    DATABASE_URL=… .venv/bin/python bench/profile_sheet.py [slug] [renders]
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    sys.path.insert(0, str(ROOT))
    from bench.inprocess import setup_django

    setup_django()
    from django.test import Client

    slug = sys.argv[1] if len(sys.argv) > 1 else "directeur-e-commerce"
    renders = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    client = Client()
    url = f"/metiers/{slug}/"
    assert client.get(url).status_code == 200, url
    started = time.perf_counter()
    for _ in range(renders):
        client.get(url)
    per_render = (time.perf_counter() - started) * 1000 / renders
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(renders):
        client.get(url)
    profile.disable()
    stats = pstats.Stats(profile)
    if os.environ.get("PROFILE_OUT"):
        stats.dump_stats(os.environ["PROFILE_OUT"])
    calls = {
        name: count
        for (_, _, name), (_, count, *_) in stats.stats.items()
        if name in {"reverse", "get_absolute_url", "slug_url"}
    }
    print(f"{url}: {per_render:.1f} ms per render over {renders} renders (no profiler)")
    print("calls per render: " + ", ".join(f"{k} {v / renders:.0f}" for k, v in calls.items()))
    stats.sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(18)


if __name__ == "__main__":
    main()
