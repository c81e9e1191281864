"""Mails carry the site identity's name (issue 17): every mail goes through core.seo.site_name(), which falls back
to the NEWSDESK_SITE_NAME setting when no identity is saved."""

from __future__ import annotations

import re

import pytest

from newsdesk.branding import services
from newsdesk.branding.models import SiteIdentity
from newsdesk.comments import services as comments
from newsdesk.mail.models import OutboxMessage
from newsdesk.subscriptions import services as subscriptions
from newsdesk.subscriptions.targets import resolve_target

pytestmark = pytest.mark.django_db


def _mails(kind: str) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(kind=kind))


def test_subscription_and_comment_mails_name_the_identity(liveblog, settings):
    settings.SITE_NAME = "Einstellungsname"
    services.identity_save(SiteIdentity(name="Testhausener Bote"), changed_files=set())
    subscription = subscriptions.subscribe(email="leserin@example.org",
                                           target=resolve_target("liveblog", liveblog.channel))
    confirmation = _mails("confirmation")[0]
    token = re.search(r"/abo/bestaetigen/([^/\s]+)/", confirmation.text).group(1)
    subscriptions.confirm(token=token)
    comments.comment_submit(target=liveblog, display_name="Hanna", email="hanna@example.org", consent=True,
                            body="Danke für die ruhige Berichterstattung über den Stromausfall.", ip="192.0.2.1")
    sent = [confirmation, *_mails("welcome"), *_mails("comments.confirmation")]
    assert len(sent) == 3 and subscription.subscriber.email == confirmation.recipient
    for message in sent:
        assert "Testhausener Bote" in message.text and "Einstellungsname" not in message.text, message.kind
        assert "Testhausener Bote" in message.html


def test_without_an_identity_mails_use_the_setting(liveblog, settings):
    settings.SITE_NAME = "Einstellungsname"
    subscriptions.subscribe(email="leser@example.org", target=resolve_target("liveblog", liveblog.channel))
    assert "Einstellungsname" in _mails("confirmation")[0].text


def test_the_sender_is_named_after_the_identity_unless_the_operator_named_it(settings, db):
    from newsdesk.mail.worker import default_sender

    services.identity_save(SiteIdentity(name="Testhausener Bote"), changed_files=set())
    settings.DEFAULT_FROM_EMAIL = "newsdesk <noreply@bote.example>"
    assert default_sender() == "Testhausener Bote <noreply@bote.example>"
    settings.DEFAULT_FROM_EMAIL = "noreply@bote.example"
    assert default_sender() == "Testhausener Bote <noreply@bote.example>"
    settings.DEFAULT_FROM_EMAIL = "Leserservice Bote <leserservice@bote.example>"
    assert default_sender() == "Leserservice Bote <leserservice@bote.example>"
