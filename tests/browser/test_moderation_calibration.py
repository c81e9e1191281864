"""Issue 13: a site admin calibrates the hold threshold in the back office (phone and desktop)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

ADMIN = "kalibrierung"
ADMIN_PASSWORD = "kalibrier-passwort-1"
SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-encoder"))
URL = "/redaktion/verwaltung/moderation/modelversion/kalibrieren/"

# Fictional decisions on the demo live blog: 12 rejected insults, 12 approved remarks.
DECISIONS = """
from newsdesk.accounts.models import User
from newsdesk.comments.models import Comment, Commenter, Decision
from newsdesk.liveblogs.models import LiveBlog
blog = LiveBlog.objects.first()
admin = User.objects.get(username="kalibrierung")
who = Commenter.objects.create(email="kalibrierung@example.org")
for i in range(12):
    for body, action in ((f"Der Wirt Nummer {i} ist ein dummer Idiot, typisch", "reject"),
                         (f"Die Brücke Nummer {i} wurde am Montag eröffnet", "approve")):
        c = Comment.objects.create(target=blog, commenter=who, display_name="Leser", body=body,
                                   status="rejected" if action == "reject" else "approved")
        Decision.objects.create(comment=c, commenter=who, moderator=admin, action=action)
"""


@pytest.fixture(scope="module")
def calibration_site(site, server):
    site.manage("adduser", ADMIN, "--role", "admin", env=site.env(NEWSDESK_PASSWORD=ADMIN_PASSWORD))
    site.manage("shell", "-c", DECISIONS)
    return server


def log_in(page, url: str) -> None:
    page.goto(f"{url}/anmelden/?next={URL}")
    page.get_by_label("Benutzername").fill(ADMIN)
    page.get_by_label("Passwort").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{url}{URL}")


@pytest.mark.parametrize("width", [390, 1280])
def test_admin_sees_the_threshold_and_applies_it(new_page, calibration_site, width: int) -> None:
    page = new_page(width, 900)
    log_in(page, calibration_site.url)
    expect(page.get_by_role("heading", name="Halte-Schwelle einstellen")).to_be_visible()
    page.get_by_label("mindestens diesen Anteil dessen auffangen").check()
    page.get_by_label("Anteil in Prozent").fill("80")
    page.get_by_role("button", name="Berechnen").click()
    expect(page.get_by_text("Neue Schwelle")).to_be_visible()
    expect(page.get_by_text("Verwendete Entscheidungen")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"calibration-{width}.png"), full_page=True)
    page.get_by_role("button", name="Diese Schwelle übernehmen").click()
    expect(page.get_by_text("Jetzt in Gebrauch")).to_be_visible()
    page.screenshot(path=str(SHOTS / f"calibration-applied-{width}.png"), full_page=True)
