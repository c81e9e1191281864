from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from newsdesk.core.errors import InvalidInput
from newsdesk.mail import selectors, services
from newsdesk.mail.models import OutboxMessage, Suppression
from newsdesk.mail.services import Mail, enqueue, enqueue_many

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


def alert(n: int, **overrides) -> dict:
    return {"to": f"leser{n}@example.org", "subject": "Eilmeldung: Stromausfall", "text": f"Hallo {n}",
            "idempotency_key": f"alert:7:{n}", "kind": "alert", "batch": "alert:7", **overrides}


def test_enqueue_stores_a_pending_row_with_normalised_recipient():
    row = enqueue(**alert(1, to="  Leserin@Example.ORG "), html="<p>Hallo</p>",
                  headers={"List-Unsubscribe": "<https://example.org/u/1>"})
    row.refresh_from_db()
    assert row.status == Status.PENDING
    assert row.recipient == "leserin@example.org"
    assert row.headers == {"List-Unsubscribe": "<https://example.org/u/1>"}
    assert row.next_attempt_at <= timezone.now()
    assert row.message_id.startswith("<") and row.message_id.endswith(">")


def test_same_key_twice_is_a_no_op_returning_the_existing_row():
    first = enqueue(**alert(1))
    again = enqueue(**alert(1, subject="Anderer Betreff", text="anders"))
    assert again.pk == first.pk
    assert again.subject == "Eilmeldung: Stromausfall"
    assert OutboxMessage.objects.count() == 1


def test_enqueue_belongs_to_the_callers_transaction():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(**alert(1))
        raise RuntimeError("the change that caused the mail failed")
    assert not OutboxMessage.objects.exists()
    with transaction.atomic():
        enqueue(**alert(2))
    assert OutboxMessage.objects.get().idempotency_key == "alert:7:2"


def test_a_duplicate_key_does_not_break_the_callers_transaction():
    with transaction.atomic():
        enqueue(**alert(1))
        enqueue(**alert(1))
        Suppression.objects.create(address="x@example.org")  # the transaction is still usable
    assert OutboxMessage.objects.count() == 1


def test_send_after_schedules_the_mail():
    later = timezone.now() + timedelta(hours=3)
    row = enqueue(**alert(1), send_after=later)
    assert row.next_attempt_at == later
    assert services.claim_batch(worker="w", size=10).messages == []


@pytest.mark.parametrize(("overrides", "field"), [
    ({"to": "keine-adresse"}, "to"),
    ({"subject": "Zeile\nBcc: opfer@example.org"}, "subject"),
    ({"subject": ""}, "subject"),
    ({"text": " "}, "text"),
    ({"idempotency_key": ""}, "idempotency_key"),
    ({"idempotency_key": "k" * 201}, "idempotency_key"),
    ({"kind": ""}, "kind"),
    ({"headers": {"Message-ID": "<mine@example.org>"}}, "headers"),
    ({"headers": {"Bcc": "opfer@example.org"}}, "headers"),
    ({"headers": {"X-Evil": "a\r\nBcc: opfer@example.org"}}, "headers"),
    ({"headers": {"Bad Name": "x"}}, "headers"),
])
def test_invalid_mails_are_refused(overrides, field):
    with pytest.raises(InvalidInput) as info:
        enqueue(**alert(1, **overrides))
    assert info.value.details["field"] == field
    assert not OutboxMessage.objects.exists()


def test_enqueue_to_a_suppressed_address_is_stored_but_never_sent():
    services.suppress("Weg@Example.org", reason=Suppression.Reason.BOUNCE, detail="550 user unknown")
    row = enqueue(**alert(1, to="weg@example.org"))
    assert row.status == Status.SUPPRESSED
    assert services.claim_batch(worker="w", size=10).messages == []


def test_suppressing_an_address_suppresses_its_pending_mails():
    enqueue(**alert(1))
    enqueue(**alert(2))
    services.suppress("LESER1@example.org")
    assert Suppression.objects.get().address == "leser1@example.org"
    assert dict(OutboxMessage.objects.values_list("recipient", "status")) == {
        "leser1@example.org": Status.SUPPRESSED, "leser2@example.org": Status.PENDING}
    assert services.unsuppress("leser1@EXAMPLE.org")
    assert not services.is_suppressed("leser1@example.org")


def test_bulk_enqueue_in_chunks_skips_existing_keys_and_suppresses():
    enqueue(**alert(3))
    services.suppress("leser5@example.org")
    result = enqueue_many((Mail(**alert(n)) for n in range(1, 2501)), chunk_size=1000)
    assert (result.created, result.existing, result.suppressed) == (2499, 1, 1)
    assert OutboxMessage.objects.count() == 2500
    counts = selectors.status_counts(batch="alert:7")
    assert counts == {"pending": 2499, "sending": 0, "sent": 0, "failed": 0, "suppressed": 1}
    again = enqueue_many(Mail(**alert(n)) for n in range(1, 2501))
    assert (again.created, again.existing) == (0, 2500)


def test_bulk_enqueue_is_in_the_callers_transaction_and_validates():
    with pytest.raises(InvalidInput), transaction.atomic():
        enqueue_many([Mail(**alert(1)), Mail(**alert(2, to="kaputt"))])
    assert not OutboxMessage.objects.exists()


def test_claims_are_disjoint_and_in_id_order():
    enqueue_many(Mail(**alert(n)) for n in range(1, 8))
    first = services.claim_batch(worker="a", size=4)
    second = services.claim_batch(worker="b", size=4)
    ids = [m.pk for m in first.messages]
    assert ids == sorted(ids) and len(ids) == 4
    assert len(second.messages) == 3
    assert not set(ids) & {m.pk for m in second.messages}
    assert OutboxMessage.objects.filter(status=Status.SENDING).count() == 7


def test_backoff_grows_exponentially_with_jitter_and_is_capped(settings):
    settings.MAIL_RETRY_BASE_SECONDS = 10
    settings.MAIL_RETRY_MAX_SECONDS = 100
    for attempts, nominal in [(1, 10), (2, 20), (3, 40), (4, 80), (5, 100), (12, 100)]:
        delays = [services.retry_delay(attempts) for _ in range(50)]
        assert all(0.5 * nominal <= d <= 1.5 * nominal for d in delays)
        assert len(set(delays)) > 1  # jitter


def test_purge_deletes_old_sent_and_suppressed_but_keeps_failed():
    now = timezone.now()
    old = now - timedelta(days=40)
    enqueue_many(Mail(**alert(n)) for n in range(1, 6))
    rows = list(OutboxMessage.objects.order_by("id"))
    OutboxMessage.objects.filter(pk=rows[0].pk).update(status=Status.SENT, sent_at=old)
    OutboxMessage.objects.filter(pk=rows[1].pk).update(status=Status.SENT, sent_at=now)
    OutboxMessage.objects.filter(pk=rows[2].pk).update(status=Status.FAILED, created_at=old)
    OutboxMessage.objects.filter(pk=rows[3].pk).update(status=Status.SUPPRESSED, created_at=old)
    assert services.purge(older_than_days=30, chunk_size=1) == 2
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {rows[1].pk, rows[2].pk, rows[4].pk}


def test_requeue_sends_failed_mails_again_unless_the_address_is_blocked():
    enqueue(**alert(1))
    enqueue(**alert(2))
    OutboxMessage.objects.update(status=Status.FAILED, attempts=5)
    services.suppress("leser2@example.org")
    assert services.requeue(OutboxMessage.objects.values_list("id", flat=True)) == 1
    row = OutboxMessage.objects.get(recipient="leser1@example.org")
    assert (row.status, row.attempts) == (Status.PENDING, 0)


@pytest.mark.parametrize("sender", ["a@b@c", "kaputt", "Redaktion <redaktion@example.org>\nBcc: x@example.org"])
def test_an_invalid_sender_is_refused(sender):
    with pytest.raises(InvalidInput) as info:
        enqueue(**alert(1, from_email=sender))
    assert info.value.details["field"] == "from_email"


def test_a_valid_sender_is_kept():
    assert enqueue(**alert(1, from_email="Redaktion <redaktion@example.org>")).from_email == (
        "Redaktion <redaktion@example.org>")
