"""Issue 11: an entry's versions for editors (who, what, when), a word diff, restoring a version, entry to article."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk.articles.models import Article, Author, Topic
from newsdesk.core.errors import Conflict, Forbidden, NotFound
from newsdesk.liveblogs import history, services
from newsdesk.liveblogs.models import Entry, EntryRevision, Event
from newsdesk.media.demo import wave_illustration
from newsdesk.media.services import image_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _edited(liveblog, editor, other_editor) -> Entry:
    entry = services.entry_create(liveblog=liveblog, author=editor, body="<p>Der Pegel steht bei 3,26 Metern.</p>",
                                  headline="Pegel steigt")
    entry = services.entry_update(entry=entry, editor=other_editor, version=1,
                                  body="<p>Der Pegel steht bei 3,62 Metern am Morgen.</p>")
    return services.entry_update(entry=entry, editor=editor, version=2, headline="Pegel steigt weiter")


def test_versions_say_who_made_each_one_when_and_how(liveblog, editor, other_editor):
    entry = _edited(liveblog, editor, other_editor)
    versions = history.entry_versions(Entry.objects.get(pk=entry.pk))
    assert [(v.version, v.by, v.action, v.current) for v in versions] == [
        (3, "Erika Test", "edited", True), (2, "Otto Test", "edited", False), (1, "Erika Test", "created", False)]
    assert versions[2].at == entry.created_at and "3,26" in versions[2].body
    assert versions[0].at == EntryRevision.objects.get(entry=entry, version=2).saved_at


def test_word_diff_marks_removed_and_added_words_and_escapes_the_rest():
    diff = history.word_diff("Der Pegel steht bei 3,26 Metern <b>", "Der Pegel steht bei 3,62 Metern am Morgen <b>")
    assert diff == "Der Pegel steht bei <del>3,26</del> <ins>3,62</ins> Metern <ins>am Morgen</ins> &lt;b&gt;"
    assert history.word_diff("<script>alert(1)</script>", "") == "<del>&lt;script&gt;alert(1)&lt;/script&gt;</del>"
    assert history.word_diff("gleich", "gleich") == "gleich"


def test_api_history_and_diff_for_editors_only(liveblog, editor, other_editor, api, reader):
    entry = _edited(liveblog, editor, other_editor)
    base = f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}"
    response = api.get(base + "/revisions")
    assert response.status_code == 200
    data = response.json()
    assert [v["version"] for v in data["versions"]] == [3, 2, 1] and data["deleted"] is False
    assert data["versions"][1]["by"] == "Otto Test"
    diff = api.get(base + "/diff?old=1&new=3").json()
    assert diff["body"] == "Der Pegel steht bei <del>3,26 Metern.</del> <ins>3,62 Metern am Morgen.</ins>"
    assert "<ins>weiter</ins>" in diff["headline"]
    assert api.get(base + "/diff?old=1&new=9").status_code == 404
    # Readers never see the history: not anonymously, not logged in as a reader.
    assert Client().get(base + "/revisions").status_code in (401, 403)
    client = Client()
    client.force_login(reader)
    assert client.get(base + "/revisions").status_code == 403
    assert client.get(base + "/diff?old=1&new=3").status_code == 403


def test_restoring_a_version_is_a_new_version_and_an_event(liveblog, editor, other_editor,
                                                            django_capture_on_commit_callbacks, monkeypatch):
    published = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: published.append(data))
    entry = _edited(liveblog, editor, other_editor)
    with django_capture_on_commit_callbacks(execute=True):
        reverted = services.entry_revert(entry=entry, editor=other_editor, version=3, to_version=1)
    assert reverted.version == 4 and "3,26" in reverted.body and reverted.headline == "Pegel steigt"
    kept = EntryRevision.objects.get(entry=entry, version=3)
    assert kept.action == "reverted" and kept.saved_by == other_editor and "3,62" in kept.body
    assert published[-1]["type"] == "entry.updated" and "3,26" in published[-1]["html"]["de"]
    assert Event.objects.filter(liveblog=liveblog).order_by("-seq").first().seq == reverted.seq
    assert history.entry_versions(Entry.objects.get(pk=entry.pk))[0].action == "reverted"


def test_restoring_a_version_respects_the_version_check_and_rights(liveblog, editor, other_editor, reader, api):
    entry = _edited(liveblog, editor, other_editor)
    with pytest.raises(Conflict):
        services.entry_revert(entry=entry, editor=editor, version=2, to_version=1)  # someone saved v3 meanwhile
    with pytest.raises(NotFound):
        services.entry_revert(entry=entry, editor=editor, version=3, to_version=7)
    with pytest.raises(Forbidden):
        services.entry_revert(entry=entry, editor=reader, version=3, to_version=1)
    url = f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}/revert"
    stale = api.post(url, {"version": 1, "to_version": 1}, content_type="application/json")
    assert stale.status_code == 409 and stale.json()["current"]["version"] == 3
    assert "Fassung 3" in stale.json()["detail"]
    done = api.post(url, {"version": 3, "to_version": 2}, content_type="application/json")
    assert done.status_code == 200 and done.json()["version"] == 4 and "3,62" in done.json()["body"]
    assert api.post(url, {"version": "4", "to_version": 2}, content_type="application/json").status_code == 422
    assert Entry.objects.get(pk=entry.pk).version == 4


def test_entry_becomes_an_article_draft_with_text_photo_author_and_link(liveblog, editor, api):
    photo = image_create(data=wave_illustration(seed=3, width=640, height=400), filename="lage.jpg",
                         alt_text="Wasser auf der Uferstraße", caption="Die Uferstraße am Abend", credit="Erika Test")
    topic = Topic.objects.create(name="Hochwasser", slug="hochwasser")
    services.liveblog_update(liveblog=liveblog, editor=editor, topics=[topic])
    entry = services.entry_create(
        liveblog=liveblog, author=editor,
        body=f'<p>Die Uferstraße bleibt bis Freitag gesperrt, sagt die Stadt.</p><figure data-image-id="{photo.pk}">'
             '</figure>')
    response = api.post(f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}/article")
    assert response.status_code == 201, response.content
    data = response.json()
    article = Article.objects.get(pk=data["id"])
    assert article.status == Article.Status.DRAFT and not article.is_live
    assert article.headline.startswith("Die Uferstraße bleibt bis Freitag gesperrt")
    assert "Uferstraße bleibt" in article.teaser and f'data-image-id="{photo.pk}"' in article.body
    assert article.lead_image == photo and list(article.topics.all()) == [topic]
    assert [a.user for a in article.authors.all()] == [editor]
    assert data["edit_url"] == reverse("newsroom:articles_article_change", args=[article.pk])
    assert Entry.objects.get(pk=entry.pk).article == article
    # A second click opens the same draft; the history names it.
    again = api.post(f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}/article")
    assert again.status_code == 200 and again.json()["id"] == article.pk
    assert Article.objects.count() == 1 and Author.objects.filter(user=editor).count() == 1
    revisions = api.get(f"/api/v1/liveblogs/{liveblog.slug}/entries/{entry.pk}/revisions").json()
    assert revisions["article"]["id"] == article.pk
    # Readers never see the draft.
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_an_entry_with_a_headline_keeps_it_and_only_editors_take_it_over(liveblog, editor, reader):
    entry = services.entry_create(liveblog=liveblog, author=editor, body="Kurzer Text.", headline="Brücke gesperrt")
    with pytest.raises(Forbidden):
        services.entry_to_article(entry=entry, editor=reader)
    article = services.entry_to_article(entry=entry, editor=editor)
    assert article.headline == "Brücke gesperrt" and article.teaser == "Kurzer Text."
    assert article.kicker == liveblog.title[:80]
