from __future__ import annotations

import pytest

from newsdesk.comments import services
from newsdesk.liveblogs import services as liveblog_services

# The mail tests' real SMTP server and outbox worker (for the end-to-end confirmation test).
from tests.mail.conftest import sink, smtp_settings, worker  # noqa: F401


@pytest.fixture
def flood_blog(editor):
    blog = liveblog_services.liveblog_create(
        title="Hochwasser an der Lindra", teaser="Der Pegel der Lindra in Kelmsbrück steigt weiter.", author=editor)
    liveblog_services.entry_create(liveblog=blog, author=editor,
                                   body="Die Feuerwehr stapelt Sandsäcke an der Uferpromenade. Der Pegel steigt.")
    return blog


@pytest.fixture
def submit(flood_blog):
    def _submit(body="Die Sandsäcke an der Uferpromenade helfen hoffentlich gegen den Pegel.", **kwargs):
        data = {"target": flood_blog, "display_name": "Hanna", "email": "hanna@example.org", "body": body,
                "consent": True, "ip": "192.0.2.1", **kwargs}
        return services.comment_submit(**data)
    return _submit


@pytest.fixture(autouse=True)
def _confirmation_off_unless_asked(request, db):
    """The older tests are about screening and the queue, for readers who confirmed: switch the first-mail step off.

    Tests of the confirmation step mark themselves `@pytest.mark.email_confirmation` and get the default (on).
    """
    from newsdesk.comments.models import CommentSettings

    if request.node.get_closest_marker("email_confirmation") is None:
        CommentSettings.objects.update_or_create(pk=1, defaults={"require_email_confirmation": False})


@pytest.fixture(autouse=True)
def _fresh_word_lists():
    # The compiled lists are cached; a test's rolled-back entries must not leak into the next test.
    from newsdesk.moderation import lists

    lists.invalidate()
    yield
    lists.invalidate()
