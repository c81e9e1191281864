"""A newsblog on other sites: `/newsblog/<slug>/einbetten/` is the one page other sites may frame, compact and
live, shared like the newsblog page; the editors copy its code from the newsblog page."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.test import Client

from newsdesk.liveblogs import embedding, services
from newsdesk.liveblogs.models import Entry, LiveBlog

pytestmark = pytest.mark.django_db

PARTNER = "https://partner.example"


def embed_path(blog: LiveBlog, variant: str = "") -> str:
    return f"/newsblog/{blog.slug}/einbetten/" + (f"?variante={variant}" if variant else "")


def directive(response, name: str) -> list[str]:
    policy = response.headers["Content-Security-Policy"]
    part = next(p.strip() for p in policy.split(";") if p.strip().startswith(name + " "))
    return part.split()[1:]


def entry_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<article class="entry[^"]*" id="eintrag-(\d+)"', html)]


@pytest.fixture
def filled(liveblog, editor) -> LiveBlog:
    for n in range(14):
        services.entry_create(liveblog=liveblog, author=editor, headline=f"Lage Nr. {n}",
                              body=f"<p>Die Stadtwerke melden Stand {n}.</p>")
    services.entry_create(liveblog=liveblog, author=editor, body="<p>Hotline 555 0100</p>", headline="Service",
                          pinned=True)
    liveblog.refresh_from_db()
    return liveblog


def newest_stream_ids(blog: LiveBlog, n: int) -> list[int]:
    rows = Entry.objects.filter(liveblog=blog, pinned=False, deleted_at=None).order_by("-created_at", "-id")
    return list(rows.values_list("id", flat=True)[:n])


# --- framing ---------------------------------------------------------------------------------------------------


def test_the_embed_may_be_framed_by_the_allowed_parents_and_has_no_x_frame_options(filled, settings):
    settings.EMBED_ALLOWED_PARENTS = ["'self'", PARTNER, "https://*.verlag.example"]
    response = Client().get(embed_path(filled))
    assert response.status_code == 200
    assert directive(response, "frame-ancestors") == ["'self'", PARTNER, "https://*.verlag.example"]
    assert "X-Frame-Options" not in response
    # The rest of the policy is the site's: scripts from our own files only.
    assert directive(response, "script-src") == ["'self'"]
    teaser = Client().get(embed_path(filled, "teaser"))
    assert directive(teaser, "frame-ancestors") == ["'self'", PARTNER, "https://*.verlag.example"]
    assert "X-Frame-Options" not in teaser


def test_by_default_only_the_site_itself_may_frame_the_embed(filled):
    response = Client().get(embed_path(filled))
    assert directive(response, "frame-ancestors") == ["'self'"]
    assert "X-Frame-Options" not in response


def test_every_other_page_stays_unframeable(filled, settings):
    settings.EMBED_ALLOWED_PARENTS = [PARTNER]
    entry = Entry.objects.filter(liveblog=filled).first()
    paths = ["/", "/newsblog/", filled.get_absolute_url(), entry.get_absolute_url(), "/impressum/", "/jobs/",
             "/suche/?q=Stand", "/anmelden/", "/newsblog/gibt-es-nicht/einbetten/", "/csrf/",
             f"/newsblog/{filled.slug}/einbetten/?variante=unbekannt", f"/api/v1/liveblogs/{filled.slug}/entries"]
    for path in paths:
        response = Client().get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert PARTNER not in response.headers["Content-Security-Policy"], path
        assert directive(response, "frame-ancestors") == ["'self'"], path


def test_an_editors_newsblog_page_is_not_frameable(filled, editor, settings):
    settings.EMBED_ALLOWED_PARENTS = [PARTNER]
    client = Client()
    client.force_login(editor)
    response = client.get(filled.get_absolute_url())
    assert response["X-Frame-Options"] == "DENY"
    assert PARTNER not in response.headers["Content-Security-Policy"]


def test_parents_that_are_no_origin_are_left_out_of_the_policy(filled, settings):
    settings.EMBED_ALLOWED_PARENTS = [PARTNER, "https://evil.example; script-src *", "*", "javascript:x",
                                      "https://partner.example/pfad"]
    assert directive(Client().get(embed_path(filled)), "frame-ancestors") == [PARTNER]
    settings.EMBED_ALLOWED_PARENTS = ["nicht gültig"]
    assert embedding.allowed_parents() == ["'none'"]
    assert directive(Client().get(embed_path(filled)), "frame-ancestors") == ["'none'"]


def test_revalidations_and_kept_renders_carry_the_embed_policy(filled, settings):
    settings.EMBED_ALLOWED_PARENTS = [PARTNER]
    first = Client().get(embed_path(filled))
    again = Client().get(embed_path(filled))  # the render kept for this ETag (core.freshness)
    assert again.content == first.content
    assert directive(again, "frame-ancestors") == [PARTNER] and "X-Frame-Options" not in again
    not_modified = Client().get(embed_path(filled), HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert directive(not_modified, "frame-ancestors") == [PARTNER] and "X-Frame-Options" not in not_modified


# --- what it shows ---------------------------------------------------------------------------------------------


def test_the_teaser_shows_the_newest_three_entries(filled):
    html = Client().get(embed_path(filled, "teaser")).content.decode()
    assert entry_ids(html) == newest_stream_ids(filled, 3)
    assert 'data-limit="3"' in html and "liveblog--teaser" in html
    assert "Hotline 555 0100" not in html  # the teaser is the stream's newest, not the pinned entries


def test_the_full_embed_is_compact_pinned_then_the_newest_entries(filled):
    html = Client().get(embed_path(filled)).content.decode()
    pinned = Entry.objects.get(liveblog=filled, pinned=True)
    assert entry_ids(html) == [pinned.pk, *newest_stream_ids(filled, embedding.EMBED_ENTRIES)]
    assert "load-more" not in html and "Ältere Einträge laden" not in html  # the newsblog page has the rest


def test_the_embed_shows_the_newest_first_also_for_an_oldest_first_newsblog(editor):
    blog = services.liveblog_create(title="Stadtfest Testhausen", author=editor, order=LiveBlog.Order.OLDEST_FIRST)
    for n in range(5):
        services.entry_create(liveblog=blog, author=editor, body=f"<p>Programmpunkt {n}</p>")
    html = Client().get(embed_path(blog, "teaser")).content.decode()
    assert entry_ids(html) == newest_stream_ids(blog, 3)
    assert 'data-order="newest"' in html  # liveblog.js puts pushed entries on top


def test_the_embed_is_the_live_newsblog_with_the_sites_name_and_a_link_back(filled, settings):
    settings.SITE_NAME = "Testhausener Anzeiger"
    html = Client().get(embed_path(filled)).content.decode()
    assert "Testhausener Anzeiger" in html
    assert f'data-seq="{filled.last_seq}"' in html and 'data-open="1"' in html
    assert f'data-events-url="/api/v1/liveblogs/{filled.slug}/events"' in html
    assert "/static/liveblogs/liveblog.js" in html and "/static/liveblogs/embed-frame.js" in html
    assert f'href="{filled.get_absolute_url()}"' in html
    assert "Der ganze Newsblog bei Testhausener Anzeiger" in html
    assert '<base target="_top">' in html  # every link opens in the top window, not in the frame
    assert "<form" not in html and "csrfmiddlewaretoken" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Aktualisiert am" in html and "LIVE" in html


def test_an_editor_gets_the_embed_without_editor_tools(filled, editor):
    client = Client()
    client.force_login(editor)
    response = client.get(embed_path(filled))
    html = response.content.decode()
    assert response.status_code == 200
    assert "compose-form" not in html and "data-can-edit" not in html and "embed-code" not in html
    assert "public" not in response["Cache-Control"]


def test_the_embed_in_english(filled):
    html = Client().get("/en" + embed_path(filled)).content.decode()
    assert '<html lang="en">' in html and "Updated on" in html


# --- errors ----------------------------------------------------------------------------------------------------


def test_an_unknown_or_deleted_newsblog_answers_404(filled):
    assert Client().get("/newsblog/gibt-es-nicht/einbetten/").status_code == 404
    path = embed_path(filled)
    assert Client().get(path).status_code == 200
    LiveBlog.objects.filter(pk=filled.pk).delete()  # newsblogs have no tombstone: a deleted one is gone
    assert Client().get(path).status_code == 404


def test_an_unknown_variant_answers_400_with_a_german_reason(filled):
    response = Client().get(embed_path(filled, "riesig"))
    assert response.status_code == 400
    assert "Unbekannte Variante" in response.content.decode()


def test_a_closed_newsblog_shows_it_has_ended(filled, editor):
    services.liveblog_set_status(liveblog=filled, editor=editor, status=LiveBlog.Status.CLOSED)
    html = Client().get(embed_path(filled)).content.decode()
    assert 'data-open="0"' in html and "Beendet" in html
    assert re.search(r'id="closed-notice"\s*>', html)  # shown, not hidden


# --- shared caches: like the newsblog page ---------------------------------------------------------------------


def test_shared_cache_headers_and_no_cookies_for_anonymous_readers(filled, settings):
    settings.CACHE_S_MAXAGE = {**settings.CACHE_S_MAXAGE, "liveblog": 7}
    reader = Client()
    for path in (embed_path(filled), embed_path(filled, "teaser")):
        response = reader.get(path)
        assert not response.cookies and "Set-Cookie" not in response, path
        control = response["Cache-Control"]
        assert control.startswith("public, max-age=0, s-maxage=7,") and "stale-while-revalidate=" in control
        assert response["xkey"].split() == sorted(["liveblog", "site", filled.freshness_key])
        assert response["ETag"] and response["Last-Modified"]
        again = reader.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304 and not again.cookies
    assert not reader.cookies


def test_a_new_entry_changes_the_embed(filled, editor):
    first = Client().get(embed_path(filled, "teaser"))
    entry = services.entry_create(liveblog=filled, author=editor, body="<p>Neu: Der Pegel sinkt.</p>")
    again = Client().get(embed_path(filled, "teaser"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and entry_ids(again.content.decode())[0] == entry.pk


# --- the code editors copy -------------------------------------------------------------------------------------


def codes(html: str) -> dict[str, str]:
    found = dict(re.findall(r'<textarea id="embed-code-(full|teaser)"[^>]*>(.*?)</textarea>', html, re.S))
    return {name: html_lib.unescape(text) for name, text in found.items()}


def test_editors_copy_both_embed_codes_from_the_newsblog_page(filled, editor, settings):
    settings.SITE_URL = "https://news.example"
    settings.EMBED_ALLOWED_PARENTS = ["'self'", PARTNER]
    client = Client()
    client.force_login(editor)
    html = client.get(filled.get_absolute_url()).content.decode()
    assert "<summary>Einbetten</summary>" in html and html.count("Code kopieren") == 2
    assert f"Websites, die ihn zeigen dürfen: https://news.example, {PARTNER}" in html
    found = codes(html)
    full, teaser = found["full"], found["teaser"]
    script = f'<script src="https://news.example/static/liveblogs/embed.js" data-newsblog="{filled.slug}"'
    assert full.startswith(script) and teaser.startswith(script)
    assert 'data-site="https://news.example"' in full and "async></script>" in full
    assert "data-variante" not in full and 'data-variante="teaser"' in teaser
    assert f'<noscript><iframe src="https://news.example/newsblog/{filled.slug}/einbetten/"' in full
    assert f'<noscript><iframe src="https://news.example/newsblog/{filled.slug}/einbetten/?variante=teaser"' in teaser
    assert "/static/liveblogs/embed-code.js" in html


def test_readers_see_no_embed_box(filled):
    html = Client().get(filled.get_absolute_url()).content.decode()
    assert "embed-code" not in html and "Einbetten" not in html


def test_the_code_escapes_the_title(editor):
    blog = services.liveblog_create(title='Sturm "Xaver" & <Folgen>', author=editor)
    code = embedding.embed_code(blog, embedding.TEASER)
    assert 'data-title="Newsblog: Sturm &quot;Xaver&quot; &amp; &lt;Folgen&gt;"' in code
    assert "<Folgen>" not in code
    named = services.liveblog_create(title="Newsblog: Sturmflut an der Lindra", author=editor)
    assert 'data-title="Newsblog: Sturmflut an der Lindra"' in embedding.embed_code(named)  # not said twice


def test_a_cdn_static_url_is_kept_and_the_plain_file_name_is_used(liveblog, settings):
    settings.STATIC_URL = "https://cdn.example/static/"
    code = embedding.embed_code(liveblog)
    assert 'src="https://cdn.example/static/liveblogs/embed.js"' in code
    # The page still names newsdesk's own origin: the script checks the frame's messages against it.
    assert f'data-site="{settings.SITE_URL}"' in code
