"""A private Varnish in front of a newsdesk server, with deploy/varnish/newsdesk.vcl, for tests and benchmarks."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.server import free_port

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "newsdesk.vcl"


@dataclass
class Varnish:
    url: str
    port: int
    process: subprocess.Popen
    workdir: Path

    def purge_url(self) -> str:
        """CACHE_PURGE_URLS for the newsdesk servers behind it."""
        return f"xkey+http://127.0.0.1:{self.port}/"


def vcl_for(origin_port: int) -> str:
    """The shipped VCL with the backend on the test server's port."""
    text = VCL.read_text()
    text, count = re.subn(r'(\.port\s*=\s*)"\d+"', rf'\g<1>"{origin_port}"', text, count=1)
    assert count == 1, "newsdesk.vcl has no backend port to replace"
    return text


@contextlib.contextmanager
def running_varnish(varnishd: str, origin_port: int, *, port: int | None = None) -> Iterator[Varnish]:
    port = port or free_port()
    # Its own short work dir under /tmp (Varnish keeps sockets there; their paths must stay short).
    workdir = Path(tempfile.mkdtemp(prefix="nd-varnish-", dir="/tmp"))
    workdir.chmod(0o755)
    vcl_path = workdir / "newsdesk.vcl"
    vcl_path.write_text(vcl_for(origin_port))
    vcl_path.chmod(0o644)
    log = (workdir / "varnishd.log").open("w")
    process = subprocess.Popen(
        [varnishd, "-F", "-n", str(workdir / "n"), "-a", f"127.0.0.1:{port}", "-T", f"127.0.0.1:{free_port()}",
         "-f", str(vcl_path), "-s", "malloc,64m", "-p", "thread_pool_min=10"],
        stdout=log, stderr=subprocess.STDOUT)
    varnish = Varnish(f"http://127.0.0.1:{port}", port, process, workdir)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"varnishd exited with {process.returncode}:\n"
                                   f"{(workdir / 'varnishd.log').read_text()[-3000:]}")
            try:
                httpx.get(varnish.url + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError("varnishd did not answer within 30 s") from None
                time.sleep(0.1)
        yield varnish
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)
