"""Issue 11: topic and author pages list their newsblogs, live first, with the LIVE mark."""

from __future__ import annotations

import pytest
from django.test import Client

from newsdesk.articles.models import Author
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import LiveBlog

pytestmark = pytest.mark.django_db


def _blog(title: str, editor, topic=None, closed: bool = False) -> LiveBlog:
    blog = services.liveblog_create(title=title, author=editor)
    if topic is not None:
        services.liveblog_update(liveblog=blog, editor=editor, topics=[topic])
    if closed:
        services.liveblog_set_status(liveblog=blog, editor=editor, status=LiveBlog.Status.CLOSED)
    return blog


def test_topic_page_lists_its_newsblogs_live_first(topic, editor, article):
    ended = _blog("Stadtfest Testhausen", editor, topic, closed=True)
    live = _blog("Wahlabend in Testhausen", editor, topic)
    _blog("Ein Newsblog ohne dieses Thema", editor)
    response = Client().get(topic.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    section = page[page.index('id="liveblogs-title"'):]
    assert section.index(live.title) < section.index(ended.title)
    assert "Ein Newsblog ohne dieses Thema" not in page
    live_item = section[:section.index(live.title)]
    assert 'class="live-badge">LIVE<' in live_item
    assert f'href="{live.get_absolute_url()}"' in page and article.headline in page


def test_a_newsblog_change_reaches_the_topic_page(topic, editor, site_admin):
    blog = _blog("Hochwasser an der Lindra", editor, topic)
    client = Client()
    first = client.get(topic.get_absolute_url())
    assert "Hochwasser an der Lindra" in first.content.decode()
    services.liveblog_delete(liveblog=blog, admin=site_admin)
    again = client.get(topic.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "Hochwasser an der Lindra" not in again.content.decode()


def test_author_page_lists_the_newsblogs_the_author_wrote_in(editor, other_editor):
    author = Author.objects.create(name="Erika Test", slug="erika", user=editor)
    written = _blog("Sturmnacht", other_editor)
    services.entry_create(liveblog=written, author=editor, body="Bäume auf der B 12.")
    _blog("Marathon 2026", editor, closed=True)
    _blog("Fremder Newsblog", other_editor)
    page = Client().get(author.get_absolute_url()).content.decode()
    assert "Sturmnacht" in page and "Marathon 2026" in page and "Fremder Newsblog" not in page
    assert page.index("Sturmnacht") < page.index("Marathon 2026")  # live first
    freelancer = Author.objects.create(name="Frei Test", slug="frei")
    assert 'id="liveblogs-title"' not in Client().get(freelancer.get_absolute_url()).content.decode()
