"""The full export: JSON with files and personal data only on request; WXR export → import reproduces the site."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from lxml import etree

from newsdesk.articles import services as articles
from newsdesk.articles.models import Article, Author, Topic
from newsdesk.comments import services as comments
from newsdesk.comments.models import Comment, Commenter
from newsdesk.importers.models import ImportedItem, Redirect
from newsdesk.media.models import Image
from newsdesk.media.services import image_create
from newsdesk.pages.models import Page
from newsdesk.pages.services import page_save
from tests.importers.wxr_samples import png

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def build_site() -> None:
    """A small invented newsroom: two articles (one with an image), topics, authors, comments, a page."""
    user = get_user_model().objects.create_user(username="kmeier", email="k.meier@bote.example",
                                                first_name="Karla", last_name="Meier")
    author = articles.author_save(author=Author(name="Karla Meier", slug="kmeier", user=user))
    flood = articles.topic_save(topic=Topic(name="Hochwasser"))
    town = articles.topic_save(topic=Topic(name="Kelmsbrück"))
    image = image_create(data=png(), filename="damm.png", alt_text="Der Damm bei Nacht", caption="Am Deich",
                         credit="Karla Meier")
    first = articles.article_create(headline="Der Damm hält", teaser="Die Nacht an der Lindra blieb ruhig.",
                                    body="<p>Helfer haben <strong>Sandsäcke</strong> gestapelt.</p>"
                                         f'<figure data-image-id="{image.pk}"></figure>'
                                         "<table><tbody><tr><th>Pegel</th><td>4,10 m</td></tr></tbody></table>",
                                    authors=[author], topics=[flood, town], lead_image=image)
    first.published_at = timezone.now() - timedelta(days=2)
    first.status = Article.Status.PUBLISHED
    first.top_story = True
    articles.article_save(article=first, announce=False)
    draft = articles.article_create(headline="Entwurf zur Brücke", teaser="Noch nicht fertig.",
                                    body="<p>Text folgt.</p>", authors=[author], topics=[town])
    assert draft.status == Article.Status.DRAFT
    when = timezone.now() - timedelta(days=1)
    top = comments.comment_import(target=first, display_name="Leser Lutz", email="lutz@leser.example",
                                  body="Danke an alle Helfer!", status="approved", created_at=when)
    comments.comment_import(target=first, display_name="Leserin Lea", email="lea@leser.example",
                            body="Bei uns auch.", status="pending", created_at=when, parent=top)
    comments.comment_import(target=first, display_name="Werbung", email="spam@werbung.example",
                            body="Billig kaufen ]]> hier", status="rejected", reason="spam", created_at=when)
    page_save(page=Page(title="Über uns", body="<p>Wir sind ein erfundener Lokalbote.</p>"))


def photos_by_alt(body: str) -> str:
    """Photos named by their alt text (an imported image has a new id); no line breaks between blocks."""
    return re.sub(r'data-image-id="(\d+)"', lambda m: Image.objects.get(pk=m.group(1)).alt_text,
                  re.sub(r">\n+<", "><", body))


def snapshot() -> dict:
    return {
        "lead_images": sorted((a.slug, a.lead_image.alt_text, a.lead_image.caption, a.lead_image.credit)
                              for a in Article.objects.filter(lead_image__isnull=False)),
        "articles": sorted((a.headline, a.slug, a.teaser, photos_by_alt(a.body), a.status, a.top_story,
                            a.published_at.replace(microsecond=0) if a.published_at else None,
                            tuple(sorted(t.name for t in a.topics.all())), tuple(x.name for x in a.authors.all()))
                           for a in Article.objects.all()),
        "comments": sorted((c.display_name, c.body, c.status, c.rejection_reason, c.commenter.email,
                            c.created_at.replace(microsecond=0), c.parent.body if c.parent else None)
                           for c in Comment.objects.select_related("parent", "commenter")),
        "pages": sorted((p.title, p.slug, p.body, p.published) for p in Page.objects.all()),
        "topics": sorted(Topic.objects.values_list("name", "slug")),
        "authors": sorted(Author.objects.values_list("name", "slug")),
    }


def empty_the_site() -> None:
    for model in (Comment, Commenter, Article, Topic, Page, ImportedItem, Redirect, Image):  # files stay on disk
        model.objects.all().delete()
    Author.objects.all().delete()
    get_user_model().objects.all().delete()


def assert_wordpress_reads(output) -> None:
    """What the wordpress-importer plugin's parsers need (SimpleXML, its non-namespace-aware XML parser that
    matches "wp:post_id" literally, and its line-by-line regex fallback), checked on our file."""
    text = output.read_text()
    tree = etree.parse(str(output), etree.XMLParser(resolve_entities=False, no_network=True))
    root = tree.getroot()
    assert root.tag == "rss" and root.nsmap == {
        "wp": "http://wordpress.org/export/1.2/", "excerpt": "http://wordpress.org/export/1.2/excerpt/",
        "content": "http://purl.org/rss/1.0/modules/content/", "dc": "http://purl.org/dc/elements/1.1/",
        "wfw": "http://wellformedweb.org/CommentAPI/"}
    assert "ns0:" not in text and text.count("xmlns:wp=") == 1  # the literal prefixes, declared once
    assert re.search(r"^\t<wp:wxr_version>\d+\.\d+</wp:wxr_version>$", text, re.M)
    assert re.search(r"^\t<wp:base_site_url>http://testserver</wp:base_site_url>$", text, re.M)
    assert re.search(r"^\t<wp:author>.*<wp:author_login><!\[CDATA\[kmeier\]\]></wp:author_login>.*</wp:author>$",
                     text, re.M)  # one line each
    assert re.search(r"^\t<wp:category><wp:term_id>\d+</wp:term_id>.*</wp:category>$", text, re.M)
    assert text.count("\t<item>\n") == len(root.findall("channel/item")) == 4  # 1 image, 2 articles, 1 page
    wp = {"wp": "http://wordpress.org/export/1.2/", "content": "http://purl.org/rss/1.0/modules/content/",
          "dc": "http://purl.org/dc/elements/1.1/"}
    items = root.findall("channel/item")
    assert sorted(i.findtext("wp:post_type", namespaces=wp) for i in items) == ["attachment", "page", "post", "post"]
    ids = [i.findtext("wp:post_id", namespaces=wp) for i in items]
    assert len(set(ids)) == len(ids)  # posts, pages and attachments share WordPress's ids
    for item in items:
        for name in ("title", "guid", "dc:creator", "content:encoded", "wp:post_date_gmt", "wp:status",
                     "wp:post_name", "wp:comment_status", "wp:post_parent", "wp:post_password", "wp:is_sticky"):
            assert item.find(name, namespaces=wp) is not None, name
    assert '<category domain="category" nicename="hochwasser"><![CDATA[Hochwasser]]></category>' in text
    assert "<content:encoded><![CDATA[<p>Helfer" in text and 'class="wp-image-' in text
    assert "]]]]><![CDATA[>" in text  # "]]>" in a comment, split as WordPress does
    post = next(i for i in items if i.findtext("wp:post_name", namespaces=wp) == "der-damm-haelt")
    assert [c.findtext("wp:comment_approved", namespaces=wp) for c in post.findall("wp:comment", namespaces=wp)] \
        == ["1", "0", "spam"]
    assert post.find("wp:postmeta/wp:meta_key", namespaces=wp).text == "_thumbnail_id"


def test_wxr_export_then_import_into_an_empty_newsdesk_reproduces_the_site(tmp_path, capsys, settings):
    settings.SITE_URL = "http://testserver"
    build_site()
    before = snapshot()
    output = tmp_path / "site.xml"
    call_command("export", "--format", "wxr", "--output", str(output), "--include-personal-data")
    assert "PERSONAL DATA" in capsys.readouterr().out
    assert_wordpress_reads(output)
    empty_the_site()
    assert Article.objects.count() == 0
    # The image files are where the attachments' addresses point (tmp_path/media/images/…).
    call_command("import", "wordpress", str(output), "--uploads", str(tmp_path))
    assert snapshot() == before
    assert "<table>" in Article.objects.get(slug="der-damm-haelt").body


def test_json_export_has_everything_and_personal_data_only_with_the_flag(tmp_path, capsys):
    build_site()
    plain = tmp_path / "ohne.zip"
    call_command("export", "--output", str(plain))
    assert "Without personal data" in capsys.readouterr().out
    with zipfile.ZipFile(plain) as archive:
        document = json.loads(archive.read("export.json"))
        names = archive.namelist()
    assert document["format"] == "newsdesk-export" and document["personal_data"] is False
    models = document["models"]
    assert len(models["articles.article"]) == 2 and len(models["comments.comment"]) == 3
    assert len(models["comments.decision"]) == 2 and len(models["pages.page"]) == 1
    assert "subscriptions.subscriber" not in models
    text = json.dumps(models)
    assert "lutz@leser.example" not in text and "k.meier@bote.example" not in text
    assert all("password" not in row["fields"] for row in models["accounts.user"])
    assert any(name.startswith("media/images/") for name in names)
    assert any(name.startswith("media/renditions/") for name in names)
    full = tmp_path / "mit.json"
    call_command("export", "--output", str(full), "--include-personal-data")
    assert "PERSONAL DATA" in capsys.readouterr().out
    document = json.loads(full.read_text())
    assert "lutz@leser.example" in json.dumps(document) and "subscriptions.subscriber" in document["models"]
    assert any((tmp_path / "mit-media" / "images").iterdir())


def test_json_export_restores_into_an_empty_newsdesk(tmp_path, media_root):
    from newsdesk.liveblogs import services as liveblogs
    from newsdesk.liveblogs.models import Event, LiveBlog

    build_site()
    editor = get_user_model().objects.get(username="kmeier")
    editor.role = "editor"
    editor.save()
    blog = liveblogs.liveblog_create(title="Pegel live", teaser="Die Lindra steigt.", author=editor)
    liveblogs.entry_create(liveblog=blog, author=editor, body="<p>Pegel bei 4,10 m.</p>")
    before = snapshot()
    events = list(Event.objects.values_list("seq", "type"))
    output = tmp_path / "alles.zip"
    call_command("export", "--output", str(output), "--include-personal-data")
    LiveBlog.objects.all().delete()  # entries and events go with it
    empty_the_site()
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()
    call_command("import", "json", str(output))
    assert snapshot() == before
    assert list(Event.objects.values_list("seq", "type")) == events
    lead = Article.objects.get(slug="der-damm-haelt").lead_image
    assert lead.file.storage.exists(lead.file.name) and lead.renditions
    with pytest.raises(Exception, match="not empty"):
        call_command("import", "json", str(output))
