import re

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.core.html import html_to_text, reading_minutes, sanitize_rich_text, word_count


def test_script_and_event_handlers_are_removed():
    cleaned = sanitize_rich_text('<p onclick="x()">Hallo<script>alert(1)</script><img src=x onerror=alert(1)></p>')
    assert "script" not in cleaned
    assert "onclick" not in cleaned
    assert "onerror" not in cleaned
    assert cleaned.startswith("<p>Hallo")


def test_links_get_noopener_and_unsafe_schemes_are_dropped():
    cleaned = sanitize_rich_text(
        '<p><a href="https://example.org/a">gut</a> <a href="javascript:alert(1)">böse</a></p>'
    )
    assert '<a href="https://example.org/a" rel="noopener">gut</a>' in cleaned
    assert "javascript" not in cleaned


def test_allowed_structure_survives():
    source = (
        "<h3>Zwischentitel</h3><ul><li>eins</li></ul><blockquote>Zitat</blockquote>"
        "<p><em>a</em> <strong>b</strong></p>"
    )
    assert sanitize_rich_text(source) == source


def test_plain_text_becomes_paragraphs_and_is_escaped():
    cleaned = sanitize_rich_text("Erste Zeile\nzweite Zeile\n\nNeuer Absatz mit 5 > 3 & Co.")
    assert cleaned == "<p>Erste Zeile<br>zweite Zeile</p><p>Neuer Absatz mit 5 &gt; 3 &amp; Co.</p>"


def test_text_extraction_and_reading_time_rule():
    text = html_to_text("<p>Ein Satz.</p><p>Noch&nbsp;einer &amp; mehr</p>")
    assert text == "Ein Satz. Noch einer & mehr"
    assert word_count("Größere Überschwemmung in Kelmsbrück, 3,5 Meter") == 7
    # 200 words a minute, rounded up, never below one minute.
    assert reading_minutes(0) == 1
    assert reading_minutes(200) == 1
    assert reading_minutes(201) == 2
    assert reading_minutes(2200) == 11


TAGS = ["p", "a", "script", "img", "iframe", "style", "svg", "b", "em", "object", "math", "form", "input"]
ATTRS = ["href", "src", "onload", "onerror", "style", "srcdoc", "formaction", "xlink:href"]


@st.composite
def hostile_html(draw):
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        tag = draw(st.sampled_from(TAGS))
        attr = draw(st.sampled_from(ATTRS))
        value = draw(st.sampled_from(["javascript:alert(1)", "x", "data:text/html,<script>", "https://e.org"]))
        text = draw(st.text(max_size=20))
        parts.append(f'<{tag} {attr}="{value}">{text}</{tag}>')
    return "".join(parts)


@given(st.one_of(hostile_html(), st.text(max_size=300)))
def test_no_input_yields_script_or_handlers(source):
    cleaned = sanitize_rich_text(source)
    lowered = cleaned.lower()
    assert "<script" not in lowered
    assert "<iframe" not in lowered
    assert "<svg" not in lowered
    assert "javascript:" not in lowered
    assert not re.search(r"<[^>]+\son\w+\s*=", lowered)
    assert not re.search(r"<[^>]+\sstyle\s*=", lowered)


def test_defect7_blockquote_cite_with_javascript_is_dropped():
    cleaned = sanitize_rich_text('<blockquote cite="javascript:alert(1)"><p>Zitat des Bürgermeisters</p></blockquote>')
    assert "javascript" not in cleaned
    assert "<blockquote><p>Zitat des Bürgermeisters</p></blockquote>" in cleaned


def test_defect7_obfuscated_schemes_are_dropped_on_every_url_attribute():
    from newsdesk.core.html import filter_url_attribute

    for value in ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "&#106;avascript:x",
                  "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)"]:
        for attribute in ("href", "src", "cite", "poster"):
            assert filter_url_attribute("x", attribute, value) is None, (attribute, value)
    assert filter_url_attribute("img", "srcset", "/a.jpg 1x, javascript:alert(1) 2x") is None
    assert filter_url_attribute("img", "srcset", "/a.jpg 320w, https://example.org/b.jpg 640w") is not None


def test_defect7_safe_cite_and_relative_urls_stay():
    cleaned = sanitize_rich_text('<blockquote cite="https://example.org/rede">Zitat</blockquote>'
                                 '<p><a href="/artikel/pegel/">intern</a> <img src="/media/a.jpg" alt="Pegel"></p>')
    assert 'cite="https://example.org/rede"' in cleaned
    assert 'href="/artikel/pegel/"' in cleaned and 'src="/media/a.jpg"' in cleaned
