"""Tests that need an outside service (PostgreSQL, Redis, Chromium, Pushpin) call `require_*`.

Locally a missing service skips the test with the reason. Under CI=true it fails instead: CI
must never turn green because a service quietly went missing.
"""

from __future__ import annotations

import os
import shutil
import socket

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(reason)


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_redis() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    return REDIS_URL


def require_chromium() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def require_pushpin() -> str:
    path = shutil.which("pushpin")
    if path is None:
        unavailable("Pushpin not found (apt-get install pushpin)")
    return path


def require_varnish() -> str:
    """varnishd with the xkey vmod (Debian: varnish, varnish-modules)."""
    path = shutil.which("varnishd") or ("/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None)
    if path is None:
        unavailable("Varnish not found (apt-get install varnish varnish-modules)")
    vmods = ["/usr/lib/x86_64-linux-gnu/varnish/vmods", "/usr/lib/aarch64-linux-gnu/varnish/vmods",
             "/usr/lib/varnish/vmods"]
    if not any(os.path.exists(os.path.join(folder, "libvmod_xkey.so")) for folder in vmods):
        unavailable("Varnish's xkey vmod not found (apt-get install varnish-modules)")
    return path
def require_dataset(relative: str):
    """A file of shared/datasets in the nearest folder above the repository's root that has one.

    In CI the clone has shared/ beside it; on the development machine worktrees sit one level deeper.
    """
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    tried = [folder / "shared" / "datasets" / relative for folder in root.parents]
    for path in tried:
        if path.is_file():
            return path
    unavailable(f"dataset {relative} not found (looked in {tried[0]} and the folders above)")
