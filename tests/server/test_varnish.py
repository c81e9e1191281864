"""A real Varnish (deploy/varnish/newsdesk.vcl) in front of a real newsdesk server: anonymous pages are
served from the cache, editors never are, a change purges exactly its pages at once, stale pages are served
while newsdesk is down, and a reader with a cached newsblog page misses no entry over the event stream.
"""

from __future__ import annotations

import re
import subprocess
import time

import httpx
import pytest

from tests.server.test_fanout import SLUG, SseReader
from tests.support.server import EDITOR, EDITOR_PASSWORD, Api, free_port, prepared_site
from tests.support.services import require_varnish
from tests.support.varnish import VCL, running_varnish

OTHER_SLUG = "brueckenfest-in-kelmsbrueck"  # the demo's closed newsblog


@pytest.fixture(scope="module")
def behind_varnish(tmp_path_factory):
    varnishd = require_varnish()
    folder = tmp_path_factory.mktemp("varnish-site")
    varnish_port, origin_port = free_port(), free_port()
    # Varnish first: what newsdesk purges as it starts (e.g. the related-news refit) must reach it, or it would be
    # retried later, together with the next change, and purge more pages than that change touches.
    with prepared_site(folder / "site", CACHE_PURGE_URLS=f"xkey+http://127.0.0.1:{varnish_port}/",
                       CACHE_S_MAXAGE="liveblog=2", CACHE_STALE_WHILE_REVALIDATE="1") as site, \
            running_varnish(varnishd, origin_port, port=varnish_port) as varnish:
        server = site.start(port=origin_port)
        token = site.manage("token", "create", EDITOR).strip()
        yield site, server, varnish, token


def get(url: str, **kwargs) -> httpx.Response:
    return httpx.get(url, timeout=10, **kwargs)


def test_the_shipped_vcl_compiles():
    varnishd = require_varnish()
    result = subprocess.run([varnishd, "-C", "-p", f"vcl_path={VCL.parents[2]}", "-f", "deploy/varnish/newsdesk.vcl"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


def test_anonymous_readers_are_served_from_the_cache(behind_varnish):
    _, _, varnish, _ = behind_varnish
    home = get(f"{varnish.url}/")
    article_path = re.search(r'href="(/artikel/[^"]+/)"', home.text).group(1)
    for path in ["/", article_path, f"/newsblog/{SLUG}/"]:
        first = get(varnish.url + path)
        assert first.status_code == 200 and "set-cookie" not in first.headers, path
        # A CSRF or analytics cookie does not split the cache: Varnish strips it.
        second = get(varnish.url + path, cookies={"csrftoken": "x" * 32, "_pk_id": "1"})
        assert second.headers["x-cache"] == "HIT" and second.text == first.text, path
        assert "xkey" not in second.headers  # the keys stay in the cache
        revalidated = get(varnish.url + path, headers={"If-None-Match": first.headers["etag"]})
        assert revalidated.status_code == 304, path


def test_a_reader_who_commented_keeps_the_cached_page_and_sees_the_comment_from_its_own_part(behind_varnish):
    _, _, varnish, _ = behind_varnish
    page = get(f"{varnish.url}/newsblog/{OTHER_SLUG}/")
    action = re.search(r'id="kommentar-formular" method="post" action="([^"]+)"', page.text).group(1)
    own_url = re.search(r'data-own-url="([^"]+)"', page.text).group(1)
    with httpx.Client(base_url=varnish.url, timeout=30) as reader:
        token = reader.get("/csrf/").json()["token"]  # as caching/forms.js does
        posted = reader.post(action, headers={"Referer": f"{varnish.url}/newsblog/{OTHER_SLUG}/"}, data={
            "csrfmiddlewaretoken": token, "script": "1", "display_name": "Lena", "email": "lena@example.org",
            "consent": "on", "body": "Erfundener Leserkommentar zum Brückenfest, bitte freischalten."})
        assert posted.status_code == 303 and "newsdesk_leser" in reader.cookies
        again = reader.get(f"/newsblog/{OTHER_SLUG}/")
        assert again.headers["x-cache"] == "HIT" and "Erfundener Leserkommentar" not in again.text
        own = reader.get(own_url)
        assert own.headers["x-cache"] == "PASS" and "Erfundener Leserkommentar" in own.json()["html"]


def test_editors_are_never_cached(behind_varnish):
    _, _, varnish, _ = behind_varnish
    with httpx.Client(base_url=varnish.url, timeout=10) as editor:
        login = editor.get("/anmelden/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        answer = editor.post("/anmelden/", data={"username": EDITOR, "password": EDITOR_PASSWORD,
                                                 "csrfmiddlewaretoken": token})
        assert answer.status_code == 302 and "sessionid" in editor.cookies
        for _ in range(2):
            page = editor.get(f"/newsblog/{SLUG}/")
            assert page.headers["x-cache"] == "PASS" and page.headers["cache-control"].startswith("private")
            assert 'id="compose-form"' in page.text
    anonymous = get(f"{varnish.url}/newsblog/{SLUG}/")
    assert 'id="compose-form"' not in anonymous.text and 'action="/abmelden/"' not in anonymous.text


def test_a_publish_purges_its_pages_within_a_second(behind_varnish):
    _, server, varnish, token = behind_varnish
    for path in ["/", f"/newsblog/{SLUG}/", f"/newsblog/{OTHER_SLUG}/"]:
        get(varnish.url + path)
        assert get(varnish.url + path).headers["x-cache"] == "HIT", path
    text = f"Pegel fällt, Messung {time.monotonic_ns()}."
    Api(server.url, token).post_entry(SLUG, text)
    posted = time.monotonic()
    while text not in get(f"{varnish.url}/newsblog/{SLUG}/").text:
        assert time.monotonic() - posted < 1.0, "the newsblog page was not purged within 1 s"
        time.sleep(0.02)
    while text not in get(f"{varnish.url}/").text:  # the home page's "Jetzt live" box shows it too
        assert time.monotonic() - posted < 1.0, "the home page was not purged within 1 s"
        time.sleep(0.02)
    assert get(f"{varnish.url}/newsblog/{OTHER_SLUG}/").headers["x-cache"] == "HIT"  # not this page


def test_stale_pages_are_served_while_newsdesk_is_down(behind_varnish, tmp_path):
    site, server, varnish, _ = behind_varnish
    path = f"/newsblog/{SLUG}/"
    fresh = get(varnish.url + path)
    assert fresh.status_code == 200
    server.stop()
    try:
        time.sleep(4)  # past the page's s-maxage (2 s here) and the probe's verdict
        stale = get(varnish.url + path)
        assert stale.status_code == 200 and stale.text == fresh.text
        assert int(stale.headers["age"]) >= 2
    finally:
        restarted = site.start(port=int(server.url.rsplit(":", 1)[1]))
        site.servers.remove(server)
        assert restarted.url == server.url
        deadline = time.monotonic() + 15  # until Varnish's probe finds newsdesk healthy again
        while get(f"{varnish.url}/healthz").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.2)


def test_a_cached_newsblog_page_resumes_from_its_own_seq_and_misses_nothing(behind_varnish):
    _, server, varnish, token = behind_varnish
    path = f"/newsblog/{SLUG}/"
    get(varnish.url + path)
    page = get(varnish.url + path)  # what a reader gets from the cache
    assert page.headers["x-cache"] == "HIT"
    page_seq = int(re.search(r'data-seq="(\d+)"', page.text).group(1))
    events_url = varnish.url + re.search(r'data-events-url="([^"]+)"', page.text).group(1)
    api = Api(server.url, token)
    missed = [api.post_entry(SLUG, f"Während der Cache-Zeit {n}.")["seq"] for n in range(3)]
    # The page's script connects with the page's seq (liveblog.js: ?last_event_id=), through Varnish.
    reader = SseReader(f"{events_url}?last_event_id={page_seq}")
    try:
        assert [seq for seq, _, _ in reader.take(3, timeout=5)] == missed
        live = api.post_entry(SLUG, "Jetzt live dabei.")["seq"]
        assert reader.take(1, timeout=5)[0][0] == live
    finally:
        reader.close()
