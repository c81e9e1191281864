from __future__ import annotations

import pytest
from django.utils import timezone

from newsdesk.mail.models import OutboxMessage
from newsdesk.mail.worker import Worker
from tests.mail.smtp import HOST, SmtpSink, free_port


@pytest.fixture
def smtp_settings(settings):
    """Django's SMTP backend against a local port; pytest-django would otherwise use the locmem backend."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = HOST
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Redaktion <redaktion@newsdesk.test>"
    settings.MAIL_MESSAGE_ID_DOMAIN = "newsdesk.test"
    settings.MAIL_RETRY_BASE_SECONDS = 60
    settings.MAIL_MAX_ATTEMPTS = 5
    settings.MAIL_IN_DOUBT = "resend"
    settings.MAIL_DELIVERY_CHECK = ""
    return settings


@pytest.fixture
def sink(smtp_settings):
    with SmtpSink(port=smtp_settings.EMAIL_PORT) as running:
        yield running


@pytest.fixture
def worker(smtp_settings) -> Worker:
    return Worker(batch_size=10, poll_seconds=0, name="test-worker")


def make_due() -> None:
    """Time travel: every pending mail is due now (instead of waiting out the backoff)."""
    OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).update(next_attempt_at=timezone.now())
