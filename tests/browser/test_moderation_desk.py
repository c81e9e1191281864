"""The moderation desk in a real browser (issue 12): a queue of 30 worked by keyboard only with an undo, a new
comment arriving live as "1 neue", a reader's DSA notice → removal → the author's statement mail whose
complaint link works, an editors' pick moving to the top for a reader live, axe-core on the new pages, and
screenshots of cockpit, drawer, dashboard and report form."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import LIVE_SLUG
from tests.browser.test_accessibility import BLOCKING, describe
from tests.browser.test_comments_live import _log_in_moderator, _post_comment
from tests.browser.test_comments_reader import mail_with

SHOTS = Path(os.environ.get("MODDESK_SHOTS", "/tmp/moddesk-shots"))
UNDO_SECONDS = 12  # the server's undo window (and the statements' delay): short, so the mail test is quick

SEED = """
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from newsdesk.comments import services
from newsdesk.comments.models import Commenter
from newsdesk.liveblogs.models import LiveBlog
blog = LiveBlog.objects.get(slug="{slug}")
texts = {texts!r}
for i, text in enumerate(texts):
    email = "{marker}-%d@example.org" % i
    Commenter.objects.update_or_create(email=email, defaults={{"email_confirmed_at": timezone.now()}})
    c = services.comment_submit(target=blog, display_name="Leser %d {marker}" % i, email=email, body=text,
                                consent=True, ip=None)
    if {approve}:
        services.comment_approve(comment=c, moderator=None)
    print("SEEDED", c.pk, c.status)
"""

PHRASES = ["Die Sandsäcke am Bauhof reichen noch bis morgen früh", "Am Rathaus gibt es warme Suppe für die Helfer",
           "Wann wird die Brücke über die Lindra wieder freigegeben", "Der Pegel sinkt seit dem Mittag langsam",
           "Die Schule bleibt nach Auskunft der Stadt geschlossen", "Danke an die Feuerwehr für den Einsatz"]


@pytest.fixture(scope="module")
def server(site):
    return site.start(COMMENTS_UNDO_SECONDS=str(UNDO_SECONDS))


def seed(site, marker: str, n: int, *, approve: bool = False) -> list[int]:
    texts = [f"{PHRASES[i % len(PHRASES)]}, fragt {marker} zum {i + 1}. Mal." for i in range(n)]
    out = site.manage("shell", "-c", SEED.format(slug=LIVE_SLUG, texts=texts, marker=marker, approve=approve))
    # `shell` also prints how many objects it imported: only the marked lines are ours.
    return [int(line.split()[1]) for line in out.splitlines() if line.startswith("SEEDED ")]


def axe_clean(page) -> None:
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_keyboard_only_queue_of_30_with_undo(new_page, site, server):
    marker = uuid.uuid4().hex[:8]
    ids = seed(site, marker, 30)
    assert len(ids) == 30
    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    moderator.goto(f"{server.url}/moderation/?status=pending&q={marker}")
    items = moderator.locator(".queue-item")
    expect(items).to_have_count(30)
    assert moderator.locator(".queue-item.is-current").count() == 0  # nothing selected before moving
    axe_clean(moderator)
    shoot(moderator, "cockpit-desktop")
    pending = moderator.locator(".queue__count[data-queue=pending]")
    before = int(pending.inner_text())
    moderator.keyboard.press("a")  # the slip of the issue: without moving first, "a" decides nothing
    moderator.wait_for_timeout(300)
    expect(items).to_have_count(30)
    moderator.keyboard.press("j")
    first = moderator.locator(".queue-item.is-current").get_attribute("data-comment-id")
    moderator.keyboard.press("a")
    expect(moderator.locator(f"#q-{first}")).to_have_count(0)
    expect(moderator.locator("#undo-bar")).to_be_visible()
    expect(moderator.locator("#undo-label")).to_have_text("Freigegeben")
    expect(pending).to_have_text(str(before - 1))
    moderator.keyboard.press("u")
    expect(moderator.locator(f"#q-{first}")).to_have_count(1)
    expect(pending).to_have_text(str(before))
    decided = 0
    for n in range(30):
        current = moderator.locator(".queue-item.is-current")
        if current.count() == 0:
            moderator.keyboard.press("j")
        expect(moderator.locator(".queue-item.is-current")).to_have_count(1)
        pk = moderator.locator(".queue-item.is-current").get_attribute("data-comment-id")
        if n % 3 == 2:
            moderator.keyboard.press("r")
            expect(moderator.locator("#reason-picker")).to_be_visible()
            moderator.keyboard.press("1")
        else:
            moderator.keyboard.press("a")
        expect(moderator.locator(f"#q-{pk}")).to_have_count(0)
        decided += 1
    expect(items).to_have_count(0)
    expect(pending).to_have_text(str(before - decided))
    out = site.manage("shell", "-c", "from newsdesk.comments.models import Comment; print('STATES', sorted(set("
                      f"Comment.objects.filter(pk__in={ids}).values_list('status', flat=True))))")
    assert "STATES ['approved', 'rejected']" in out


def test_new_comment_appears_live_as_a_quiet_counter(new_page, site, server):
    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    moderator.goto(f"{server.url}/moderation/?status=pending")
    moderator.wait_for_timeout(800)  # the moderators' stream connects
    marker = uuid.uuid4().hex[:8]
    writer = new_page()
    # The server's first comment loads the screening model (about 2 s of CPU, far more on a loaded machine).
    writer.set_default_timeout(45_000)
    _post_comment(writer, site, server, f"{server.url}/newsblog/{LIVE_SLUG}/", marker,
                  f"Gibt es für {marker} am Bauhof noch Sandsäcke zum Abholen?")
    counter = moderator.locator("#queue-new")
    expect(counter).to_have_text("1 neue")
    assert moderator.locator(f".queue-item:has-text('{marker}')").count() == 0  # nothing jumps in by itself
    counter.click()
    expect(moderator.locator(f".queue-item:has-text('{marker}')")).to_have_count(1)


def test_notice_removal_statement_mail_and_complaint(new_page, site, server):
    marker = uuid.uuid4().hex[:8]
    [pk] = seed(site, marker, 1, approve=True)
    reader = new_page(width=390, height=844)
    reader.goto(f"{server.url}/newsblog/{LIVE_SLUG}/#kommentar-{pk}")
    reader.locator(f"#kommentar-{pk}").get_by_role("link", name="Melden").click()
    expect(reader.get_by_role("heading", name="Kommentar melden")).to_be_visible()
    axe_clean(reader)
    shoot(reader, "report-form-phone")
    reader.get_by_role("button", name="Meldung senden").click()
    expect(reader.locator(".field-error").first).to_be_visible()  # nothing chosen: told what is missing
    reader.get_by_label("rechtswidrig: Beleidigung (§ 185 StGB)").check()
    reader.get_by_label("Warum?", exact=False).fill("Der Kommentar beschimpft die Helfer.")
    reader.get_by_label("Ihre E-Mail-Adresse (freiwillig", exact=False).fill(f"melder-{marker}@example.org")
    reader.get_by_label("Ich bin in gutem Glauben", exact=False).check()
    reader.get_by_role("button", name="Meldung senden").click()
    expect(reader.locator("#notice-received")).to_contain_text("Eingangsbestätigung")
    assert mail_with(site, f"melder-{marker}@example.org", "erhalten")

    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    moderator.goto(f"{server.url}/moderation/?status=notices&q={marker}")
    expect(moderator.locator(".queue-item__notice")).to_contain_text("Beleidigung")
    moderator.keyboard.press("j")
    moderator.keyboard.press("r")
    moderator.keyboard.press("4")  # "rechtswidrig"
    expect(moderator.locator(f"#q-{pk}")).to_have_count(0)

    message = mail_with(site, f"{marker}-0@example.org", "nicht veröffentlicht", tries=(UNDO_SECONDS + 20) * 5)
    text = message.get_body(("plain",)).get_content()
    assert "§ 185 StGB" in text and "entschieden hat ein Mensch" in text
    link = re.search(r"https?://\S+/kommentare/einspruch/\S+/", text).group(0)
    author = new_page(width=390, height=844)
    author.set_content(message.get_body(("html",)).get_content())  # how the statement mail looks
    shoot(author, "statement-mail-phone")
    author.goto(server.url + "/kommentare/" + link.split("/kommentare/", 1)[1])
    expect(author.get_by_role("heading", name="Beschwerde gegen eine Moderationsentscheidung")).to_be_visible()
    axe_clean(author)
    author.get_by_label("Warum sollten wir diese Entscheidung ändern?").fill("Das war Kritik, keine Beleidigung.")
    author.get_by_role("button", name="Beschwerde senden").click()
    expect(author.get_by_role("heading", name="Beschwerde erhalten")).to_be_visible()
    assert mail_with(site, f"melder-{marker}@example.org", "Entscheidung", tries=(UNDO_SECONDS + 20) * 5)


def test_featured_comment_moves_to_the_top_for_a_reader_live(new_page, site, server):
    marker = uuid.uuid4().hex[:8]
    older, _newer = seed(site, marker, 2, approve=True)
    reader = new_page()
    reader.goto(f"{server.url}/newsblog/{LIVE_SLUG}/")
    reader.evaluate("window.notReloaded = true")
    reader.wait_for_timeout(800)
    assert reader.locator("#comment-list > .comment-thread").first.get_attribute("data-thread-id") != str(older)
    moderator = new_page()
    _log_in_moderator(moderator, site, server)
    moderator.goto(f"{server.url}/moderation/?status=approved&q={marker}")
    expect(moderator.locator(".queue-item")).to_have_count(2)
    for _ in range(2):
        moderator.keyboard.press("j")
        if moderator.locator(".queue-item.is-current").get_attribute("data-comment-id") == str(older):
            break
    moderator.keyboard.press("f")
    expect(moderator.locator("#undo-label")).to_have_text("Als Redaktionsempfehlung markiert")
    first = reader.locator("#comment-list > .comment-thread").first
    expect(first).to_have_attribute("data-thread-id", str(older))
    expect(first.locator(".comment__badge--featured")).to_have_text("Redaktionsempfehlung")
    assert reader.evaluate("window.notReloaded === true")
    reader.reload()
    expect(reader.locator("#comment-list > .comment-thread").first).to_have_attribute("data-thread-id", str(older))


def test_drawer_suspension_and_dashboard_screens(new_page, site, server):
    marker = uuid.uuid4().hex[:8]
    seed(site, marker, 2)
    for width in (390, 1280):
        moderator = new_page(width=width, height=900)
        _log_in_moderator(moderator, site, server)
        moderator.goto(f"{server.url}/moderation/?status=pending&q={marker}")
        if width == 390:
            shoot(moderator, "cockpit-phone")
        moderator.keyboard.press("j")
        moderator.keyboard.press("c")
        drawer = moderator.locator("#drawer")
        expect(drawer.get_by_role("heading", name="Kommentierende Person")).to_be_visible()
        shoot(moderator, f"drawer-{width}")
        moderator.goto(f"{server.url}/moderation/zahlen/")
        expect(moderator.locator("svg.chart").first).to_be_visible()
        axe_clean(moderator)
        shoot(moderator, f"dashboard-{width}")
    moderator.goto(f"{server.url}/moderation/?status=pending&q={marker}")
    moderator.keyboard.press("j")
    moderator.keyboard.press("c")
    drawer = moderator.locator("#drawer")
    drawer.get_by_label("7 Tage").check()
    drawer.get_by_label("Grund (wird der Person mitgeteilt)").fill("Wiederholt beleidigend")
    drawer.get_by_role("button", name="Sperren …").click()
    expect(drawer.locator(".drawer__confirm")).to_contain_text("für 7 Tage gesperrt")
    drawer.get_by_role("button", name="Ja, sperren").click()
    expect(drawer.locator(".drawer__facts")).to_contain_text("gesperrt bis")
    drawer.get_by_role("button", name="Rückgängig").click()
    expect(drawer.locator(".drawer__facts")).not_to_contain_text("gesperrt bis")
