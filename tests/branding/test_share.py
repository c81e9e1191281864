"""Share links (issue 17): plain links with the page's canonical address, no tracking, no third-party script."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from django.test import Client

from newsdesk.articles import services as article_services
from newsdesk.articles.models import Article, Author
from newsdesk.liveblogs import services as liveblog_services
from newsdesk.liveblogs.rendering import entry_html

pytestmark = pytest.mark.django_db

SERVICES = ("email", "whatsapp", "x", "facebook", "linkedin", "bluesky")


def share_hrefs(html: str, block_start: str) -> dict[str, str]:
    block = html[html.index(block_start):]
    block = block[:block.index('<span class="share__status"')]
    return {key: href.replace("&amp;", "&") for key, href in
            re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', block)}


def assert_carry(hrefs: dict[str, str], url: str) -> None:
    assert set(hrefs) == set(SERVICES)
    for key, href in hrefs.items():
        assert url in unquote(href), (key, href)
        assert "utm_" not in href and "fbclid" not in href
        for values in parse_qs(urlsplit(href).query).values():
            for value in values:
                for found in re.findall(r"https?://\S+", value):
                    assert found == url, (key, found)  # the address itself, nothing appended


def test_article_share_links_carry_its_canonical_address():
    author = Author.objects.create(name="Erika Test", slug="erika-test")
    article = article_services.article_create(headline="Testhausen baut eine Brücke", teaser="Vorspann.",
                                              body="<p>Text.</p>", authors=[author])
    article.status = Article.Status.PUBLISHED
    from django.utils import timezone
    article.published_at = timezone.now()
    article_services.article_save(article=article)
    html = Client().get(article.get_absolute_url()).content.decode()
    hrefs = share_hrefs(html, '<div class="share"')
    assert_carry(hrefs, f"https://zeitung.example{article.get_absolute_url()}")
    assert hrefs["email"].startswith("mailto:?subject=Testhausen%20baut%20eine%20Br%C3%BCcke&body=")
    assert hrefs["bluesky"].startswith("https://bsky.app/intent/compose?text=")
    assert 'class="share__copy button button--small button--quiet"' in html and ">Link kopieren<" in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert not re.search(r'<script[^>]+src="https?://', html)  # no third-party script


def test_newsblog_entry_shares_its_own_address(liveblog, editor):
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Die Brücke ist gesperrt.</p>",
                                           headline="Brücke gesperrt")
    html = Client().get(liveblog.get_absolute_url()).content.decode()
    entry_html = html[html.index(f'data-entry-id="{entry.pk}" data-version'):]
    hrefs = share_hrefs(entry_html, '<details class="share share--compact"')
    url = f"https://zeitung.example/newsblog/{liveblog.slug}/eintrag/{entry.pk}/"
    assert_carry(hrefs, url)
    assert "Brücke gesperrt" in unquote(hrefs["x"])
    # the newsblog itself has a bar too, with its own address
    assert_carry(share_hrefs(html, '<div class="share"'), f"https://zeitung.example{liveblog.get_absolute_url()}")


def test_pushed_entries_carry_a_stub_and_the_page_the_menu_that_fills_it(liveblog, editor):
    """Every reader receives each pushed entry: its share links (4.4 of 7 KB in both languages) are built by the
    page's script from the page's one template, and come out as the links the server renders for that entry."""
    entry = liveblog_services.entry_create(liveblog=liveblog, author=editor, body="<p>Die Fähre fährt wieder.</p>",
                                           headline="Fähre & Bus: Betrieb läuft")
    pushed = entry_html(entry)
    url = f"https://zeitung.example/newsblog/{liveblog.slug}/eintrag/{entry.pk}/"
    for code, html in pushed.items():
        assert "share__link" not in html and "wa.me" not in html
        address = url if code == "de" else url.replace(".example/", ".example/en/")
        stub = f'<span class="share-stub" data-url="{address}" data-title="Fähre &amp; Bus: Betrieb läuft" hidden>'
        assert stub in html
    assert all(len(html.encode()) < 1500 for html in pushed.values()), {k: len(v) for k, v in pushed.items()}

    page = Client().get(liveblog.get_absolute_url()).content.decode()
    template = page[page.index('<template id="share-menu">'):]
    template = template[:template.index("</template>")]
    # What liveblog.js does: encodeURIComponent() of the stub's address and title into the placeholders.
    encode = lambda value: quote(value, safe="-_.!~*'()")  # noqa: E731
    filled = {key: href.replace("__share_url__", encode(url)).replace("__share_title__", encode(entry.headline))
              for key, href in share_hrefs(template, '<details class="share share--compact"').items()}
    served = page[page.index(f'data-entry-id="{entry.pk}" data-version'):]
    rendered = share_hrefs(served, '<details class="share share--compact"')
    assert_carry(filled, url)
    assert {key: unquote(href) for key, href in filled.items()} == {
        key: unquote(href) for key, href in rendered.items()}


def test_relative_times_are_left_to_the_script():
    html = Client().get("/").content.decode()
    assert "vor " not in html  # shared-cached pages carry the absolute time only
    assert '<script src="/static/branding/frame.js" defer></script>' in html
