"""Page throughput: requests per second and p50/p99 latency for the home page, an article and a newsblog page.

    .venv/bin/python bench/page_throughput.py --seconds 5 --concurrency 8

Starts `newsdesk serve` (uvicorn, one worker) on a fresh database with the demo content and, per page:
  * first:       the first request after a fresh server start (nothing warmed up: imports, templates, queries)
  * cold:        full GETs without validators (readers without a cached copy), right after that first request
  * warm:        the same again on the now warmed-up process
  * 304:         conditional GETs with the page's ETag (If-None-Match) and the first answer's cookies, as a
                 returning reader's browser sends them, when the page sends an ETag
Each run lasts `--seconds` with `--concurrency` clients. The clients run on this machine too, so on
2 cores they compete with the server for CPU. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.server import prepared_site


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def hammer(base: str, path: str, seconds: float, concurrency: int, headers: dict[str, str],
                 expect: int, cookies: httpx.Cookies | None = None) -> dict:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            response = await http.get(path, headers=headers)
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


def pages(base: str) -> dict[str, str]:
    """Home, the first article and the first newsblog linked from the home page."""
    home = httpx.get(base + "/", timeout=30).text
    article = home.split('href="/artikel/', 1)[1].split('"', 1)[0]
    blog = home.split('href="/newsblog/', 1)[1].split('"', 1)[0]
    return {"home": "/", "article": f"/artikel/{article}", "newsblog": f"/newsblog/{blog}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, prepared_site(Path(folder)) as site:
        probe = site.start()
        paths = pages(probe.url)
        probe.stop()
        print(f"newsdesk page throughput · uvicorn, 1 worker · {os.cpu_count()} cores shared with the clients · "
              f"{args.concurrency} clients · {args.seconds:.0f} s per run")
        print(f"{'page':<9} {'first ms':>8} │ {'cold rps':>8} {'p50 ms':>7} {'p99 ms':>7} │ "
              f"{'warm rps':>8} {'p50 ms':>7} {'p99 ms':>7} │ {'304 rps':>8} {'p50 ms':>7} {'p99 ms':>7} │ {'KiB':>5}")
        for name, path in paths.items():
            server = site.start()  # a fresh process per page: "first" is really the first request
            try:
                start = time.perf_counter()
                first = httpx.get(server.url + path, timeout=30)
                first_ms = (time.perf_counter() - start) * 1000
                # A returning reader: the ETag and the cookies (CSRF secret) of its first visit. The page's
                # forms carry a token for that secret, so the ETag is only valid together with it.
                etag = first.headers.get("ETag", "")
                cold = asyncio.run(hammer(server.url, path, args.seconds, args.concurrency, {}, 200))
                warm = asyncio.run(hammer(server.url, path, args.seconds, args.concurrency, {}, 200))
                revalidate = asyncio.run(hammer(server.url, path, args.seconds, args.concurrency,
                                                {"If-None-Match": etag}, 304, first.cookies)) if etag else None
            finally:
                server.stop()
            runs = [cold, warm, revalidate]
            cols = " │ ".join(f"{r['rps']:>8.0f} {r['p50']:>7.1f} {r['p99']:>7.1f}" if r else f"{'no ETag':>24}"
                              for r in runs)
            print(f"{name:<9} {first_ms:>8.0f} │ {cols} │ {len(first.content) / 1024:>5.0f}", flush=True)
            if any(r and r["errors"] for r in runs):
                print("  unexpected status codes:", [r["errors"] if r else "-" for r in runs])


if __name__ == "__main__":
    main()
