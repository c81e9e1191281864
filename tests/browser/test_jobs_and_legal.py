"""A reader's walk: home → article (with the "Stellenangebote" box) → topic → search → a job posting →
the Impressum through the footer; structured data parsed in the browser, on a phone and on a desktop."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

ARTICLE_TITLE = "Stadtrat beschließt Soforthilfe für Flutopfer"
JOB_TITLE = "Redakteurin / Redakteur (m/w/d) für die Lokalredaktion"


def structured_data(page) -> list[dict]:
    """json.loads of every JSON-LD block, as a search engine would read it from the rendered page."""
    return [json.loads(text) for text in page.locator('script[type="application/ld+json"]').all_text_contents()]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shoot(page, name: str, width: int) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_home_article_topic_search_job_impressum(new_page, server, width):
    page = new_page(width=width, height=844 if width < 500 else 900)
    page.goto(server.url + "/")
    page.get_by_role("link", name=ARTICLE_TITLE).first.click()
    expect(page.locator("h1")).to_have_text(ARTICLE_TITLE)

    box = page.locator(".jobs-box")
    expect(box.get_by_role("heading", name="Stellenangebote")).to_be_visible()
    expect(box.locator("li")).to_have_count(3)
    expect(box.get_by_role("link", name="Alle Stellenangebote")).to_have_attribute("href", "/jobs/")
    (article,) = structured_data(page)
    assert article["@type"] == "NewsArticle" and article["headline"] == ARTICLE_TITLE
    assert {"datePublished", "dateModified", "author", "publisher", "image"} <= article.keys()
    assert no_horizontal_scroll(page)
    box.scroll_into_view_if_needed()
    shoot(page, "article-with-jobs-box", width)

    page.locator(".topics").get_by_role("link", name="Stadt & Politik").click()
    page.wait_for_url(re.compile(r".*/thema/stadt-und-politik/$"))
    expect(page.locator("h1")).to_have_text("Stadt & Politik")

    page.get_by_role("link", name="Suche", exact=True).click()
    page.get_by_label("Suchbegriff").fill("Soforthilfe")
    page.get_by_label("Suchbegriff").press("Enter")
    expect(page.locator(".search-hit").first).to_contain_text("Soforthilfe")

    page.locator(".site-footer").get_by_role("link", name="Stellenangebote").click()
    page.wait_for_url(server.url + "/jobs/")
    expect(page.locator("h1")).to_have_text("Stellenangebote")
    expect(page.locator(".job-card")).to_have_count(4)
    assert no_horizontal_scroll(page)
    shoot(page, "jobs", width)
    page.get_by_label("Homeoffice").select_option(label="Nur remote")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.locator(".job-card")).to_have_count(1)
    page.get_by_role("link", name="Filter zurücksetzen").click()

    page.get_by_role("link", name=JOB_TITLE).click()
    expect(page.locator("h1")).to_have_text(JOB_TITLE)
    (job,) = structured_data(page)
    assert job["@context"] == "https://schema.org" and job["@type"] == "JobPosting"
    assert job["title"] == JOB_TITLE and "<li>" in job["description"]
    assert job["hiringOrganization"]["name"] == "Beispiel Medien GmbH" and job["employmentType"] == "FULL_TIME"
    assert job["jobLocation"]["address"]["addressLocality"] == "Kelmsbrück" and job["directApply"] is False
    assert job["datePosted"] < job["validThrough"] and "jobLocationType" not in job
    expect(page.get_by_role("link", name="Jetzt bewerben")).to_have_attribute(
        "href", "https://beispiel-medien.example/karriere/lokalredaktion")
    assert no_horizontal_scroll(page)
    shoot(page, "job", width)

    page.goto(server.url + "/jobs/datenjournalismus-remote-lindra-datenlabor/")
    (remote,) = structured_data(page)
    assert remote["jobLocationType"] == "TELECOMMUTE" and remote["applicantLocationRequirements"]["name"] == "DE"

    page.locator(".site-footer").get_by_role("link", name="Impressum").click()
    page.wait_for_url(server.url + "/impressum/")
    expect(page.locator("h1")).to_have_text("Impressum")
    expect(page.locator(".legal-page")).to_contain_text("§ 18 Abs. 2 MStV")
    expect(page.locator(".legal-page__updated")).to_contain_text("Stand:")
    assert no_horizontal_scroll(page)
    shoot(page, "impressum", width)
