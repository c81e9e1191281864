"""GRIP protocol helpers: Pushpin's signature, Grip-Last, hold instructions and publish items."""

import base64
import hashlib
import hmac
import json
import time

from newsdesk.realtime import grip, sse


def token(key: str, claims: dict, alg: str = "HS256") -> str:
    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    signing_input = f"{part({'alg': alg, 'typ': 'JWT'})}.{part(claims)}"
    signature = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def test_signature_checks_key_algorithm_and_expiry():
    valid = token("geheim", {"iss": "pushpin", "exp": time.time() + 60})
    assert grip.signature_valid(valid, "geheim")
    assert not grip.signature_valid(valid, "anderer-schluessel")
    assert not grip.signature_valid(token("geheim", {"exp": time.time() - 1}), "geheim")
    assert not grip.signature_valid(token("geheim", {"exp": time.time() + 60}, alg="none"), "geheim")
    assert not grip.signature_valid("kein.gültiges", "geheim")


def test_grip_requests_are_recognised_only_with_a_valid_signature_when_a_key_is_set():
    assert grip.is_grip_request({"grip-sig": token("k", {})}, "k")
    assert not grip.is_grip_request({"grip-sig": "gefälscht"}, "k")
    # Without GRIP_SIG_KEY nothing can be verified: a Grip-Sig header is not trusted at all.
    assert not grip.is_grip_request({"grip-sig": "irgendwas"}, "")
    assert not grip.is_grip_request({"grip-sig": token("k", {})}, "")
    assert not grip.is_grip_request({}, "")


def test_grip_last_lists_the_last_id_per_channel():
    headers = {"grip-last": 'liveblog.7; last-id=42, liveblog.9; last-id="3"'}
    assert grip.last_ids(headers) == {"liveblog.7": "42", "liveblog.9": "3"}
    assert grip.last_ids({}) == {}


def test_hold_instructions_name_channel_position_link_and_keep_alive():
    headers = dict(grip.hold_stream_headers(channel="liveblog.7", last_id=42, next_link="/e?recover=true",
                                            keep_alive=sse.HEARTBEAT, keep_alive_seconds=15))
    assert headers["Grip-Hold"] == "stream"
    assert headers["Grip-Channel"] == "liveblog.7; prev-id=42"
    assert headers["Grip-Link"] == "</e?recover=true>; rel=next"
    assert headers["Grip-Keep-Alive"] == ": heartbeat\\n\\n; format=cstring; timeout=15"


def test_publish_items_carry_the_frame_and_the_ids_that_reveal_gaps():
    frame = sse.frame({"seq": 5, "type": "entry.created", "entry": {"id": 1}})
    item = grip.stream_item("liveblog.7", frame, item_id="5", prev_id="4")
    assert item == {"channel": "liveblog.7", "id": "5", "prev-id": "4",
                    "formats": {"http-stream": {"content": frame.decode()}}}
    assert frame.startswith(b"id: 5\nevent: entry.created\ndata: {")


def test_a_failed_publish_asks_the_proxy_to_recover_once_it_answers_again():
    """Publishing to a proxy that is away fails; the backend then POSTs /recover until the proxy takes it."""
    import socket
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from newsdesk.realtime.backends.grip import GripBackend

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here yet: the proxy is "restarting"
    backend = GripBackend(f"http://127.0.0.1:{port}", recover_every=0.05)
    backend.publish("liveblog.test", {"type": "entry.created", "seq": 7})

    paths: list[str] = []
    recovered = threading.Event()

    class ControlPort(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            paths.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"Updated\n")
            if self.path == "/recover":
                recovered.set()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), ControlPort)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert recovered.wait(10)
        backend.publish("liveblog.test", {"type": "entry.created", "seq": 8})
        assert paths == ["/recover", "/publish/"]  # one recovery, then publishing as usual
    finally:
        server.shutdown()
        server.server_close()


def test_a_position_beacon_has_its_own_id_as_prev_id_and_bypasses_the_sequencer():
    item = grip.position_item("liveblog.7", 42)
    assert item == {"channel": "liveblog.7", "id": "42", "prev-id": "42", "no-seq": True,
                    "formats": {"http-stream": {"content": ":\n\n"}}}


def test_beacons_confirm_a_position_unless_the_channel_moved_on_here_or_in_the_log(monkeypatch):
    """Each published position is confirmed after every delay; not when this process published a newer seq,
    nor when the log (another process) stands elsewhere: a beacon behind the channel would send every reader
    to the recovery link."""
    import threading

    from newsdesk.realtime import positions
    from newsdesk.realtime.backends.grip import PositionBeacons

    log_position = {"liveblog.1": 5, "liveblog.2": 9, "liveblog.3": 4}
    monkeypatch.setattr(positions, "_sources", {"liveblog.": log_position.get})
    sent: list[tuple[str, int]] = []
    done = threading.Event()

    def beacon(channel, seq):
        sent.append((channel, seq))
        if len(sent) == 4:
            done.set()

    beacons = PositionBeacons(beacon, delays=(0.05, 0.2))
    beacons.schedule("liveblog.1", 4)  # superseded here by 5
    beacons.schedule("liveblog.1", 5)
    beacons.schedule("liveblog.2", 8)  # another process published 9
    beacons.schedule("liveblog.3", 4)
    beacons.schedule("kommentare.3", 2)  # no position source: no beacon
    assert done.wait(5)
    assert sorted(sent) == [("liveblog.1", 5), ("liveblog.1", 5), ("liveblog.3", 4), ("liveblog.3", 4)]
