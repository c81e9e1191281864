import pytest
from django.core.management import call_command

from newsdesk.comments.demo import DEMO_COMMENTS
from newsdesk.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_demo_loads_pending_comments_of_each_kind_once():
    call_command("demo")
    call_command("demo")
    comments = Comment.objects.all()
    assert comments.count() == len(DEMO_COMMENTS)
    assert set(comments.values_list("status", flat=True)) == {"pending"}
    risks = {c.display_name: c.risk for c in comments}
    assert risks["Wutbürger_KB"] > 0.8 and risks["Gewinner2026"] >= 1.0
    holds = {c.display_name for c in comments if c.screen_action == "hold"}
    assert {"Wutbürger_KB", "Gewinner2026", "Gerd"} <= holds
