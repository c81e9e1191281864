"""A private Pushpin instance in front of a newsdesk server, for tests and benchmarks."""

from __future__ import annotations

import contextlib
import random
import secrets
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Pushpin's own ports, shifted by `port_offset` (handler: 5560-5563; 5561 takes publishes over HTTP).
HANDLER_PORTS = (5560, 5561, 5562, 5563, 9101)  # 9101: Prometheus (prometheus_port)


@dataclass
class Pushpin:
    url: str  # where readers connect
    control_url: str  # where newsdesk publishes (GRIP_URL)
    sig_key: str  # GRIP_SIG_KEY
    process: subprocess.Popen
    log_path: Path
    prometheus_url: str = ""  # Pushpin's own figures
    stats_spec: str = ""  # its stats socket: readers per channel (PUSHPIN_STATS_SPECS)
    restart: Callable[[], None] = lambda: None  # stop and start again on the same ports (running_pushpin)

    def env(self) -> dict[str, str]:
        """Environment for the newsdesk servers behind this proxy."""
        return {"GRIP_URL": self.control_url, "GRIP_SIG_KEY": self.sig_key, "PUSHPIN_STATS_SPECS": self.stats_spec}


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_offset() -> int:
    for _ in range(200):
        offset = random.randrange(1000, 20000, 10)
        if all(_free(port + offset) for port in HANDLER_PORTS):
            return offset
    raise RuntimeError("No free ports for Pushpin")


# The configuration newsdesk ships for production: tests and benchmarks run it, so CI proves it valid.
DEPLOY_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "pushpin" / "pushpin.conf"


def config_text(*, folder: Path, http_port: int, offset: int, sig_key: str) -> str:
    """deploy/pushpin/pushpin.conf with this instance's own folders, ports and key."""
    stock = DEPLOY_CONFIG.read_text()
    replacements = {
        "rundir": str(folder / "run"),
        "logdir": str(folder / "log"),
        "http_port": f"127.0.0.1:{http_port}",
        "port_offset": str(offset),
        "sig_key": sig_key,
        "prometheus_port": str(9101 + offset),
    }
    lines = []
    for line in stock.splitlines():
        name = line.split("=", 1)[0].strip()
        lines.append(f"{name}={replacements.pop(name)}" if name in replacements and "=" in line else line)
        if line.strip() == "[proxy]":
            # The packaged internal.conf expects a system-wide zurl; this instance runs its own.
            lines += [f"zurl_out_specs=ipc://{folder}/run/pushpin-zurl-in",
                      f"zurl_out_stream_specs=ipc://{folder}/run/pushpin-zurl-in-stream",
                      f"zurl_in_specs=ipc://{folder}/run/pushpin-zurl-out"]
    return "\n".join(lines) + "\n"


def _start(config: Path, log_path: Path) -> subprocess.Popen:
    with log_path.open("a") as log:
        return subprocess.Popen(["pushpin", f"--config={config}"], stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)


def _wait_until_listening(proxy: Pushpin, ports: tuple[int, ...]) -> None:
    deadline = time.monotonic() + 30
    while not all(not _free(port) for port in ports):
        if proxy.process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"Pushpin did not start:\n{proxy.log_path.read_text()[-3000:]}")
        time.sleep(0.1)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running_pushpin(folder: Path, origin_port: int, *more_origin_ports: int) -> Iterator[Pushpin]:
    """Pushpin from deploy/pushpin/pushpin.conf in front of one or more origins (balanced by Pushpin)."""
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("run", "log"):
        (folder / sub).mkdir(exist_ok=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        http_port = sock.getsockname()[1]
    offset = _free_offset()
    sig_key = secrets.token_urlsafe(24)
    config = folder / "pushpin.conf"
    config.write_text(config_text(folder=folder, http_port=http_port, offset=offset, sig_key=sig_key))
    origins = ",".join(f"127.0.0.1:{port}" for port in (origin_port, *more_origin_ports))
    (folder / "routes").write_text(f"* {origins}\n")
    log_path = folder / "pushpin.log"
    proxy = Pushpin(f"http://127.0.0.1:{http_port}", f"http://127.0.0.1:{5561 + offset}", sig_key,
                    _start(config, log_path), log_path, f"http://127.0.0.1:{9101 + offset}/metrics",
                    f"ipc://{folder}/run/pushpin-stats")
    ports = (http_port, 5561 + offset)

    def restart() -> None:
        _stop(proxy.process)
        proxy.process = _start(config, log_path)
        _wait_until_listening(proxy, ports)

    proxy.restart = restart
    try:
        _wait_until_listening(proxy, ports)
        yield proxy
    finally:
        _stop(proxy.process)
