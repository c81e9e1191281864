"""Breaking news: many readers open the home page and the newsblog within a short time, through Varnish,
while an editor posts an entry every few seconds. Prints origin fetches per minute and per content change,
reader p50/p99, the cache hit ratio and purge-to-fresh times; then the same arrival rate straight at the
origin (no Varnish) for a quarter of the time, as the reference of this invocation.

    .venv/bin/python bench/breaking_news.py                        # 2,000 readers in 20 s (short)
    .venv/bin/python bench/breaking_news.py --readers 10000 --seconds 60

Readers arrive evenly; each opens the home page, then the live newsblog page, without cookies (anonymous).
At most --concurrency requests are in flight (the clients share this machine with the servers).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.page_throughput import cpu_seconds, percentile  # noqa: E402
from tests.support.server import EDITOR, free_port, prepared_site  # noqa: E402
from tests.support.varnish import running_varnish  # noqa: E402


async def readers(base: str, paths: list[str], count: int, seconds: float, concurrency: int) -> dict:
    latencies: list[float] = []
    cache: dict[str, int] = {}
    errors = 0
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        started = time.perf_counter()

        async def reader(number: int) -> None:
            nonlocal errors
            await asyncio.sleep(max(0.0, started + number * seconds / count - time.perf_counter()))
            for path in paths:
                async with gate:
                    begin = time.perf_counter()
                    try:
                        response = await http.get(path)
                    except httpx.HTTPError:
                        errors += 1
                        continue
                    latencies.append((time.perf_counter() - begin) * 1000)
                    if response.status_code != 200:
                        errors += 1
                    state = response.headers.get("x-cache", "origin")
                    cache[state] = cache.get(state, 0) + 1

        await asyncio.gather(*(reader(n) for n in range(count)))
        elapsed = time.perf_counter() - started
    return {"latencies": latencies, "cache": cache, "errors": errors, "elapsed": elapsed}


async def editor(origin: str, varnish: str, token: str, slug: str, every: float, until: float) -> list[float]:
    """Posts an entry every `every` s; returns, per post, the seconds until Varnish served a page with it."""
    fresh: list[float] = []
    async with httpx.AsyncClient(timeout=30) as http:
        number = 0
        while time.perf_counter() + every < until:
            await asyncio.sleep(every)
            number += 1
            text = f"Eilmeldung {number}: erfundener Stand {time.monotonic_ns()}."
            answer = await http.post(f"{origin}/api/v1/liveblogs/{slug}/entries", json={"body": text},
                                     headers={"Authorization": f"Bearer {token}"})
            answer.raise_for_status()
            posted = time.perf_counter()  # committed: the purge goes out now
            while text not in (await http.get(f"{varnish}/newsblog/{slug}/")).text:
                if time.perf_counter() - posted > 10:
                    break
                await asyncio.sleep(0.02)
            fresh.append(time.perf_counter() - posted)
    return fresh


async def run(origin: str, varnish: str, token: str, slug: str, args) -> tuple[dict, list[float]]:
    until = time.perf_counter() + args.seconds
    results = await asyncio.gather(
        readers(varnish, ["/", f"/newsblog/{slug}/"], args.readers, args.seconds, args.concurrency),
        editor(origin, varnish, token, slug, args.post_every, until))
    return results[0], results[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--post-every", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    with tempfile.TemporaryDirectory() as folder, prepared_site(Path(folder)) as site:
        varnish_port = free_port()
        server = site.start(DEBUG="false", SECRET_KEY="bench-" + "s" * 50,
                            CACHE_PURGE_URLS=f"xkey+http://127.0.0.1:{varnish_port}/")
        token = site.manage("token", "create", EDITOR).strip()
        home = httpx.get(server.url + "/").text
        slug = re.search(r'href="/newsblog/([^"/]+)/"', home).group(1)
        pid = server.process.pid
        with running_varnish(varnishd, int(server.url.rsplit(":", 1)[1]), port=varnish_port) as varnish:
            before = cpu_seconds(pid)
            cached, fresh = asyncio.run(run(server.url, varnish.url, token, slug, args))
            cached_cpu = cpu_seconds(pid) - before
        # Reference: the same arrival rate straight at the origin, for a quarter of the time.
        reference_readers = max(1, args.readers // 4)
        before = cpu_seconds(pid)
        direct = asyncio.run(readers(server.url, ["/", f"/newsblog/{slug}/"], reference_readers,
                                     args.seconds / 4, args.concurrency))
        direct_cpu = cpu_seconds(pid) - before
    requests = len(cached["latencies"])
    origin_fetches = requests - cached["cache"].get("HIT", 0)
    changes = max(1, len(fresh))
    minutes = cached["elapsed"] / 60
    p99_cached, p99_direct = percentile(cached["latencies"], 0.99), percentile(direct["latencies"], 0.99)
    cpu_per_reader_cached = cached_cpu * 1000 / max(1, requests)
    cpu_per_reader_direct = direct_cpu * 1000 / max(1, len(direct["latencies"]))
    print(f"breaking news · {args.readers} readers in {args.seconds:.0f} s · an entry every {args.post_every:.0f} s "
          f"· {os.cpu_count()} cores shared with the clients")
    print(f"readers took {cached['elapsed']:.0f} s to arrive and be served ({requests / cached['elapsed']:.0f} req/s; "
          f"when that is far above {args.seconds:.0f} s the clients on this machine were the bottleneck)")
    print(f"through Varnish: {requests} requests ({cached['errors']} errors), hit ratio "
          f"{cached['cache'].get('HIT', 0) / max(1, requests):.1%}, cache states {cached['cache']}")
    print(f"  origin fetches: {origin_fetches / minutes:.0f} per minute, {origin_fetches / changes:.1f} per content "
          f"change ({len(fresh)} entries posted)")
    print(f"  reader p50 {percentile(cached['latencies'], 0.5):.1f} ms, p99 {p99_cached:.1f} ms; "
          f"purge to fresh: mean {sum(fresh) / changes * 1000:.0f} ms, max {max(fresh or [0]) * 1000:.0f} ms")
    print(f"straight at the origin (reference, {reference_readers} readers in {args.seconds / 4:.0f} s): "
          f"p50 {percentile(direct['latencies'], 0.5):.1f} ms, p99 {p99_direct:.1f} ms, {direct['errors']} errors")
    print(f"ratios: reader p99 through Varnish / straight {p99_cached / p99_direct:.2f}; origin CPU per reader "
          f"request through Varnish / straight {cpu_per_reader_cached / cpu_per_reader_direct:.3f}")


if __name__ == "__main__":
    main()
