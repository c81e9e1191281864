"""A real Pushpin and the position beacon (realtime.grip.position_item), against a scripted origin.

The race it repairs cannot be timed from outside: a reader's first hold reaching the proxy after an entry was
published to it. The origin here answers one reader's hold at seq 4 although the log stands at 5 (as an answer
given just before the commit of 5 would), and the other's at 5. A beacon "the channel stands at 5" must bring
the first reader its missing entry through the recovery link and give the second nothing but a comment; the next
entry then reaches both exactly once.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import httpx

from newsdesk.realtime import grip
from tests.support.pushpin import running_pushpin
from tests.support.server import free_port
from tests.support.services import require_pushpin

CHANNEL = "liveblog.1"
LOG_AT = 5


def frames(after: int, upto: int) -> bytes:
    return b"".join(f"id: {seq}\nevent: entry.created\ndata: {{}}\n\n".encode() for seq in range(after + 1, upto + 1))


class ScriptedOrigin(BaseHTTPRequestHandler):
    recoveries: list[str] = []

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        if query.get("recover") == ["true"]:
            last = int(grip.last_ids({"grip-last": self.headers.get("Grip-Last", "")})[CHANNEL])
            self.recoveries.append(self.headers.get("Grip-Last", ""))
            body, position = frames(last, LOG_AT), LOG_AT
        else:
            position = int(query["answer_at"][0])  # where this reader's first answer stands
            body = b"retry: 1000\n\n" + frames(int(self.headers.get("Last-Event-ID", "0")), position)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        for name, value in grip.hold_stream_headers(channel=CHANNEL, last_id=position,
                                                    next_link="/events?recover=true", keep_alive=b": k\n\n",
                                                    keep_alive_seconds=30):
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def read_into(url: str, chunks: list[bytes], opened: threading.Event) -> None:
    try:
        with httpx.stream("GET", url, headers={"Last-Event-ID": "3"}, timeout=30) as response:
            for chunk in response.iter_raw():
                chunks.append(chunk)
                opened.set()
    except httpx.HTTPError:
        pass  # the proxy stopped at the end of the test


def ids(chunks: list[bytes]) -> list[int]:
    text = b"".join(chunks).decode()
    return [int(line[4:]) for line in text.splitlines() if line.startswith("id: ")]


def wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_beacon_brings_a_stale_hold_its_missing_entry_and_costs_a_current_one_a_comment(tmp_path):
    require_pushpin()
    port = free_port()
    origin = ThreadingHTTPServer(("127.0.0.1", port), ScriptedOrigin)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    try:
        with running_pushpin(tmp_path / "pushpin", port) as proxy:
            def connect(answer_at: int) -> list[bytes]:
                chunks: list[bytes] = []
                opened = threading.Event()
                threading.Thread(target=read_into, args=(f"{proxy.url}/events?answer_at={answer_at}", chunks, opened),
                                 daemon=True).start()
                assert opened.wait(10)
                return chunks

            # Pushpin asks the recovery link of a channel's first subscribers by itself, shortly after they came:
            # one reader takes that round, the two under test come later, as in a connect storm.
            first = connect(5)
            time.sleep(1.5)
            ScriptedOrigin.recoveries.clear()
            stale, current = connect(4), connect(5)
            assert wait_for(lambda: ids(stale) == [4] and ids(current) == [4, 5])
            time.sleep(1.5)
            assert ids(stale) == [4] and not ScriptedOrigin.recoveries  # nothing tells the stale reader

            grip.publish(proxy.control_url, [grip.position_item(CHANNEL, LOG_AT)])
            assert wait_for(lambda: ids(stale) == [4, 5]), b"".join(stale)
            assert ScriptedOrigin.recoveries == [f"{CHANNEL}; last-id=4"]  # only the stale reader asked
            assert wait_for(lambda: b":\n\n" in b"".join(current))
            assert ids(current) == [4, 5]

            grip.publish(proxy.control_url, [grip.stream_item(CHANNEL, frames(5, 6), item_id="6", prev_id="5")])
            assert wait_for(lambda: ids(stale) == [4, 5, 6] and ids(current) == [4, 5, 6] == ids(first))
            time.sleep(0.5)
            assert ids(stale) == [4, 5, 6] and ids(current) == [4, 5, 6] == ids(first)
    finally:
        origin.shutdown()
        origin.server_close()
