"""PostgreSQL under ASGI: 16 concurrent readers against 2 server processes for 30 s. Every request is
answered, and the connections stay within the pools' bound (counted in pg_stat_activity)."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import httpx
import pytest

from tests.support.server import prepared_site
from tests.support.services import unavailable

CLIENTS = 16
SECONDS = float(os.environ.get("POOL_TEST_SECONDS", "30"))
POOL_MAX = 4  # per process


@pytest.fixture(scope="module")
def postgres_site(tmp_path_factory):
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        unavailable("PostgreSQL test: set DATABASE_URL=postgresql://...")
    with prepared_site(tmp_path_factory.mktemp("pool-site"), DATABASE_POOL_MAX_SIZE=str(POOL_MAX),
                       DEBUG="false", SECRET_KEY="pool-test-" + "k" * 40) as site:
        servers = [site.start() for _ in range(2)]
        yield site, servers


def connections(database_url: str) -> int:
    import psycopg

    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as admin:
        return admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]).fetchone()[0]


@pytest.mark.postgres
def test_sixteen_clients_two_processes_no_error_and_bounded_connections(postgres_site):
    site, servers = postgres_site
    home = httpx.get(servers[0].url + "/").text
    paths = ["/", "/newsblog/", "/newsblog/hochwasser-in-kelmsbrueck/", "/archiv/", "/api/v1/liveblogs"]
    paths += sorted({part.split('"')[0] for part in home.split('href="')[1:] if part.startswith("/artikel/")})[:3]
    outcomes: Counter = Counter()
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS
    peak = 0

    def reader(number: int) -> None:
        with httpx.Client(timeout=30) as client:
            turn = number
            while time.monotonic() < stop:
                server = servers[turn % 2]
                path = paths[turn % len(paths)]
                turn += 1
                try:
                    # A cookie of reader state: every request is rendered by the origin, not answered as 304.
                    status = client.get(server.url + path, cookies={"messages": str(turn)}).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                with lock:
                    outcomes[status] += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        peak = max(peak, connections(site.database_url))
        time.sleep(0.5)
    for thread in threads:
        thread.join()
    logs = "\n".join(server.log() for server in servers)
    assert set(outcomes) == {200}, (outcomes, logs[-2000:])
    assert outcomes[200] > CLIENTS  # every client got answers, not just one each
    assert "too many clients" not in logs
    assert 0 < peak <= 2 * POOL_MAX, peak
