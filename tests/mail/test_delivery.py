"""The worker against a real SMTP server (aiosmtpd): headers, retries, bounces and the in-doubt window."""

import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from newsdesk.mail import services
from newsdesk.mail.models import OutboxMessage, Suppression
from newsdesk.mail.services import Mail, enqueue, enqueue_many
from newsdesk.mail.worker import Worker
from tests.mail.conftest import make_due
from tests.mail.smtp import SinkHandler, SmtpSink

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


def mail(n: int, **overrides) -> dict:
    return {"to": f"leser{n}@example.org", "subject": f"Eilmeldung {n}", "text": f"Text für {n}",
            "idempotency_key": f"alert:9:{n}", "kind": "alert", **overrides}


def statuses() -> dict[str, str]:
    return dict(OutboxMessage.objects.values_list("idempotency_key", "status"))


def test_sends_multipart_text_and_html_with_the_callers_headers(sink, worker):
    row = enqueue(**mail(1), html="<p>Text für <b>1</b></p>", headers={
        "List-Unsubscribe": "<https://newsdesk.test/abmelden/abc>, <mailto:abmelden@newsdesk.test>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })
    totals = worker.run(once=True)
    assert totals.sent == 1
    [received] = sink.received
    message = received.message
    assert received.rcpt_tos == ["leser1@example.org"]
    assert received.mail_from == "redaktion@newsdesk.test"
    assert message["To"] == "leser1@example.org"
    assert message["Subject"] == "Eilmeldung 1"
    assert message["List-Unsubscribe"] == "<https://newsdesk.test/abmelden/abc>, <mailto:abmelden@newsdesk.test>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == row.message_id
    assert message.get_content_type() == "multipart/alternative"
    assert message.get_body(("plain",)).get_content().strip() == "Text für 1"
    assert message.get_body(("html",)).get_content().strip() == "<p>Text für <b>1</b></p>"
    row.refresh_from_db()
    assert (row.status, row.attempts, row.claim_id, row.last_error) == (Status.SENT, 1, "", "")
    assert row.sent_at is not None


def test_a_rolled_back_enqueue_sends_nothing(sink, worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(**mail(1))
        raise RuntimeError
    with transaction.atomic():
        enqueue(**mail(2))
    worker.run(once=True)
    assert [r.rcpt_tos for r in sink.received] == [["leser2@example.org"]]


def test_one_connection_per_batch(sink, smtp_settings):
    connections = []
    sessions = SinkHandler.handle_DATA

    async def counting(self, server, session, envelope):
        connections.append(id(session))
        return await sessions(self, server, session, envelope)

    sink.handler.handle_DATA = counting.__get__(sink.handler)
    enqueue_many(Mail(**mail(n)) for n in range(1, 26))
    Worker(batch_size=10, poll_seconds=0).run(once=True)
    assert len(connections) == 25
    assert len(set(connections)) == 3  # batches of 10, 10 and 5


def test_smtp_down_is_retried_with_backoff_then_delivered_once(smtp_settings, worker):
    enqueue(**mail(1))
    before = timezone.now()
    totals = worker.run(once=True)  # nothing listens on EMAIL_PORT
    assert totals.connection_failures == 1 and totals.sent == 0
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts, row.claim_id) == (Status.PENDING, 1, "")
    assert str(smtp_settings.EMAIL_PORT) in row.last_error
    assert row.next_attempt_at >= before + timedelta(seconds=30)  # 60 s base, jitter 0.5-1.5

    with SmtpSink(port=smtp_settings.EMAIL_PORT) as sink:
        assert worker.run(once=True).sent == 0  # not due yet: the backoff holds
        make_due()
        assert worker.run(once=True).sent == 1
        worker.run(once=True)
    assert [r.rcpt_tos for r in sink.received] == [["leser1@example.org"]]
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 2)


@pytest.mark.parametrize("reply", ["451 4.3.0 Try again later", "421 4.7.0 Too busy, closing"])
def test_temporary_refusal_then_accept_delivers_once(smtp_settings, reply):
    handler = SinkHandler(temporary_failures=2, temporary_code=reply)
    with SmtpSink(handler, port=smtp_settings.EMAIL_PORT) as sink:
        enqueue(**mail(1))
        enqueue(**mail(2))
        worker = Worker(batch_size=10, poll_seconds=0)
        worker.run(once=True)  # both refused once each; 421 also closes the session: reconnect for the next
        rows = {r.idempotency_key: r for r in OutboxMessage.objects.all()}
        assert {r.status for r in rows.values()} == {Status.PENDING}
        assert all(reply[:3] in r.last_error and r.attempts == 1 for r in rows.values())
        make_due()
        worker.run(once=True)
    assert sorted(rcpt for r in sink.received for rcpt in r.rcpt_tos) == ["leser1@example.org", "leser2@example.org"]
    assert statuses() == {"alert:9:1": Status.SENT, "alert:9:2": Status.SENT}


def test_gives_up_after_max_attempts_but_keeps_the_mail_visible(smtp_settings):
    smtp_settings.MAIL_MAX_ATTEMPTS = 3
    with SmtpSink(SinkHandler(temporary_failures=100), port=smtp_settings.EMAIL_PORT) as sink:
        enqueue(**mail(1))
        for _ in range(4):
            Worker(poll_seconds=0).run(once=True)
            make_due()
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts) == (Status.FAILED, 3)
    assert "451" in row.last_error
    assert sink.received == [] and sink.handler.attempts == 3


def test_permanent_refusal_bounces_the_address_for_good(smtp_settings, worker):
    handler = SinkHandler(refuse={"weg@example.org"})
    with SmtpSink(handler, port=smtp_settings.EMAIL_PORT) as sink:
        enqueue(**mail(1, to="weg@example.org"))
        enqueue(**mail(2, to="Weg@example.org", idempotency_key="alert:9:2b"))  # same address, same batch
        enqueue(**mail(3))
        totals = worker.run(once=True)
        assert (totals.sent, totals.bounced, totals.suppressed) == (1, 1, 1)
        bounce = Suppression.objects.get()
        assert (bounce.address, bounce.reason) == ("weg@example.org", Suppression.Reason.BOUNCE)
        assert "550" in bounce.detail
        failed = OutboxMessage.objects.get(idempotency_key="alert:9:1")
        assert failed.status == Status.FAILED and "550" in failed.last_error

        later = enqueue(**mail(4, to="WEG@example.org"))
        assert later.status == Status.SUPPRESSED
        make_due()
        worker.run(once=True)
    assert [r.rcpt_tos for r in sink.received] == [["leser3@example.org"]]
    assert statuses()["alert:9:2b"] == Status.SUPPRESSED


def test_graceful_stop_finishes_the_current_mail_and_releases_the_rest(smtp_settings):
    worker = Worker(batch_size=10, poll_seconds=0)
    handler = SinkHandler(after_accept=lambda server, received: worker.stop())
    with SmtpSink(handler, port=smtp_settings.EMAIL_PORT) as sink:
        enqueue_many(Mail(**mail(n)) for n in range(1, 6))
        totals = worker.run()  # would loop forever without the stop
    assert (totals.sent, totals.released) == (1, 4)
    assert len(sink.received) == 1
    rows = OutboxMessage.objects.order_by("id")
    assert [r.status for r in rows] == [Status.SENT] + [Status.PENDING] * 4
    assert all(r.attempts == 0 and r.claim_id == "" and not r.in_doubt for r in rows[1:])


# --- the window between "server accepted" and "marked sent" ------------------------------------------

def dead_worker_claim(size: int = 3) -> services.Claim:
    """A worker claimed a batch and died: its lease has run out."""
    claim = services.claim_batch(worker="dead", size=size)
    OutboxMessage.objects.filter(claim_id=claim.id).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    return claim


def test_recovery_marks_only_the_first_unfinished_mail_of_a_dead_claim_in_doubt(smtp_settings):
    enqueue_many(Mail(**mail(n)) for n in range(1, 6))
    claim = services.claim_batch(worker="dead", size=4)
    services.mark_sent(claim.messages[0], claim)  # sent and marked before the crash
    OutboxMessage.objects.filter(claim_id=claim.id).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    assert services.recover_expired() == 3
    rows = list(OutboxMessage.objects.order_by("id"))
    assert [r.status for r in rows] == [Status.SENT] + [Status.PENDING] * 4
    assert [r.in_doubt for r in rows] == [False, True, False, False, False]
    assert [r.attempts for r in rows] == [1, 1, 0, 0, 0]


def test_an_in_doubt_mail_found_at_the_relay_is_not_sent_again(sink, smtp_settings):
    enqueue_many(Mail(**mail(n)) for n in range(1, 4))
    dead_worker_claim()
    first = OutboxMessage.objects.order_by("id").first()
    checked = []
    smtp_settings.MAIL_DELIVERY_CHECK = "tests.mail.test_delivery.relay_has_first"
    relay_has_first.answers = {first.message_id: True}
    relay_has_first.calls = checked
    totals = Worker(poll_seconds=0).run(once=True)
    assert (totals.sent, totals.confirmed) == (3, 1)
    assert checked == [first.message_id]  # only the in-doubt mail is checked
    assert sorted(r.rcpt_tos[0] for r in sink.received) == ["leser2@example.org", "leser3@example.org"]
    first.refresh_from_db()
    assert (first.status, first.in_doubt, first.attempts) == (Status.SENT, False, 1)
    assert first.last_error  # the note says why it was not sent


def relay_has_first(message):
    relay_has_first.calls.append(message.message_id)
    return relay_has_first.answers.get(message.message_id, False)


def test_an_in_doubt_mail_is_resent_with_the_same_message_id_by_default(sink, smtp_settings, caplog):
    enqueue_many(Mail(**mail(n)) for n in range(1, 4))
    dead_worker_claim()
    assert Worker(poll_seconds=0).run(once=True).sent == 3
    assert len(sink.received) == 3
    assert "delivery uncertain" in caplog.text
    assert not OutboxMessage.objects.filter(in_doubt=True).exists()


def test_hold_policy_keeps_an_in_doubt_mail_for_a_person(sink, smtp_settings):
    smtp_settings.MAIL_IN_DOUBT = "hold"
    enqueue_many(Mail(**mail(n)) for n in range(1, 4))
    dead_worker_claim()
    Worker(poll_seconds=0).run(once=True)
    assert len(sink.received) == 2
    first = OutboxMessage.objects.order_by("id").first()
    assert (first.status, first.in_doubt) == (Status.FAILED, True)


def test_connection_lost_after_data_is_in_doubt_and_checked_before_resending(smtp_settings):
    """The server takes the mail but the connection drops before its 250 arrives (RFC 1047)."""

    def drop_connection_once(server, received):
        if len(handler.received) == 1:
            server.transport.close()  # the 250 never reaches the worker

    handler = SinkHandler(after_accept=drop_connection_once)
    smtp_settings.MAIL_DELIVERY_CHECK = "tests.mail.test_delivery.sink_has"
    with SmtpSink(handler, port=smtp_settings.EMAIL_PORT) as sink:
        sink_has.handler = handler
        enqueue(**mail(1))
        enqueue(**mail(2))
        Worker(poll_seconds=0).run(once=True)
        first = OutboxMessage.objects.get(idempotency_key="alert:9:1")
        assert (first.status, first.in_doubt, first.attempts) == (Status.PENDING, True, 1)
        assert statuses()["alert:9:2"] == Status.SENT  # reconnected for the next mail
        make_due()
        Worker(poll_seconds=0).run(once=True)
    first.refresh_from_db()
    assert (first.status, first.in_doubt) == (Status.SENT, False)
    assert sorted(sink.handler.per_recipient().values()) == [1, 1]  # exactly once each


def sink_has(message):
    return message.message_id in sink_has.handler.message_ids()


def test_a_worker_that_lost_its_claim_does_not_mark_anything(smtp_settings):
    enqueue(**mail(1))
    slow = services.claim_batch(worker="slow", size=1)
    OutboxMessage.objects.update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    services.recover_expired()
    fast = services.claim_batch(worker="fast", size=1)
    assert not services.mark_sent(slow.messages[0], slow)
    assert not services.renew_lease(slow)
    assert services.mark_sent(fast.messages[0], fast)


def test_a_mail_that_cannot_be_built_fails_without_stopping_the_batch(sink, worker):
    broken = enqueue(**mail(1))
    enqueue(**mail(2))
    OutboxMessage.objects.filter(pk=broken.pk).update(from_email="a@b@c")  # bypassing enqueue's validation
    totals = worker.run(once=True)
    assert (totals.sent, totals.failed) == (1, 1)
    broken.refresh_from_db()
    assert broken.status == Status.FAILED and "a@b@c" in broken.last_error
    assert [r.rcpt_tos for r in sink.received] == [["leser2@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_worker_thread_beside_the_server_sends_committed_mails_and_stops(sink, smtp_settings):
    from newsdesk.mail.worker import start_worker_thread

    # Committed before the thread starts: the test database is SQLite in memory with a shared cache, whose table
    # locks do not wait (a file database in WAL mode does), so this thread stays off the database meanwhile.
    enqueue(**mail(1))
    handle = start_worker_thread(poll_seconds=0.05)
    try:
        assert start_worker_thread() is handle  # one per process
        deadline = time.monotonic() + 10
        while not sink.received and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        handle.stop(timeout=10)
    assert not handle.thread.is_alive()
    assert [r.rcpt_tos for r in sink.received] == [["leser1@example.org"]]
    assert statuses() == {"alert:9:1": Status.SENT}
