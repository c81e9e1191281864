"""Real newsdesk servers for end-to-end tests: `newsdesk serve` subprocesses on their own database.

pytest-django's test database lives inside the test process (in memory on SQLite), so a server in
another process gets a database of its own: a SQLite file in a temporary folder, or, when the suite
runs on PostgreSQL (DATABASE_URL), a fresh PostgreSQL database that is dropped afterwards.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

EDITOR = "redaktion"
EDITOR_PASSWORD = "e2e-editor-password-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def scratch_database(data_dir: Path) -> Iterator[str]:
    """A database URL for server subprocesses; PostgreSQL when the suite runs on it."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{data_dir / 'e2e.sqlite3'}"
        return
    import psycopg

    name = f"newsdesk_e2e_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(suite_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(suite_url)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
    finally:
        with psycopg.connect(suite_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


@dataclass
class Site:
    """One newsdesk installation: a data folder and a database, served by any number of processes."""

    data_dir: Path
    database_url: str
    extra_env: dict[str, str] = field(default_factory=dict)
    servers: list[Server] = field(default_factory=list)

    def env(self, **overrides: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE"}}
        env.update({
            "DATABASE_URL": self.database_url,
            "NEWSDESK_DATA_DIR": str(self.data_dir),
            "DEBUG": "true",
            "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "WARNING",
            # Most test servers score few comments; loading the encoder in each of them costs CPU the suite
            # needs. A test that wants a warm process asks for it (Site.start(warm=True)).
            "NEWSDESK_WARM_UP": "false",
        })
        env.pop("REDIS_URL", None)
        env.update(self.extra_env)
        env.update(overrides)
        return env

    def manage(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "newsdesk.cli", *args], env=env or self.env(), capture_output=True, text=True,
            timeout=120, check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"newsdesk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self, *, port: int | None = None, serve_args: tuple[str, ...] = (), start_timeout: float = 60,
              warm: bool = False, **env: str) -> Server:
        """`newsdesk serve` on `port`; `serve_args` are more of its options (e.g. ("--workers", "2")).

        `warm`: the process loads its models at start, and this returns once /healthz lists nothing warming."""
        port = port or free_port()
        if warm:
            env["NEWSDESK_WARM_UP"] = "true"
        if self.env(**env)["DEBUG"] == "false" and not (self.data_dir / "static" / "staticfiles.json").exists():
            # Without DEBUG, WhiteNoise serves collected files; `serve` would collect them itself, but on a busy
            # machine that can take longer than the wait for its first answer below.
            self.manage("collectstatic", "--no-input", env=self.env(**env))
        log_path = self.data_dir / f"server-{port}-{len(self.servers)}.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "newsdesk.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
                 "--log-level", "warning", *serve_args],
                env=self.env(**env), stdout=log, stderr=subprocess.STDOUT,
            )
        server = Server(f"http://127.0.0.1:{port}", process, log_path)
        self.servers.append(server)
        deadline = time.monotonic() + start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"The server exited with {process.returncode}:\n{server.log()}")
            try:
                health = httpx.get(server.url + "/healthz", timeout=1)
                if health.status_code == 200 and not (warm and health.json().get("warming")):
                    return server
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        server.stop()
        raise RuntimeError(f"The server did not answer within {start_timeout:.0f} s:\n{server.log()}")

    def stop_all(self) -> None:
        for server in self.servers:
            server.stop()
        self.servers.clear()


@contextlib.contextmanager
def prepared_site(data_dir: Path, **extra_env: str) -> Iterator[Site]:
    """Migrated, with the demo content and an editor whose password the tests know."""
    with scratch_database(data_dir) as database_url:
        site = Site(data_dir, database_url, dict(extra_env))
        site.manage("migrate", "--no-input")
        site.manage("demo", env=site.env(NEWSDESK_PASSWORD=EDITOR_PASSWORD))
        try:
            yield site
        finally:
            site.stop_all()


class Api:
    """The public API as an integration would call it (bearer token)."""

    def __init__(self, base_url: str, token: str) -> None:
        self.token = token
        self.client = httpx.Client(base_url=base_url + "/api/v1", timeout=10,
                                   headers={"Authorization": f"Bearer {token}"})

    def at(self, base_url: str) -> Api:
        """The same credentials, talking to another server process."""
        return Api(base_url, self.token)

    def post_entry(self, slug: str, body: str, **fields) -> dict:
        response = self.client.post(f"/liveblogs/{slug}/entries", json={"body": body, **fields})
        assert response.status_code == 201, response.text
        return response.json()

    def patch_entry(self, slug: str, entry_id: int, **fields) -> dict:
        response = self.client.patch(f"/liveblogs/{slug}/entries/{entry_id}", json=fields)
        assert response.status_code == 200, response.text
        return response.json()

    def delete_entry(self, slug: str, entry_id: int) -> None:
        response = self.client.delete(f"/liveblogs/{slug}/entries/{entry_id}")
        assert response.status_code == 204, response.text

    def close(self) -> None:
        self.client.close()
