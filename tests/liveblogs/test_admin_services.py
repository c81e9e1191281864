"""Issue 11: newsblogs in the back office; every change there goes through the services (events, push, purges)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk import related, search
from newsdesk.articles.models import Topic
from newsdesk.caching import purge
from newsdesk.liveblogs import services
from newsdesk.liveblogs.models import DeletedLiveBlog, Entry, Event, LiveBlog
from newsdesk.media.demo import wave_illustration
from newsdesk.media.services import image_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def purged(settings, monkeypatch) -> list[frozenset[str]]:
    settings.CACHE_PURGE_URLS = ["xkey+http://varnish.invalid/"]
    sent: list[frozenset[str]] = []
    monkeypatch.setattr(purge, "purge_now", lambda keys: sent.append(frozenset(keys)))
    return sent


@pytest.fixture
def pushed(monkeypatch) -> list[dict]:
    sent: list[dict] = []
    monkeypatch.setattr("newsdesk.realtime.publish", lambda channel, data: sent.append(data))
    return sent


@pytest.fixture
def office(site_admin) -> Client:
    """An admin in the newsroom back office (/redaktion/verwaltung/; no Django staff flag needed)."""
    client = Client()
    client.force_login(site_admin)
    return client


def _url(name: str, *args) -> str:
    return reverse(f"newsroom:liveblogs_liveblog_{name}", args=args)


def _form(liveblog, **changes) -> dict:
    data = {"title": liveblog.title, "teaser": liveblog.teaser, "status": liveblog.status, "order": liveblog.order,
            "lead_image": liveblog.lead_image_id or "", "topics": [t.pk for t in liveblog.topics.all()],
            "editors": [user.pk for user in liveblog.editors.all()],
            "contributors": [user.pk for user in liveblog.contributors.all()],
            "comments-targetcommentsettings-content_type-object_id-TOTAL_FORMS": "0",
            "comments-targetcommentsettings-content_type-object_id-INITIAL_FORMS": "0"}
    data.update(changes)
    return data


def test_the_list_shows_status_entries_last_entry_editors_and_topics(office, liveblog, editor, site_admin):
    topic = Topic.objects.create(name="Energie", slug="energie")
    services.liveblog_update(liveblog=liveblog, editor=editor, topics=[topic])
    services.liveblog_set_editors(liveblog=liveblog, admin=site_admin, editors=[editor])
    for text in ("Erste Meldung.", "Zweite Meldung.", "Dritte Meldung."):
        services.entry_create(liveblog=liveblog, author=editor, body=text)
    services.entry_delete(entry=Entry.objects.filter(liveblog=liveblog).first(), editor=editor)
    closed = services.liveblog_create(title="Stadtfest 2025", author=editor)
    services.liveblog_set_status(liveblog=closed, editor=editor, status=LiveBlog.Status.CLOSED)
    response = office.get(_url("changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "LIVE" in page and "beendet" in page and "Energie" in page and "Erika Test" in page
    assert '<td class="field-entry_count">2</td>' in page  # the deleted entry does not count
    assert page.index("Stromausfall in Testhausen") < page.index("Stadtfest 2025")  # live first
    assert "Stadtfest" in office.get(_url("changelist") + "?q=Stadtfest").content.decode()
    assert "Stromausfall" not in office.get(_url("changelist") + "?status__exact=closed").content.decode()
    assert "Stadtfest" not in office.get(_url("changelist") + f"?topics__id__exact={topic.pk}").content.decode()


def test_an_edit_in_the_back_office_is_an_event_a_push_and_a_purge(office, liveblog, purged, pushed,
                                                                      django_capture_on_commit_callbacks):
    image = image_create(data=wave_illustration(seed=2, width=640, height=400), filename="netz.jpg",
                         alt_text="Strommast im Nebel", caption="Ein Mast", credit="Otto Test")
    topic = Topic.objects.create(name="Energie", slug="energie")
    before = LiveBlog.objects.get(pk=liveblog.pk).last_seq
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(_url("change", liveblog.pk), _form(
            liveblog, title="Stromausfall: Netz wieder stabil", teaser="Neuer Vorspann.", lead_image=image.pk,
            topics=[topic.pk], order="oldest"))
    assert response.status_code == 302, response.content.decode()[:2000]
    blog = LiveBlog.objects.get(pk=liveblog.pk)
    assert (blog.title, blog.teaser, blog.order, blog.lead_image) == (
        "Stromausfall: Netz wieder stabil", "Neuer Vorspann.", "oldest", image)
    assert list(blog.topics.all()) == [topic]
    event = Event.objects.filter(liveblog=blog).order_by("-seq").first()
    assert blog.last_seq == before + 1 and event.type == "liveblog.updated"
    assert event.payload["liveblog"]["title"] == "Stromausfall: Netz wieder stabil"
    assert pushed and pushed[-1]["seq"] == blog.last_seq
    keys = set().union(*purged)
    assert {f"liveblog.{blog.slug}", "liveblogs", "articles"} <= keys  # the page, lists, topic pages


def test_archive_and_reopen_actions_go_through_the_services(office, liveblog, pushed,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        office.post(_url("changelist"), {"action": "archive", "_selected_action": [liveblog.pk]})
    blog = LiveBlog.objects.get(pk=liveblog.pk)
    assert blog.status == "closed" and blog.closed_at is not None
    assert pushed[-1]["type"] == "liveblog.closed"
    office.post(_url("changelist"), {"action": "reopen", "_selected_action": [liveblog.pk]})
    assert LiveBlog.objects.get(pk=liveblog.pk).status == "open"
    assert list(Event.objects.filter(liveblog=liveblog).values_list("type", flat=True)) == [
        "liveblog.closed", "liveblog.updated"]


def test_a_bad_title_is_shown_at_its_field_and_nothing_is_saved(office, liveblog):
    response = office.post(_url("change", liveblog.pk), _form(liveblog, title="  "))
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    response = office.post(_url("change", liveblog.pk), _form(liveblog, title="Titel mit \x07 Steuerzeichen"))
    assert response.status_code in (200, 400)  # refused by the form, or before it by the request checks
    assert LiveBlog.objects.get(pk=liveblog.pk).title == "Stromausfall in Testhausen"
    assert not Event.objects.filter(liveblog=liveblog).exists()


def test_delete_asks_first_then_removes_it_everywhere_and_the_page_answers_410(
        office, liveblog, editor, purged, pushed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.entry_create(liveblog=liveblog, author=editor, body="Umspannwerk Nord wieder am Netz.")
    slug, pk = liveblog.slug, liveblog.pk
    assert f"/newsblog/{slug}/" in Client().get("/sitemap-newsblogs.xml").content.decode()
    assert ("entry", entry.pk) in [(h.kind, h.id) for h in search.search("Umspannwerk").hits]
    confirm = office.get(_url("delete", pk))
    assert confirm.status_code == 200 and "Stromausfall in Testhausen" in confirm.content.decode()
    assert LiveBlog.objects.filter(pk=pk).exists()  # nothing happens before the confirmation
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(_url("delete", pk), {"post": "yes"})
    assert response.status_code == 302
    assert not LiveBlog.objects.filter(pk=pk).exists() and not Entry.objects.filter(pk=entry.pk).exists()
    assert DeletedLiveBlog.objects.get(slug=slug).deleted_by.username == "anton"
    reader = Client()
    assert reader.get(f"/newsblog/{slug}/").status_code == 410
    assert reader.get(f"/newsblog/{slug}/eintrag/{entry.pk}/").status_code == 410
    assert reader.get(f"/api/v1/liveblogs/{slug}").status_code == 410
    assert slug not in reader.get("/newsblog/").content.decode()
    assert f"/newsblog/{slug}/" not in reader.get("/sitemap-newsblogs.xml").content.decode()
    assert reader.get(f"/newsblog/{slug}/feed/").status_code in (404, 410)
    assert ("entry", entry.pk) not in [(h.kind, h.id) for h in search.search("Umspannwerk").hits]
    assert related.indexed_at("liveblog", pk) is None
    assert {f"liveblog.{slug}", "liveblogs"} <= set().union(*purged)
    assert pushed[-1]["type"] == "liveblog.deleted"  # readers on the page are told
    # A new newsblog with the same title does not take over the deleted one's address.
    again = services.liveblog_create(title="Stromausfall in Testhausen", author=editor)
    assert again.slug != slug


def test_bulk_delete_goes_through_the_service(office, liveblog, editor):
    other = services.liveblog_create(title="Probe-Newsblog", author=editor)
    office.post(_url("changelist"), {"action": "delete_selected", "_selected_action": [liveblog.pk, other.pk],
                                     "post": "yes"})
    assert not LiveBlog.objects.exists()
    assert set(DeletedLiveBlog.objects.values_list("slug", flat=True)) == {liveblog.slug, other.slug}


def test_editors_edit_but_neither_assign_editors_nor_delete(liveblog, editor, other_editor, site_admin):
    client = Client()
    client.force_login(editor)
    assert client.get(_url("changelist")).status_code == 200
    page = client.get(_url("change", liveblog.pk)).content.decode()
    assert 'name="editors"' not in page  # read-only for editors
    response = client.post(_url("change", liveblog.pk), {
        **_form(liveblog, title="Neuer Titel"), "editors": [other_editor.pk]})
    assert response.status_code == 302
    blog = LiveBlog.objects.get(pk=liveblog.pk)
    assert blog.title == "Neuer Titel" and not blog.editors.exists()
    assert client.post(_url("delete", liveblog.pk), {"post": "yes"}).status_code == 403
    assert LiveBlog.objects.filter(pk=liveblog.pk).exists()
    # An editor not assigned to a newsblog cannot change it here either.
    services.liveblog_set_editors(liveblog=liveblog, admin=site_admin, editors=[other_editor])
    assert 'name="title"' not in client.get(_url("change", liveblog.pk)).content.decode()  # view only
    client.post(_url("change", liveblog.pk), _form(liveblog, title="Noch ein Titel"))
    assert LiveBlog.objects.get(pk=liveblog.pk).title == "Neuer Titel"
    reader = Client()
    assert reader.get(_url("changelist")).status_code == 302  # to the login


def test_an_admin_assigns_contributors_in_the_back_office_and_only_contributors(office, liveblog, editor):
    from newsdesk.accounts.models import Role
    from tests.conftest import make_user

    freelancer = make_user("frieda", Role.CONTRIBUTOR)
    response = office.post(_url("change", liveblog.pk), _form(liveblog, contributors=[freelancer.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(LiveBlog.objects.get(pk=liveblog.pk).contributors.all()) == [freelancer]
    response = office.post(_url("change", liveblog.pk), _form(liveblog, contributors=[editor.pk]))
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert list(LiveBlog.objects.get(pk=liveblog.pk).contributors.all()) == [freelancer]
    client = Client()
    client.force_login(editor)
    assert 'name="contributors"' not in client.get(_url("change", liveblog.pk)).content.decode()

