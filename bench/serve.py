"""The throughput part of `make bench` (bench/run.py): requests per second through gunicorn and
wrk of a bare HttpResponse("ok") view (BENCH_VIEWS) and of pages, rendered and cached.

    BENCH_PORT          loopback port of the gunicorn run (default 8760)
    BENCH_SECONDS       wrk duration per address (default 5)
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# What every browser asks for: a cached page then travels gzipped, as it does to readers.
BROWSER_HEADER = "Accept-Encoding: gzip, deflate, br"


def wrk(address, seconds):
    """Requests per second and errors of one address under wrk (8 connections)."""
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s", "-H", BROWSER_HEADER, address],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Socket errors: (.*)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, (errors.group(1) if errors else "") + (
        f" non-2xx {non2xx.group(1)}" if non2xx else ""
    )


def throughput(url, large):
    """Requests per second through gunicorn (on the 3,000-role database) of the bare view and
    of four pages, rendered (PAGE_CACHE=false) then cached, each against the bare view of the
    same server, side by side in one run."""
    if not shutil.which("wrk"):
        print("\n  wrk absent (apt-get install wrk): no requests-per-second figures.")
        return
    port = int(os.environ.get("BENCH_PORT", "8760"))
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECURE": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "BENCH_VIEWS": "true",
        "REQUEST_DEADLINE": "600",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        "GUNICORN_THREADS": os.environ.get("GUNICORN_THREADS", "4"),
    }
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    pages = {
        "fiche métier": large["budget"]["fiche métier"]["url"],
        "accueil": "/",
        "recherche": "/recherche/?q=chef+de+projet",
        "salaires": "/salaires/",
    }
    base = f"http://127.0.0.1:{port}"
    rows = {}
    gunicorn_command = [
        str(Path(sys.executable).parent / "gunicorn"),
        *("-c", "config/gunicorn.py", "config.wsgi"),
    ]
    for mode, cache in (("rendered", "false"), ("cached", "true")):
        server = subprocess.Popen(
            gunicorn_command,
            cwd=ROOT,
            env={**env, "PAGE_CACHE": cache},
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.3)
            rows[(mode, "vue nue HttpResponse('ok')")] = wrk(base + "/bench/ok", seconds)
            for name, path in pages.items():
                try:  # warm up (and fill the cache)
                    urllib.request.urlopen(base + path, timeout=120).read()
                except OSError as error:
                    print(f"  {path}: {error}", file=sys.stderr)
                rows[(mode, name)] = wrk(base + path, seconds)
                print(f"  {mode} {name}: {rows[(mode, name)]}", file=sys.stderr)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:  # a slow page still rendering
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    print(
        f"\n  Requests per second through gunicorn ({env['WEB_CONCURRENCY']} workers x "
        f"{env['GUNICORN_THREADS']} threads), wrk -t2 -c8 -d{seconds}s with a browser's "
        f"{BROWSER_HEADER!r}, {large['size']} roles,"
        f" {os.cpu_count()} CPUs shared with wrk, load average {os.getloadavg()[0]:.1f}"
    )
    for mode in ("rendered", "cached"):
        bare = rows[(mode, "vue nue HttpResponse('ok')")][0]
        for (row_mode, name), (rate, errors) in rows.items():
            if row_mode != mode:
                continue
            print(
                f"    {mode:<9}{name:<28}{rate:9.1f} req/s  {100 * rate / bare:6.1f} % of bare"
                + (f"   errors: {errors}" if errors.strip() else "")
            )
