"""Issue 16, defect 9: the Django admin's newsblog form writes through the services (validation, event log, push)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsdesk.liveblogs.models import Event, LiveBlog

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site_admin):
    site_admin.is_staff = site_admin.is_superuser = True
    site_admin.save()
    client.force_login(site_admin)
    return client


def _form(liveblog, **changes) -> dict:
    data = {"title": liveblog.title, "teaser": liveblog.teaser, "status": liveblog.status, "order": liveblog.order,
            "editors": [user.pk for user in liveblog.editors.all()],
            # The comment-rules inline (generic relation) is part of the form.
            "comments-targetcommentsettings-content_type-object_id-TOTAL_FORMS": "0",
            "comments-targetcommentsettings-content_type-object_id-INITIAL_FORMS": "0"}
    data.update(changes)
    return data


def _change_url(liveblog) -> str:
    return reverse("admin:liveblogs_liveblog_change", args=[liveblog.pk])


def test_defect9_admin_title_change_goes_through_the_service_and_event_log(admin_client, liveblog):
    before = liveblog.last_seq
    response = admin_client.post(_change_url(liveblog), _form(liveblog, title="Stromausfall: Netz wieder stabil"))
    assert response.status_code == 302, response.content.decode()[:3000]
    liveblog.refresh_from_db()
    assert liveblog.title == "Stromausfall: Netz wieder stabil"
    event = Event.objects.filter(liveblog=liveblog).order_by("-seq").first()
    assert liveblog.last_seq == before + 1 and event.type == Event.Type.LIVEBLOG_UPDATED
    assert event.payload["liveblog"]["title"] == "Stromausfall: Netz wieder stabil"


def test_defect9_admin_close_appends_the_closed_event(admin_client, liveblog):
    response = admin_client.post(_change_url(liveblog), _form(liveblog, status=LiveBlog.Status.CLOSED))
    assert response.status_code == 302
    liveblog.refresh_from_db()
    assert liveblog.status == LiveBlog.Status.CLOSED and liveblog.closed_at is not None
    assert Event.objects.filter(liveblog=liveblog, type=Event.Type.LIVEBLOG_CLOSED).exists()


def test_defect9_admin_save_is_validated_by_the_service(admin_client, liveblog):
    admin_client.post(_change_url(liveblog), _form(liveblog, title="Titel mit \x07 Steuerzeichen"))
    liveblog.refresh_from_db()
    assert liveblog.title == "Stromausfall in Testhausen"
    assert not Event.objects.filter(liveblog=liveblog, type=Event.Type.LIVEBLOG_UPDATED).exists()


def test_defect9_admin_assigns_editors_through_the_service(admin_client, liveblog, editor, reader):
    response = admin_client.post(_change_url(liveblog), _form(liveblog, editors=[editor.pk]))
    assert response.status_code == 302
    assert list(liveblog.editors.all()) == [editor]
    admin_client.post(_change_url(liveblog), _form(liveblog, editors=[reader.pk]))
    assert list(liveblog.editors.all()) == [editor]  # a reader is no editor: refused with a message
