"""Push latency under load: N live readers on one newsblog, an editor posting, every delivery timed.

    .venv/bin/python bench/push_latency.py --readers 2000 5000 10000 --entries 20
    .venv/bin/python bench/push_latency.py --readers 5000 10000 --pushpin
    .venv/bin/python bench/push_latency.py --readers 5000 --entries 20 --reference
    .venv/bin/python bench/push_latency.py --readers 10000 --workers 2 --redis-url redis://127.0.0.1:6379/15 --reference

Starts `newsdesk serve` on a fresh database with the demo content, opens N server-sent-event
connections spread over reader processes, posts entries through the API and prints, per N:
p50/p99/max publish-to-receive latency (from just before the POST is sent to the moment a reader
has parsed the event), entries lost, duplicates, and the server's memory per connected reader.
The readers run on this machine too, so on 2 cores they compete with the server for CPU.
`--reference` runs bench/push_reference.py (a bare ASGI app that writes each message to every
connection itself) with the same readers in the same invocation, so figures on a shared machine can
be read as ratios; `--pushpin` adds a round with Pushpin in front. Besides the table it prints one
JSON object per round and backend on stdout (keys backend, readers, p50, p99, max, lost, duplicates,
kib_per_reader, post_ms_median, post_ms_p99, load_avg, ...). Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.pushpin import running_pushpin
from tests.support.server import EDITOR, Server, free_port, prepared_site
from tests.support.sse_readers import reader_process

ROOT = Path(__file__).resolve().parents[1]

SLUG = "hochwasser-in-kelmsbrueck"


def raise_fd_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children_rss_kib(pid: int) -> int:
    """The server process and its children (uvicorn may fork a worker)."""
    total = rss_kib(pid)
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            total += children_rss_kib(int(child))
    return total


def cpu_seconds(pid: int) -> float:
    """User and system time of a process and its children (uvicorn's workers, Pushpin's services)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        total += sum(cpu_seconds(int(child)) for child in children.read_text().split())
    return total


def wait_until_quiet(pids: set[int], *, busy_share: float = 0.15, longest: float = 60) -> float:
    """After the readers connected: wait until the servers use under 15 % of a core, so that every backend is
    measured once it has absorbed the connect storm (Pushpin took seconds after 10,000 connects: the first
    entries then reached readers after 0.8-3.5 s, the later ones after 0.08-0.6 s). Returns the seconds waited."""
    started = time.monotonic()
    time.sleep(1)
    while time.monotonic() - started < longest:
        before = sum(cpu_seconds(pid) for pid in pids)
        time.sleep(1)
        if sum(cpu_seconds(pid) for pid in pids) - before < busy_share:
            break
    return time.monotonic() - started


# --- one round -------------------------------------------------------------------------------------

def run_round(server: Server, token: str, readers: int, entries: int, interval: float, processes: int,
              *, readers_url: str, holder_pid: int, backend: str, per_entry: Path | None) -> dict:
    """`readers_url`: where readers connect (the server, or Pushpin in front of it, whose process
    tree `holder_pid` then holds the connections and is measured too). `per_entry`: a file that gets one
    line per entry (first, median and last reader's latency: the fan-out's spread apart from the POST)."""
    host, port = "127.0.0.1", int(readers_url.rsplit(":", 1)[1])
    api = httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    last_seq = api.get(f"/liveblogs/{SLUG}").json()["last_seq"]
    path = f"/api/v1/liveblogs/{SLUG}/events"
    pids = {server.process.pid, holder_pid} - {0}
    idle_rss = sum(children_rss_kib(pid) for pid in pids)

    stop = mp.Event()
    pipes, workers = [], []
    shares = [readers // processes + (1 if i < readers % processes else 0) for i in range(processes)]
    connect_started = time.monotonic()
    for share in shares:
        parent, child = mp.Pipe()
        worker = mp.Process(target=reader_process, args=(host, port, path, share, last_seq, child, stop))
        worker.start()
        pipes.append(parent)
        workers.append(worker)
    answers = [pipe.recv() for pipe in pipes]
    connected = sum(answer[1] for answer in answers)
    reconnects = sum(answer[2] for answer in answers)
    connect_seconds = time.monotonic() - connect_started
    settle_seconds = wait_until_quiet(pids)
    loaded_rss = sum(children_rss_kib(pid) for pid in pids)

    # One entry before the measured ones, for every backend alike: the first publish after a start pays for
    # lazy imports, template compilation and the first database pages (measured: a POST p99 of 350 against a
    # median of 32 ms), which says nothing about a running server. Readers ignore its sequence number.
    api.post(f"/liveblogs/{SLUG}/entries", json={"body": "Vorlauf: die Messung beginnt gleich."}).raise_for_status()
    time.sleep(interval)
    sent_at: dict[int, float] = {}
    post_ms = []
    for n in range(entries):
        started = time.monotonic()
        response = api.post(f"/liveblogs/{SLUG}/entries", json={
            "body": f"Messpunkt {n + 1} von {entries}: Pegel unverändert, die Lage bleibt ruhig.",
        })
        response.raise_for_status()
        post_ms.append((time.monotonic() - started) * 1000)
        sent_at[response.json()["seq"]] = started
        time.sleep(interval)
    time.sleep(3)  # let the last deliveries arrive
    inside_ms, fanout_ms = post_time_inside(server.url)
    stop.set()
    latencies, lost, duplicates = [], 0, 0
    per_seq: dict[int, list[float]] = {}
    for pipe in pipes:
        _, received, _connects = pipe.recv()
        for stream in received:
            seqs = [seq for seq, _ in stream if seq in sent_at]
            duplicates += len(seqs) - len(set(seqs))
            lost += len(sent_at) - len(set(seqs))
            for seq, at in stream:
                if seq in sent_at:
                    latency = (at - sent_at[seq]) * 1000
                    latencies.append(latency)
                    per_seq.setdefault(seq, []).append(latency)
    spreads = [max(values) - min(values) for values in per_seq.values()]
    if per_entry is not None:
        with per_entry.open("a") as dump:
            for seq in sorted(per_seq):
                values = sorted(per_seq[seq])
                dump.write(f"{backend} {readers} seq {seq} min {values[0]:.0f} p50 {values[len(values) // 2]:.0f} "
                           f"max {values[-1]:.0f}\n")
    for worker in workers:
        worker.join(timeout=10)
    api.close()
    latencies.sort()
    post_ms.sort()
    quantile = (lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else (lambda q: 0)
    return {
        "readers": readers,
        "load_avg": os.getloadavg()[0],
        "connected": connected,
        "connect_s": connect_seconds,
        "settle_s": settle_seconds,
        "reconnects_while_connecting": reconnects,
        "deliveries": len(latencies),
        "expected": readers * entries,
        "p50": quantile(0.50),
        "p99": quantile(0.99),
        "max": latencies[-1] if latencies else 0,
        "lost": lost,
        "duplicates": duplicates,
        "kib_per_reader": (loaded_rss - idle_rss) / max(1, connected),
        "server_rss_mib": loaded_rss / 1024,
        "post_ms_median": statistics.median(post_ms),
        "post_ms_p99": post_ms[min(len(post_ms) - 1, int(0.99 * len(post_ms)))],
        "post_ms_inside_django": inside_ms,
        "fanout_ms_mean": fanout_ms,
        # From an entry's first reader to its last: the fan-out itself, without the POST before it.
        "spread_ms_mean": statistics.mean(spreads) if spreads else None,
    }


METRICS_TOKEN = "bench-metrics-token"  # noqa: S105 - a throwaway server on 127.0.0.1


def post_time_inside(url: str) -> tuple[float | None, float | None]:
    """From newsdesk's /metrics: the mean time of the entry POSTs inside Django's middleware (the rest of
    the POST's wall time is waiting for the event loop or the network), and the mean time from a message
    reaching the fan-out to its last reader written (the reference has neither: None)."""
    try:
        response = httpx.get(url + "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}, timeout=10)
    except httpx.HTTPError:
        return None, None
    if response.status_code != 200:
        return None, None
    text = response.text
    lag = dict(line.rsplit(" ", 1) for line in text.splitlines() if line.startswith("newsdesk_realtime_send_lag"))
    lag_count = float(lag.get("newsdesk_realtime_send_lag_seconds_count", 0))
    fanout_ms = float(lag["newsdesk_realtime_send_lag_seconds_sum"]) / lag_count * 1000 if lag_count else None
    total = count = 0.0
    for line in text.splitlines():
        if line.startswith("newsdesk_request_seconds_") and 'method="POST"' in line and "entries" in line:
            name, value = line.rsplit(" ", 1)
            if name.startswith("newsdesk_request_seconds_sum"):
                total += float(value)
            elif name.startswith("newsdesk_request_seconds_count"):
                count += float(value)
    return (total / count * 1000 if count else None), fanout_ms


def entry_frame_bytes(server: Server, token: str) -> int:
    """The length of the event frame newsdesk sends for one of the benchmark's entries (posted here)."""
    api = httpx.Client(base_url=server.url + "/api/v1", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    with api:
        seq = api.post(f"/liveblogs/{SLUG}/entries", json={
            "body": "Messpunkt 0 von 0: Pegel unverändert, die Lage bleibt ruhig."}).raise_for_status().json()["seq"]
        with api.stream("GET", f"/liveblogs/{SLUG}/events", headers={"Last-Event-ID": str(seq - 1)}) as stream:
            buffer = b""
            for chunk in stream.iter_bytes():
                buffer += chunk
                for frame in buffer.split(b"\n\n"):
                    if frame.startswith(f"id: {seq}\n".encode()):
                        return len(frame) + 2
    raise RuntimeError("newsdesk sent no frame for the entry")


@contextlib.contextmanager
def running_reference(port: int, log_folder: Path, frame_bytes: int):
    """bench/push_reference.py under uvicorn with the options `newsdesk serve` uses, frames as long as newsdesk's."""
    log_path = log_folder / f"reference-{port}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "bench.push_reference:app", "--host", "127.0.0.1", "--port",
             str(port), "--http", "httptools", "--loop", "uvloop", "--backlog", "4096", "--log-level", "warning",
             "--no-access-log"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "PUSH_REFERENCE_FRAME_BYTES": str(frame_bytes)})
    server = Server(f"http://127.0.0.1:{port}", process, log_path)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{server.url}/api/v1/liveblogs/{SLUG}", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"The reference did not start:\n{server.log()}") from None
                time.sleep(0.1)
        yield server
    finally:
        server.stop()


def print_row(backend: str, row: dict) -> None:
    row = {"backend": backend, **row}
    print(f"{backend:>10} {row['readers']:>8} {row['connected']:>9} {row['connect_s']:>9.1f} {row['p50']:>8.1f} "
          f"{row['p99']:>8.1f} {row['max']:>8.1f} {row['lost']:>6} {row['duplicates']:>6} "
          f"{row['kib_per_reader']:>10.1f} {row['server_rss_mib']:>10.1f} {row['post_ms_median']:>8.1f} "
          f"{row['post_ms_p99']:>8.1f} {row['load_avg']:>6.1f}", flush=True)
    print(json.dumps(row), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, nargs="+", default=[2000, 5000, 10000])
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between posts")
    parser.add_argument("--reader-processes", type=int, default=2)
    parser.add_argument("--redis-url", default="", help="use the Redis backend (e.g. redis://127.0.0.1:6379/15)")
    parser.add_argument("--workers", type=int, default=1, help="newsdesk server processes (more than 1 needs Redis)")
    parser.add_argument("--reference", action="store_true",
                        help="also run the direct raw reference (bench/push_reference.py) with the same readers")
    parser.add_argument("--pushpin", action="store_true", help="also run a round with Pushpin (GRIP) in front")
    parser.add_argument("--per-entry", type=Path, metavar="FILE",
                        help="append min/median/max latency per entry and backend to FILE")
    parser.add_argument("--no-newsdesk", action="store_true", help="skip the in-process newsdesk round")
    args = parser.parse_args()
    raise_fd_limit()
    if args.workers > 1 and not args.redis_url:
        parser.error("--workers above 1 needs --redis-url (the processes share entries through Redis)")

    extra = {"REDIS_URL": args.redis_url} if args.redis_url else {}
    extra["METRICS_TOKEN"] = METRICS_TOKEN
    # As in production: with DEBUG every query is recorded, and the entry POST took twice as long.
    extra.update(DEBUG="false", SECRET_KEY="bench-" + "s" * 50)
    serve_args = ("--workers", str(args.workers)) if args.workers > 1 else ()
    with tempfile.TemporaryDirectory() as folder, prepared_site(Path(folder), **extra) as site:
        token = site.manage("token", "create", EDITOR).strip()
        probe = site.start(port=free_port(), start_timeout=120)
        try:
            frame_bytes = entry_frame_bytes(probe, token)
        finally:
            probe.stop()
        realtime = "redis" if args.redis_url else "in-process"
        print(f"newsdesk push latency · realtime {realtime} · {args.workers} newsdesk process(es) · "
              f"{os.cpu_count()} cores · load average {os.getloadavg()[0]:.1f} · {args.entries} entries, one every "
              f"{args.interval:.2f} s · readers in {args.reader_processes} processes on the same machine · frames of "
              f"{frame_bytes:,} bytes (the reference pads to the same)")
        print(f"{'backend':>10} {'readers':>8} {'connected':>9} {'connect s':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'max ms':>8} {'lost':>6} {'dupl.':>6} {'KiB/reader':>10} {'server MiB':>10} {'POST ms':>8} "
              f"{'POST p99':>8} {'load':>6}")
        for readers in args.readers:
            rows = {}
            backends = ([] if args.no_newsdesk else ["newsdesk"]) + (["reference"] if args.reference else []) + (
                ["pushpin"] if args.pushpin else [])
            for backend in backends:
                with contextlib.ExitStack() as stack:
                    port = free_port()
                    env, readers_url, holder_pid = {}, f"http://127.0.0.1:{port}", 0
                    if backend == "reference":
                        server = stack.enter_context(running_reference(port, Path(folder), frame_bytes))
                    else:
                        if backend == "pushpin":
                            proxy = stack.enter_context(running_pushpin(Path(folder) / f"pushpin-{readers}", port))
                            env, readers_url, holder_pid = proxy.env(), proxy.url, proxy.process.pid
                        server = site.start(port=port, serve_args=serve_args, start_timeout=120, **env)
                        stack.callback(server.stop)
                    rows[backend] = run_round(server, token, readers, args.entries, args.interval,
                                              args.reader_processes, readers_url=readers_url, holder_pid=holder_pid,
                                              backend=backend, per_entry=args.per_entry)
                    rows[backend]["workers"] = 1 if backend == "reference" else args.workers
                    rows[backend]["realtime"] = "direct" if backend == "reference" else realtime
                    rows[backend]["frame_bytes"] = frame_bytes
                print_row(backend, rows[backend])
            if "newsdesk" in rows and "reference" in rows and rows["reference"]["p99"]:
                ours, theirs = rows["newsdesk"], rows["reference"]
                memory = ours["kib_per_reader"] / max(0.1, theirs["kib_per_reader"])
                spread = (f", fan-out spread × {ours['spread_ms_mean'] / theirs['spread_ms_mean']:.2f}"
                          if ours["spread_ms_mean"] and theirs["spread_ms_mean"] else "")
                print(f"  newsdesk/reference at {readers}: p99 × {ours['p99'] / theirs['p99']:.2f}, "
                      f"memory per reader × {memory:.2f}{spread}", flush=True)


if __name__ == "__main__":
    main()
