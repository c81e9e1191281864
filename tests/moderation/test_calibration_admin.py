"""The back-office calibration page: pick a target, see threshold/precision/recall, apply it (logged)."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.urls import reverse

from newsdesk.moderation import offense, services
from newsdesk.moderation.models import ModelVersion
from tests.moderation.test_from_decisions import APPROVED, REJECTED, decided  # noqa: F401 (fixture)

URL = "newsroom:moderation_model_calibrate"


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    cache.delete(services.ACTIVE_CACHE_KEY)
    yield
    cache.delete(services.ACTIVE_CACHE_KEY)


def test_get_shows_the_threshold_with_expected_precision_and_recall(decided, client, site_admin) -> None:  # noqa: F811
    decided(REJECTED, "reject")
    decided(APPROVED, "approve")
    client.force_login(site_admin)
    page = client.get(reverse(URL), {"target": "catch", "percent": "75"})
    assert page.status_code == 200
    result = page.context["result"]
    assert result is not None and result.decisions == 24 and result.recall >= 0.75
    html = page.content.decode()
    assert f"{result.threshold:.3f}".replace(".", ",") in html
    assert f"{round(result.precision * 100)} %" in html and f"{round(result.recall * 100)} %" in html
    assert 'name="csrfmiddlewaretoken"' in html  # the apply form
    # First visit: the default target's figures at once; nothing is written by looking.
    first = client.get(reverse(URL))
    assert first.context["result"] is not None and first.context["result"].hold_rate <= 0.2
    assert not ModelVersion.objects.exists()
    changelist = client.get(reverse("newsroom:moderation_modelversion_changelist"))
    assert reverse(URL).encode() in changelist.content


def test_post_applies_the_threshold_as_a_new_version_and_logs_it(decided, client, site_admin) -> None:  # noqa: F811
    decided(REJECTED, "reject")
    decided(APPROVED, "approve")
    client.force_login(site_admin)
    response = client.post(reverse(URL), {"target": "hold", "percent": "20"})
    assert response.status_code == 302
    entry = ModelVersion.objects.get(active=True)
    assert "+schwelle-" in entry.version and entry.figures["calibration"]["hold_rate"] <= 0.2
    assert entry.figures["calibration"]["target"] == "höchstens 20% halten"
    assert services.active_model().threshold == pytest.approx(entry.figures["calibration"]["threshold"])
    assert LogEntry.objects.filter(object_id=str(entry.pk), user=site_admin).exists()
    # One click back to the model before (the shipped one).
    client.post(reverse("newsroom:moderation_model_return"))
    assert services.active_model() is offense.load()


def test_too_few_decisions_is_a_clear_german_message(decided, client, site_admin) -> None:  # noqa: F811
    decided(REJECTED[:3], "reject")
    decided(APPROVED[:3], "approve")
    client.force_login(site_admin)
    page = client.get(reverse(URL), {"target": "hold", "percent": "20"})
    assert page.status_code == 200 and page.context["result"] is None
    assert "Zu wenige Entscheidungen: 6 verschiedene entschiedene Kommentare" in page.content.decode()
    response = client.post(reverse(URL), {"target": "hold", "percent": "20"})
    assert response.status_code == 400 and "Zu wenige Entscheidungen" in response.content.decode()
    assert not ModelVersion.objects.exists()


def test_bad_input_and_no_permission(decided, client, site_admin, moderator) -> None:  # noqa: F811
    client.force_login(site_admin)
    response = client.post(reverse(URL), {"target": "hold", "percent": "250"})
    assert response.status_code == 400 and not ModelVersion.objects.exists()
    client.force_login(moderator)
    assert client.post(reverse(URL), {"target": "hold", "percent": "20"}).status_code == 302
    assert not ModelVersion.objects.exists()
