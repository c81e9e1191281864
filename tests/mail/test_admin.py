import pytest
from django.test import Client

from newsdesk.accounts.models import User
from newsdesk.mail import services
from newsdesk.mail.models import OutboxMessage, Suppression
from newsdesk.mail.services import Mail, enqueue_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    User.objects.create_superuser(username="root", password="a-long-test-password", email="root@example.org")
    client = Client()
    client.login(username="root", password="a-long-test-password")
    return client


def fill() -> None:
    enqueue_many(Mail(to=f"l{n}@example.org", subject="Eil", text="x", kind="alert", batch="alert:1",
                      idempotency_key=f"a:1:{n}") for n in range(5))
    enqueue_many(Mail(to=f"l{n}@example.org", subject="News", text="x", kind="newsletter", batch="nl:2",
                      idempotency_key=f"n:2:{n}") for n in range(3))
    OutboxMessage.objects.filter(batch="alert:1", idempotency_key__in=["a:1:0", "a:1:1"]).update(status="sent")


def test_outbox_list_shows_counts_per_status_in_german(admin_client):
    fill()
    page = admin_client.get("/admin/mail/outboxmessage/").content.decode()
    assert "Ausstehend: 6" in page and "Gesendet: 2" in page and "Fehlgeschlagen: 0" in page
    one_send = admin_client.get("/admin/mail/outboxmessage/?batch=alert:1").content.decode()
    assert "Ausstehend: 3" in one_send and "Gesendet: 2" in one_send
    assert admin_client.get("/admin/mail/outboxmessage/?status__exact=failed").status_code == 200


def test_outbox_rows_are_read_only_but_failed_ones_can_be_requeued(admin_client):
    fill()
    row = OutboxMessage.objects.first()
    assert admin_client.get("/admin/mail/outboxmessage/add/").status_code == 403
    assert admin_client.post(f"/admin/mail/outboxmessage/{row.pk}/change/", {"subject": "x"}).status_code == 403
    OutboxMessage.objects.filter(pk=row.pk).update(status="failed")
    admin_client.post("/admin/mail/outboxmessage/", {"action": "requeue_action", "_selected_action": [row.pk]})
    row.refresh_from_db()
    assert row.status == "pending"


def test_admins_add_blocked_addresses_which_suppresses_pending_mail(admin_client):
    fill()
    response = admin_client.post("/admin/mail/suppression/add/",
                                 {"address": " L3@Example.org", "reason": "manual", "detail": "Beschwerde"})
    assert response.status_code == 302
    assert Suppression.objects.get().address == "l3@example.org"
    assert set(OutboxMessage.objects.filter(recipient="l3@example.org").values_list("status", flat=True)) == {
        "suppressed"}
    assert services.is_suppressed("L3@EXAMPLE.ORG")
