"""WordPress import: the theme unit test data, small exports of our own for the cases it lacks, bad input."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import etree

from newsdesk.articles.models import Article, Author, Topic
from newsdesk.articles.services import article_update
from newsdesk.comments.models import Comment, Decision
from newsdesk.importers import content
from newsdesk.importers.models import ImportedItem, Redirect
from newsdesk.importers.wordpress import Options, WordPressImport
from newsdesk.mail.models import OutboxMessage
from newsdesk.media.models import Image
from newsdesk.pages.models import Page
from tests.importers import wxr_samples as wxr
from tests.support.services import require_dataset

pytestmark = pytest.mark.django_db
THEME = "wordpress/themeunittestdata.wordpress.xml"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def run_file(path, **options):
    with open(path, "rb") as stream:
        return WordPressImport(Options(**options)).run(stream)


def run(data: bytes, **options):
    return WordPressImport(Options(**options)).run(io.BytesIO(data))


def theme_items(path) -> Counter:
    """What the file holds, counted independently of the importer (a plain lxml parse)."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    wp = {"wp": "https://wordpress.org/export/1.2/"}
    counts = Counter()
    for item in tree.iterfind(".//item"):
        counts[item.findtext("wp:post_type", namespaces=wp)] += 1
        counts["comment"] += len(item.findall("wp:comment", namespaces=wp))
    counts["author"] = len(tree.findall(".//wp:author", namespaces=wp))
    return counts


def test_theme_unit_test_data_every_item_accounted_for_and_reimport_changes_nothing():
    path = require_dataset(THEME)
    expected = theme_items(path)
    summary = run_file(path)
    assert not summary.fatal and not summary.errors
    total = {kind: sum(c.values()) for kind, c in summary.counts.items()}
    assert total["article"] == expected["post"]
    assert total["page"] == expected["page"]
    assert total["comment"] == expected["comment"]
    assert total["author"] == expected["author"]
    assert total["image"] == expected["attachment"]
    assert summary.counts["article"]["created"] == expected["post"] == Article.objects.count()
    assert Page.objects.count() == expected["page"]
    assert Comment.objects.count() == summary.counts["comment"]["created"]
    # Without --uploads or a reachable --media-base every image is reported missing, and nothing fails.
    assert summary.counts["image"]["skipped"] == expected["attachment"]
    assert not summary.failed
    # Statuses: one scheduled, the draft and the password-protected post are drafts, the rest published.
    statuses = Counter(Article.objects.values_list("status", flat=True))
    assert statuses["scheduled"] == 1 and statuses["draft"] == 2
    # Nested replies were flattened to one level, and the summary said so.
    assert not Comment.objects.filter(parent__parent__isnull=False).exists()
    assert any("reply to a reply" in reason for reason in summary.reasons["comment"])
    assert OutboxMessage.objects.count() == 0  # nobody is mailed about an import
    before = (Article.objects.count(), Comment.objects.count(), Topic.objects.count(), Redirect.objects.count())
    again = run_file(path)
    assert again.counts["article"] == {"unchanged": expected["post"]}
    assert again.counts["page"] == {"unchanged": expected["page"]}
    assert "created" not in again.counts["comment"] and "updated" not in again.counts["comment"]
    after = (Article.objects.count(), Comment.objects.count(), Topic.objects.count(), Redirect.objects.count())
    assert after == before and not again.disappeared


def test_theme_data_old_addresses_answer_301_and_pages_render(client):
    path = require_dataset(THEME)
    run_file(path)
    item = ImportedItem.objects.filter(kind="article").order_by("source_id").first()
    article = Article.objects.get(pk=item.object_id)
    response = client.get(f"/?p={item.source_id}")
    assert response.status_code == 301 and response["Location"] == article.get_absolute_url()
    assert Redirect.objects.get(old_path=f"/?p={item.source_id}").hits == 1
    for redirect in Redirect.objects.filter(old_path__startswith="/category/")[:3]:
        response = client.get(redirect.old_path)
        assert response.status_code == 301 and response["Location"].startswith("/thema/")
    assert client.get("/author/themedemos/").status_code == 301
    for article in Article.objects.published()[:60]:
        assert client.get(article.get_absolute_url()).status_code == 200
    for page in Page.objects.filter(published=True):
        assert client.get(page.get_absolute_url()).status_code == 200


def test_dry_run_writes_nothing_and_reports_the_same():
    path = require_dataset(THEME)
    dry = run_file(path, dry_run=True)
    assert (Article.objects.count(), Comment.objects.count(), Page.objects.count(), Topic.objects.count(),
            Redirect.objects.count(), ImportedItem.objects.count(), Author.objects.count()) == (0,) * 7
    real = run_file(path)
    assert {k: dict(v) for k, v in dry.counts.items()} == {k: dict(v) for k, v in real.counts.items()}


def test_gutenberg_http_namespace_uploads_and_redirects(tmp_path, client):
    site = "https://bote.example"
    uploads = tmp_path / "uploads"
    (uploads / "2024/05").mkdir(parents=True)
    (uploads / "2024/05/pegel.png").write_bytes(wxr.png())
    data = wxr.export(
        wxr.attachment(post_id=11, parent=10, path="2024/05/pegel.png", site=site),
        wxr.post(post_id=10, title="Hochwasser an der Lindra", slug="hochwasser-lindra", site=site,
                 body=wxr.GUTENBERG.replace("SITE", site), thumbnail=11, sticky=1,
                 comments=wxr.comment(comment_id=1, body="Danke für die Warnung!")
                 + wxr.comment(comment_id=2, body="Stimmt.", parent=1, approved="0")
                 + wxr.comment(comment_id=3, body="Ja.", parent=2, approved="spam")),
        wxr.post(post_id=12, title="Gemeinderat tagt", slug="gemeinderat", site=site, date="2024-05-04 09:00:00",
                 body=wxr.CLASSIC.replace("SITE", site)),
        wxr.attachment(post_id=13, parent=12, path="2024/05/fehlt.jpg", site=site),
        site=site, namespace="http://wordpress.org/export/1.2/")
    summary = run(data, uploads=uploads)
    assert not summary.failed, summary.lines()
    flood = Article.objects.get(slug="hochwasser-lindra")
    assert flood.status == "published" and flood.top_story
    assert flood.lead_image is not None and flood.lead_image.alt_text == "Pegel an der Lindra"
    assert flood.lead_image.caption == "Der Pegel am Morgen"
    assert "wp:" not in flood.body and "<!--" not in flood.body
    assert f'<figure data-image-id="{flood.lead_image.pk}"></figure>' in flood.body  # our photo, our renditions
    assert '<p><a href="https://www.youtube.com/watch?v=erfunden" rel="noopener">' in flood.body
    assert "[umfrage id=" in flood.body and any("[umfrage]" in n for n in summary.notes)
    assert [t.name for t in flood.topics.all()] == ["Hochwasser", "Lokales"]
    assert flood.authors.get().name == "Jana Muster"
    council = Article.objects.get(slug="gemeinderat")
    assert council.body.startswith("<p>Am Dienstag tagte der Gemeinderat.<br>")
    assert '<p><a href="https://vimeo.com/123456" rel="noopener">' in council.body
    assert '<p><a href="https://twitter.com/beispiel/status/1" rel="noopener">' in council.body
    assert "film.mp4" in council.body and "[video" not in council.body and "[caption" not in council.body
    assert f'<figure data-image-id="{flood.lead_image.pk}"></figure>' in council.body  # the [caption] photo
    assert "Der Pegel am Morgen" in client.get(council.get_absolute_url()).content.decode()  # shown as caption
    assert summary.counts["image"] == {"created": 1, "skipped": 1}
    assert any("fehlt.jpg" in note for note in summary.notes)
    comments = {c.body: c for c in Comment.objects.all()}
    assert comments["Danke für die Warnung!"].status == "approved"
    assert comments["Stimmt."].status == "pending" and comments["Stimmt."].parent == comments["Danke für die Warnung!"]
    assert comments["Ja."].status == "rejected" and comments["Ja."].rejection_reason == "spam"
    assert comments["Ja."].parent == comments["Danke für die Warnung!"]
    assert Decision.objects.filter(comment=comments["Ja."], action="reject", moderator=None).exists()
    assert str(comments["Danke für die Warnung!"].created_at.date()) == "2024-05-03"
    url = flood.get_absolute_url()
    for old, new in [("/?p=10", url), ("/2024/05/03/hochwasser-lindra/", url), ("/hochwasser-lindra/", url),
                     ("/hochwasser-lindra/feed/", url + "feed/"), ("/category/lokales/", "/thema/lokales/"),
                     ("/tag/hochwasser/", "/thema/hochwasser/"), ("/author/jmuster/", "/autor/jmuster/"),
                     ("/?attachment_id=11", url)]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert client.get("/gibt-es-nicht/").status_code == 404


def test_two_sites_with_equal_ids_do_not_overwrite_each_other():
    first = wxr.export(wxr.post(post_id=5, title="Erster Bote", slug="bote", site="https://a.example", body="A"),
                       site="https://a.example")
    second = wxr.export(wxr.post(post_id=5, title="Zweiter Bote", slug="bote", site="https://b.example", body="B"),
                        site="https://b.example")
    run(first)
    summary = run(second)
    assert Article.objects.count() == 2
    assert set(Article.objects.values_list("slug", flat=True)) == {"bote", "bote-2"}
    assert any("already used by another article" in n for n in summary.notes)
    assert any("first one wins" in n for n in summary.notes)  # /?p=5 and /bote/ stay with the first site
    assert Redirect.objects.get(old_path="/?p=5").source == "https://a.example"


def test_reimport_updates_changes_keeps_editor_edits_and_reports_disappeared():
    site = "https://bote.example"
    one = wxr.post(post_id=1, title="Brücke gesperrt", slug="bruecke", site=site, body="Erster Stand.")
    two = wxr.post(post_id=2, title="Markt verlegt", slug="markt", site=site, body="Der Markt zieht um.")
    run(wxr.export(one, two))
    edited = Article.objects.get(slug="markt")
    article_update(article=edited, headline="Markt verlegt (korrigiert)")
    newer_one = one.replace("Erster Stand.", "Zweiter Stand.")
    newer_two = two.replace("zieht um.", "zieht um, sagt die Stadt.")
    summary = run(wxr.export(newer_one, newer_two))
    assert summary.counts["article"] == {"updated": 1, "skipped": 1}
    assert "Zweiter Stand." in Article.objects.get(slug="bruecke").body
    assert Article.objects.get(slug="markt").headline == "Markt verlegt (korrigiert)"
    forced = WordPressImport(Options(overwrite=True)).run(io.BytesIO(wxr.export(newer_one, newer_two)))
    assert forced.counts["article"] == {"unchanged": 1, "updated": 1}
    assert "sagt die Stadt" in Article.objects.get(slug="markt").body
    shrunk = run(wxr.export(newer_one))
    assert shrunk.disappeared["article"] == ["2"]
    assert Article.objects.filter(slug="markt").exists()  # reported, never deleted


def test_bad_items_get_a_message_and_the_rest_is_imported():
    site = "https://bote.example"
    data = wxr.export(
        wxr.post(post_id=1, title="Kaputtes Datum", slug="datum", site=site, body="x", date="2024-13-45 99:00:00"),
        wxr.post(post_id=2, title="Ä" * 250, slug="lang", site=site, body="Sehr lang."),
        wxr.post(post_id=3, title="Gleich", slug="gleich", site=site, body="eins"),
        wxr.post(post_id=4, title="Gleich", slug="gleich", site=site, body="zwei"),
    )
    summary = run(data)
    assert summary.counts["article"] == {"failed": 1, "created": 3}
    assert any("post 1" in e and "invalid date" in e for e in summary.errors)
    assert len(Article.objects.get(slug="lang").headline) == 200
    assert any("shortened to 200" in n for n in summary.notes)
    assert set(Article.objects.filter(headline="Gleich").values_list("slug", flat=True)) == {"gleich", "gleich-2"}
    assert summary.failed


def test_xml_bomb_is_refused_before_parsing():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&lol3;</title></channel></rss>"""
    summary = run(bomb)
    assert "XML bomb" in summary.fatal and summary.failed
    assert Article.objects.count() == 0


def test_truncated_file_says_where_and_keeps_what_came_before():
    site = "https://bote.example"
    data = wxr.export(wxr.post(post_id=1, title="Vollständig", slug="ganz", site=site, body="Alles da."),
                      wxr.post(post_id=2, title="Abgeschnitten", slug="halb", site=site, body="Hier endet"))
    cut = data[: data.index(b"Hier endet") + 5]
    summary = run(cut)
    assert summary.failed and "breaks off" in summary.fatal and "line" in summary.fatal
    assert list(Article.objects.values_list("slug", flat=True)) == ["ganz"]
    assert not summary.disappeared  # an incomplete file reports nothing as gone


def test_not_wxr_is_refused():
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>'
    assert "not a WordPress export" in run(rss).fatal
    assert "not XML" in run(b"Hallo, ich bin keine Datei im XML-Format.").fatal


def test_command_exit_status_and_dry_run_message(tmp_path, capsys):
    good = tmp_path / "gut.xml"
    good.write_bytes(wxr.export(wxr.post(post_id=1, title="Gut", slug="gut", site="https://bote.example",
                                         body="Text.")))
    call_command("import", "wordpress", str(good), "--dry-run")
    out = capsys.readouterr().out
    assert "Dry run: nothing was written" in out and "article: 1 created" in out
    assert Article.objects.count() == 0
    call_command("import", "wordpress", str(good))
    assert Article.objects.count() == 1
    bad = tmp_path / "bombe.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><rss><channel/></rss>')
    with pytest.raises(CommandError) as raised:
        call_command("import", "wordpress", str(bad))
    assert raised.value.returncode == 1


def test_media_base_is_fetched_and_an_unreachable_one_is_reported(tmp_path):
    site = "https://bote.example"
    data = wxr.export(wxr.attachment(post_id=11, parent=0, path="2024/05/pegel.png", site=site))
    asked = []

    def fetch(url, timeout):
        asked.append((url, timeout))
        return wxr.png()

    summary = run(data, media_base="https://alt.bote.example/wp-content/uploads", fetch=fetch, fetch_timeout=3)
    assert asked == [("https://alt.bote.example/wp-content/uploads/2024/05/pegel.png", 3)]
    assert summary.counts["image"] == {"created": 1} and Image.objects.count() == 1

    def down(url, timeout):
        raise TimeoutError("timed out")

    other = wxr.export(wxr.attachment(post_id=12, parent=0, path="2024/05/weg.png", site=site))
    summary = run(other, media_base="https://alt.bote.example/wp-content/uploads", fetch=down)
    assert summary.counts["image"] == {"skipped": 1} and not summary.failed
    assert any("timed out" in n for n in summary.notes)


@pytest.mark.parametrize(("raw", "expected"), [
    ("eins\nzwei\n\ndrei", "<p>eins<br>\nzwei</p>\n<p>drei</p>"),
    ("<!-- wp:paragraph -->\n<p>Absatz</p>\n<!-- /wp:paragraph -->", "<p>Absatz</p>"),
    ("[[gallery]]", "<p>[gallery]</p>"),
    ("https://youtu.be/x1", '<p><a href="https://youtu.be/x1">https://youtu.be/x1</a></p>'),
    ("https://beispiel.example/seite", "<p>https://beispiel.example/seite</p>"),  # not a provider: stays text
    # Blank lines inside a table or <pre> belong to it; wrappers go; tags we lack map to their nearest.
    ("<div class=\"x\"><table>\n<tr><td>a\n\nb</td></tr>\n</table></div>\n\n<h1>T</h1><address>A</address>",
     "<table>\n<tr><td>a\n\nb</td></tr>\n</table>\n<h2>T</h2><p>A</p>"),
    ('<figure class="wp-block-video"><video src="https://b.example/f.mp4"></video></figure>\n<dl><dt>Pegel</dt>'
     "<dd>4 m</dd></dl>", '<p><a href="https://b.example/f.mp4">https://b.example/f.mp4</a></p>\n'
     "<p><strong>Pegel</strong></p><p>4 m</p>"),
    # Photos: by wp-image-N (an original may be named like a resized copy), out of their paragraph.
    ('<p>Vor <a href="x"><img class="wp-image-5" src="https://b.example/wp-content/uploads/a-150x150.jpg"></a> nach'
     "</p>", '<p>Vor</p>\n<figure data-image-id="5"></figure>\n<p>nach</p>'),
])
def test_content_conversion(raw, expected):
    assert content.convert(raw, lambda key: content.ImageRef(5) if key == "attachment:5" else None).html == expected


def test_redirect_added_by_hand_in_the_admin_answers_301_and_counts_hits(client, site_admin):
    site_admin.is_staff = site_admin.is_superuser = True  # as `newsdesk adduser --role admin` makes them
    site_admin.save()
    client.force_login(site_admin)
    response = client.post("/admin/importers/redirect/add/", {"old_path": "/alte-seite", "new_path": "ftp://x"})
    assert response.status_code == 200 and "https://" in response.content.decode()  # refused with the reason
    response = client.post("/admin/importers/redirect/add/", {"old_path": "/alte-seite/", "new_path": "/impressum/"})
    assert response.status_code == 302
    client.logout()
    for _ in range(2):
        response = client.get("/alte-seite/")
        assert (response.status_code, response["Location"]) == (301, "/impressum/")
    assert Redirect.objects.get(old_path="/alte-seite/").hits == 2
    assert client.get("/alte-seite").status_code == 301  # with or without the slash


def test_redirect_lookup_is_one_query(client, django_assert_max_num_queries):
    Redirect.objects.create(old_path="/?p=77", new_path="/artikel/x/")
    with django_assert_max_num_queries(2):  # the lookup and the hit counter
        assert client.get("/?p=77").status_code == 301


def test_dry_run_with_uploads_stores_no_file(tmp_path, media_root):
    site = "https://bote.example"
    uploads = tmp_path / "uploads"
    (uploads / "2024/05").mkdir(parents=True)
    (uploads / "2024/05/pegel.png").write_bytes(wxr.png())
    data = wxr.export(wxr.attachment(post_id=11, parent=10, path="2024/05/pegel.png", site=site),
                      wxr.post(post_id=10, title="Pegel", slug="pegel", site=site, body="Text.", thumbnail=11))
    dry = run(data, uploads=uploads, dry_run=True)
    assert dry.counts["image"] == {"created": 1} and dry.counts["article"] == {"created": 1}
    assert Image.objects.count() == 0 and Article.objects.count() == 0
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_imported_page_has_a_reader_view_and_a_draft_page_does_not(client):
    site = "https://bote.example"
    data = wxr.export(wxr.post(post_id=7, title="Über uns", slug="ueber-uns", site=site, post_type="page",
                               body="Wir berichten aus Kelmsbrück."),
                      wxr.post(post_id=8, title="Entwurf", slug="entwurf", site=site, post_type="page",
                               body="Noch geheim.", status="draft"))
    run(data)
    response = client.get("/seite/ueber-uns/")
    assert response.status_code == 200 and "Wir berichten aus Kelmsbrück." in response.content.decode()
    assert client.get("/seite/entwurf/").status_code == 404
    response = client.get("/?page_id=7")
    assert (response.status_code, response["Location"]) == (301, "/seite/ueber-uns/")


def test_wxr_1_0_categories_without_domain_still_become_topics():
    site = "https://bote.example"
    item = wxr.post(post_id=3, title="Alte Ausfuhr", slug="alt", site=site, body="Aus dem Jahr 2009.")
    item = item.replace('<category domain="category" nicename="lokales">', "<category>")
    item = item.replace('<category domain="post_tag" nicename="hochwasser">', '<category domain="tag">')
    run(wxr.export(item, namespace="http://wordpress.org/export/1.0/"))
    assert sorted(Article.objects.get(slug="alt").topics.values_list("name", flat=True)) == ["Hochwasser", "Lokales"]


def test_an_unforeseen_error_fails_only_its_item(monkeypatch):
    from newsdesk.importers import wordpress

    site = "https://bote.example"

    def broken(self, item):
        raise RuntimeError("Festplatte voll")

    monkeypatch.setattr(wordpress.WordPressImport, "page", broken)
    summary = run(wxr.export(wxr.post(post_id=7, title="Seite", slug="seite", site=site, post_type="page", body="x"),
                             wxr.post(post_id=8, title="Beitrag", slug="beitrag", site=site, body="y")))
    assert summary.counts["page"] == {"failed": 1} and summary.counts["article"] == {"created": 1}
    assert any("RuntimeError: Festplatte voll" in e for e in summary.errors) and summary.failed
