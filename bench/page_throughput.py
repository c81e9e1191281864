"""Page throughput: requests per second, p50/p99 latency and server CPU per request for the home page, an
article and a newsblog page, against a bare Django view as reference, at the origin and through Varnish.

    .venv/bin/python bench/page_throughput.py --seconds 3 --concurrency 8

Starts `newsdesk serve` (uvicorn, one worker, DEBUG off) on a fresh database with the demo content, and a
Varnish (deploy/varnish/newsdesk.vcl) in front of it when varnishd is installed. Rows, per page:
  * origin:     full GETs of an anonymous reader with reader state (a `messages` cookie), so the origin
                renders every time, as it does for readers without a shared cache in front
  * shared:     anonymous GETs without state at the origin (no shared cache): the origin's render cache
  * new render: anonymous GETs without state, each with a query string of its own (`?neu=N`), so the page
                is rendered as after a change (shared boxes and unchanged entries from the render cache)
  * 304:        conditional GETs with the page's ETag (what a browser's revalidation or Varnish's costs)
  * varnish:    anonymous GETs through Varnish (served from its cache)
  * reference:  a bare Django view (bench/bare_django.py) of about an article page's size
Server CPU is read from /proc (user + system time of the server process) around each run. The clients run
on this machine too, so on 2 cores they compete with the server. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server import free_port, prepared_site  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children that still run (uvicorn may fork)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return total


async def hammer(base: str, path, seconds: float, concurrency: int, headers: dict[str, str],
                 expect: int, cookies: dict[str, str] | None = None) -> dict:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            response = await http.get(path() if callable(path) else path, headers=headers)
            await response.aread()
            if response.status_code == expect:
                latencies.append((time.perf_counter() - start) * 1000)
            else:
                errors += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30, cookies=cookies) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {"rps": len(latencies) / elapsed, "p50": percentile(latencies, 0.5), "p99": percentile(latencies, 0.99),
            "n": len(latencies), "errors": errors}


def measured(pid: int, base: str, path, args, headers=None, expect=200, cookies=None) -> dict:
    before = cpu_seconds(pid)
    result = asyncio.run(hammer(base, path, args.seconds, args.concurrency, headers or {}, expect, cookies))
    result["cpu_ms"] = (cpu_seconds(pid) - before) * 1000 / max(1, result["n"] + result["errors"])
    return result


def pages(base: str) -> dict[str, str]:
    """Home, the first article and the first newsblog *page* linked from the home page (not the list)."""
    home = httpx.get(base + "/", timeout=30).text
    article = re.search(r'href="(/artikel/[^"/]+/)"', home).group(1)
    blog = re.search(r'href="(/newsblog/[^"/]+/)"', home).group(1)
    return {"home": "/", "article": article, "newsblog": blog}


@contextlib.contextmanager
def bare_django(port: int):
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(ROOT / "bench"),
                                "bare_django:application", "--port", str(port), "--log-level", "warning"])
    try:
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def row(name: str, result: dict, reference: dict, size: int | None = None) -> str:
    ratio = result["cpu_ms"] / reference["cpu_ms"] if reference["cpu_ms"] else float("nan")
    errors = f"  ({result['errors']} unexpected)" if result["errors"] else ""
    kib = f"{size / 1024:>6.0f}" if size is not None else f"{'':>6}"
    return (f"{name:<20} {result['rps']:>8.0f} {result['p50']:>7.1f} {result['p99']:>7.1f} "
            f"{result['cpu_ms']:>8.2f} {ratio:>8.1f}× {kib}{errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
    with tempfile.TemporaryDirectory() as folder, prepared_site(Path(folder)) as site:
        varnish_port = free_port()
        server = site.start(DEBUG="false", SECRET_KEY="bench-" + "s" * 50,
                            CACHE_PURGE_URLS=f"xkey+http://127.0.0.1:{varnish_port}/")
        origin_port = int(server.url.rsplit(":", 1)[1])
        pid = server.process.pid
        paths = pages(server.url)
        print(f"newsdesk page throughput · uvicorn, 1 worker, DEBUG off · {os.cpu_count()} cores shared with the "
              f"clients · {args.concurrency} clients · {args.seconds:.0f} s per run")
        print(f"{'row':<20} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>8} {'CPU/ref':>9} {'KiB':>6}")
        ref_port = free_port()
        with bare_django(ref_port) as reference_process:
            size = len(httpx.get(f"http://127.0.0.1:{ref_port}/").content)
            reference = measured(reference_process.pid, f"http://127.0.0.1:{ref_port}", "/", args)
        print(row("bare Django (ref)", reference, reference, size), flush=True)
        state = {"messages": "x"}  # reader state: the origin renders (no 304, no shared page)
        for name, path in paths.items():
            first = httpx.get(server.url + path, timeout=30)
            measured(pid, server.url, path, args, cookies=state)  # warm-up
            print(row(f"{name} origin", measured(pid, server.url, path, args, cookies=state), reference,
                      len(first.content)), flush=True)
            print(row(f"{name} shared", measured(pid, server.url, path, args), reference), flush=True)
            numbers = iter(range(10**9))
            print(row(f"{name} new render", measured(pid, server.url, lambda p=path, n=numbers: f"{p}?neu={next(n)}",
                                                     args), reference), flush=True)
            print(row(f"{name} 304", measured(pid, server.url, path, args, {"If-None-Match": first.headers["ETag"]},
                                              304), reference), flush=True)
        if varnishd is None:
            print("varnish rows: varnishd not installed (apt-get install varnish varnish-modules)")
            return
        from tests.support.varnish import running_varnish

        with running_varnish(varnishd, origin_port, port=varnish_port) as varnish:
            for name, path in paths.items():
                httpx.get(varnish.url + path, timeout=30)
                result = measured(pid, varnish.url, path, args)
                print(row(f"{name} varnish", result, reference), flush=True)


if __name__ == "__main__":
    main()
