"""E-mail outbox and its worker (infrastructure: addresses, subjects, bodies and headers, no domain models).

    from newsdesk.mail.services import enqueue, enqueue_many, Mail
    enqueue(to="leserin@example.org", subject="Bitte bestätigen", text="...", kind="confirmation",
            idempotency_key=f"optin:{subscription.pk}")          # inside the transaction that causes it

`newsdesk worker` drains the outbox; `newsdesk.mail.worker.start_worker_thread()` runs it beside the server.
See `newsdesk.mail.worker` for the delivery guarantees (exactly once, and the one window plain SMTP leaves).
"""
