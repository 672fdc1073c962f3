"""Slow and idle clients against a running site (`make serve`), bounded in count and time,
loopback only: a check, not a benchmark.

1. The role sheet's normal throughput: wrk, 8 connections, --baseline seconds.
2. The flood: --slow connections that send a request's header one line every 3 s and never
   finish it, and --idle connections that send nothing, for --duration seconds; a connection
   the server closes is opened again at once, so that the counts hold all along. Meanwhile
   /healthz is requested every 0.5 s (1 s time-out) and wrk measures the role sheet again.

Exits 1 when a /healthz answer took over 1 s (or failed) or the role sheet fell under half
its normal throughput; prints the figures either way.

    .venv/bin/python bench/flood.py --url http://127.0.0.1:8000
"""

import argparse
import asyncio
import contextlib
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection
from urllib.parse import urlsplit

HEALTHZ_LIMIT = 1.0  # seconds
THROUGHPUT_RATIO = 0.5


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--sheet", default="/metiers/directeur-e-commerce/")
    parser.add_argument("--slow", type=int, default=200, help="slow-header connections")
    parser.add_argument("--idle", type=int, default=200, help="idle connections")
    parser.add_argument("--duration", type=int, default=30, help="flood seconds")
    parser.add_argument("--baseline", type=int, default=10, help="seconds of normal load")
    arguments = parser.parse_args()
    address = urlsplit(arguments.url)
    if address.hostname not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("loopback only")
    if not 0 < arguments.slow + arguments.idle <= 2000 or not 0 < arguments.duration <= 300:
        parser.error("at most 2,000 connections and 300 s")
    arguments.host, arguments.port = address.hostname, address.port or 80
    return arguments


def throughput(url, seconds):
    """Requests per second of the role sheet (wrk, 1 thread, 8 connections), 0 on errors."""
    output = subprocess.run(
        ["wrk", "-t1", "-c8", f"-d{seconds}s", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return rate, int(non_2xx.group(1)) if non_2xx else 0, errors.group(1) if errors else "none"


class Flood:
    """The slow and idle connections, on an asyncio loop in a thread of their own."""

    def __init__(self, host, port, slow, idle):
        self.host, self.port = host, port
        self.counts = {"slow": slow, "idle": idle}
        self.open = {"slow": 0, "idle": 0}
        self.opened = 0
        self.samples = []
        self.stopping = None
        self.loop = None

    async def connection(self, kind, number):
        while not self.stopping.is_set():
            try:
                reader, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                await asyncio.sleep(0.2)
                continue
            self.opened += 1
            self.open[kind] += 1
            try:
                if kind == "slow":
                    writer.write(f"GET /healthz HTTP/1.1\r\nHost: {self.host}\r\n".encode())
                line = 0
                while not self.stopping.is_set() and not reader.at_eof():
                    if kind == "slow":
                        writer.write(f"X-Slow-{number}-{line}: y\r\n".encode())
                        await writer.drain()
                        line += 1
                    # Wakes up early when the server closes the connection.
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(reader.read(1024), timeout=3)
            except OSError:
                pass
            finally:
                self.open[kind] -= 1
                writer.close()

    async def sample(self):
        while not self.stopping.is_set():
            self.samples.append(dict(self.open))
            await asyncio.sleep(1)

    async def main(self):
        self.stopping = asyncio.Event()
        tasks = [
            asyncio.create_task(self.connection(kind, number))
            for kind, count in self.counts.items()
            for number in range(count)
        ]
        tasks.append(asyncio.create_task(self.sample()))
        await asyncio.gather(*tasks)

    def start(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_until_complete, args=(self.main(),))
        self.thread.start()

    def stop(self):
        self.loop.call_soon_threadsafe(self.stopping.set)
        self.thread.join(timeout=10)


def probe_healthz(host, port, until, results):
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            http = HTTPConnection(host, port, timeout=HEALTHZ_LIMIT)
            http.request("GET", "/healthz")
            status = http.getresponse().status
            http.close()
        except OSError as error:
            status = type(error).__name__
        results.append((status, time.monotonic() - started))
        time.sleep(max(0, 0.5 - (time.monotonic() - started)))


def main():
    arguments = parse_arguments()
    if not shutil.which("wrk"):
        sys.exit("wrk absent : apt-get install -y wrk")
    sheet = f"http://{arguments.host}:{arguments.port}{arguments.sheet}"

    normal, normal_non_2xx, _errors = throughput(sheet, arguments.baseline)
    print(f"role sheet, normal: {normal:.1f} requests/s ({normal_non_2xx} non-2xx)")

    flood = Flood(arguments.host, arguments.port, arguments.slow, arguments.idle)
    flood.start()
    try:
        time.sleep(3)  # let the connections open
        probes = []
        until = time.monotonic() + arguments.duration - 3
        prober = threading.Thread(
            target=probe_healthz, args=(arguments.host, arguments.port, until, probes)
        )
        prober.start()
        flooded, flooded_non_2xx, errors = throughput(sheet, arguments.duration - 4)
        prober.join()
    finally:
        flood.stop()

    open_slow = statistics.median(sample["slow"] for sample in flood.samples[3:])
    open_idle = statistics.median(sample["idle"] for sample in flood.samples[3:])
    slowest = max(seconds for _status, seconds in probes)
    failed = [(status, round(seconds, 2)) for status, seconds in probes if status != 200]
    ratio = flooded / normal if normal else 0
    print(
        f"flood: {arguments.slow} slow-header + {arguments.idle} idle connections for "
        f"{arguments.duration} s (open at once, median: {open_slow:.0f} slow, {open_idle:.0f} "
        f"idle; {flood.opened} opened in all, as the server closes them)"
    )
    print(
        f"/healthz: {len(probes)} probes, slowest {slowest * 1000:.0f} ms, "
        f"{len(failed)} failed {failed[:5]}"
    )
    print(
        f"role sheet, flooded: {flooded:.1f} requests/s ({flooded_non_2xx} non-2xx, socket "
        f"errors: {errors}), {ratio:.0%} of normal"
    )
    ok = not failed and slowest <= HEALTHZ_LIMIT and ratio >= THROUGHPUT_RATIO
    ok = ok and flooded_non_2xx == 0 and normal_non_2xx == 0
    print("OK" if ok else "ÉCHEC")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
