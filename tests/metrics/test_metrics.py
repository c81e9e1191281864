"""GET /metrics: Prometheus text behind a bearer token, with the figures the desk and operators watch."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from newsdesk.comments.models import Comment
from newsdesk.metrics.middleware import REQUEST_SECONDS

pytestmark = pytest.mark.django_db

TOKEN = "metrics-test-token-1234"


def test_without_a_token_configured_metrics_are_not_there(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 404


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", TOKEN])
def test_a_missing_or_wrong_token_gets_401(client, settings, header):
    settings.METRICS_TOKEN = TOKEN
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/metrics", **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"newsdesk_" not in response.content


def test_the_figures_in_prometheus_text(client, settings):
    settings.METRICS_TOKEN = TOKEN
    client.get("/healthz")
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    families = {family.name: family for family in text_string_to_metric_families(response.content.decode())}
    for name in ("newsdesk_realtime_connected_readers", "newsdesk_realtime_connected_readers_total",
                 "newsdesk_realtime_published", "newsdesk_realtime_send_lag_seconds",
                 "newsdesk_liveblog_resume_backlog_events", "newsdesk_mail_outbox", "newsdesk_mail_sent_per_second",
                 "newsdesk_moderation_queue", "newsdesk_request_seconds"):
        assert name in families, name
    routes = {sample.labels.get("route") for sample in families["newsdesk_request_seconds"].samples}
    assert "healthz" in routes


def test_moderation_queue_depth_counts_pending_comments(client, settings):
    from newsdesk.comments.figures import moderation_figures

    before = next(iter(moderation_figures())).samples[0].value
    assert before == Comment.objects.filter(status=Comment.Status.PENDING).count()


def test_request_latency_is_labelled_by_route_pattern_not_path(client):
    client.get("/artikel/gibt-es-nicht/")
    routes = {labels[0] for labels in REQUEST_SECONDS._metrics}
    assert "artikel/<slug:slug>/" in routes or any("<" in route for route in routes)
    assert not any("gibt-es-nicht" in route for route in routes)


def test_status_prints_the_database_figures():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("status", stdout=out)
    text = out.getvalue()
    assert "Kommentare in der Moderation" in text
    assert 'newsdesk_mail_outbox{status=pending}' in text
