import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.accounts.models import User
from newsdesk.mail import services
from newsdesk.mail.models import MailBatch, OutboxMessage, Suppression
from newsdesk.mail.services import Mail, enqueue_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    root = User.objects.create_superuser(username="root", password="a-long-test-password", email="root@example.org")
    client = Client()
    client.force_login(root)  # Client.login() has no request for django-axes to count
    return client


def fill() -> None:
    enqueue_many((Mail(to=f"l{n}@example.org", subject="Eil", text="x", kind="alert", batch="alert:1",
                       idempotency_key=f"a:1:{n}") for n in range(5)), labels={"alert:1": "Alert „Eil“"})
    enqueue_many(Mail(to=f"l{n}@example.org", subject="News", text="x", kind="newsletter", batch="nl:2",
                      idempotency_key=f"n:2:{n}") for n in range(3))


def test_outbox_list_shows_the_progress_of_each_send_in_german(admin_client, sink, worker):
    fill()
    services.suppress("l4@example.org")
    worker.batch_size = 3
    worker.process_batch()  # three of the alert's mails (lowest ids first)
    page = admin_client.get("/admin/mail/outboxmessage/").content.decode()
    started = timezone.localtime(MailBatch.objects.get(key="alert:1").started_at).strftime("%H:%M")
    assert f"Alert „Eil“: 3 von 5 gesendet, 0 fehlgeschlagen, gestartet {started}" in page
    assert "nl:2: 0 von 3 gesendet" in page
    one_send = admin_client.get("/admin/mail/outboxmessage/?batch=nl:2").content.decode()
    assert "nl:2: 0 von 3" in one_send and "Alert „Eil“" not in one_send.split("mail-status-lines")[1][:300]
    assert admin_client.get("/admin/mail/outboxmessage/?status__exact=failed").status_code == 200


def test_send_counters_follow_the_worker_in_batches_and_are_recounted_when_done(sink, worker):
    enqueue_many((Mail(to=f"r{n}@example.org", subject="Eil", text="x", kind="alert", batch="alert:9",
                       idempotency_key=f"a:9:{n}") for n in range(2500)), labels={"alert:9": "Eil"})
    send = MailBatch.objects.get(key="alert:9")
    assert (send.total, send.sent, send.finished_at) == (2500, 0, None)
    worker.batch_size = 1000
    with CaptureQueriesContext(connection) as queries:
        worker.process_batch()
    send.refresh_from_db()
    assert send.sent == 1000 and send.finished_at is None
    counter_updates = [q for q in queries if "mail_mailbatch" in q["sql"] and q["sql"].startswith("UPDATE")]
    assert len(counter_updates) == 1, "one counter update per claimed batch, not per mail"
    # A worker killed before it counted its outcomes leaves the counters short; the end of the send recounts.
    MailBatch.objects.filter(pk=send.pk).update(sent=0)
    worker.run(once=True)
    send.refresh_from_db()
    assert (send.total, send.sent, send.failed, send.done) == (2500, 2500, 0, 2500) and send.finished_at


def test_requeued_failures_reopen_their_send(sink, worker):
    fill()
    OutboxMessage.objects.filter(idempotency_key="a:1:0").update(status="failed")
    MailBatch.objects.filter(key="alert:1").update(failed=1)
    services.requeue(OutboxMessage.objects.filter(status="failed").values_list("id", flat=True))
    assert MailBatch.objects.get(key="alert:1").failed == 0
    worker.run(once=True)
    send = MailBatch.objects.get(key="alert:1")
    assert (send.sent, send.failed) == (5, 0) and send.finished_at


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
