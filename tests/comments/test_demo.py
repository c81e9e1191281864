import pytest
from django.core.management import call_command

from newsdesk.comments.demo import DEMO_COMMENTS, REPEATED, REPLY
from newsdesk.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_demo_loads_pending_comments_of_each_kind_once():
    call_command("demo")
    call_command("demo")
    comments = Comment.objects.filter(status="pending")
    assert comments.count() == len(DEMO_COMMENTS) + len(REPEATED) + 1  # and the reply
    assert Comment.objects.count() == comments.count() + 1
    risks = {c.display_name: c.risk for c in comments}
    assert risks["Wutbürger_KB"] > 0.8 and risks["Gewinner2026"] >= 1.0
    holds = {c.display_name for c in comments if c.screen_action == "hold"}
    assert {"Wutbürger_KB", "Gewinner2026", "Gerd"} <= holds


def test_demo_queue_has_a_reported_comment_a_reply_and_a_repeated_text():
    call_command("demo")
    reported = Comment.objects.get(status="approved")
    assert reported.open_reports == 3
    reply = Comment.objects.get(body=REPLY[2])
    assert reply.parent == reported and reply.status == "pending"
    first, second = Comment.objects.filter(body=REPEATED[0][2]).order_by("id")
    assert [s["reason_de"] for s in second.signals if s["name"] == "duplicate"] == [
        f"gleicher Text wie Kommentar #{first.pk}"]


def test_demo_prints_a_moderator_login_that_opens_the_queue(client, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Moderator login:" in out and "user 'moderation'" in out
    # Through the login form: django-axes needs the request that Client.login() would not pass.
    assert client.post("/anmelden/", {"username": "moderation", "password": "newsdesk-demo"}).status_code == 302
    response = client.get("/moderation/")
    assert response.status_code == 200 and "Wutbürger_KB" in response.content.decode()
