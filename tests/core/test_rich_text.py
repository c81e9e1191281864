"""What the rich-text editor produces survives the server unchanged; pasted and plain text become paragraphs."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.html import html_to_text, sanitize_rich_text

# --- the editor's output grammar (core/static/newsdesk/editor.js: its ProseMirror schema) -------------------

words = st.text(alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" .,;:!?–„“'&<>"),
                min_size=1, max_size=30).filter(lambda text: text.strip() == text and text)
hrefs = st.sampled_from(["https://example.org/a?b=1&c=2", "http://kelmsbrueck.example/", "mailto:redaktion@example.org",
                         "https://www.youtube.com/watch?v=Xk3dEf9GhQ0"])


def _text(value: str) -> str:
    return html.escape(value, quote=False)


inline = st.recursive(
    words.map(_text),
    lambda children: st.one_of(
        children.map(lambda c: f"<strong>{c}</strong>"),
        children.map(lambda c: f"<em>{c}</em>"),
        st.tuples(hrefs, words).map(lambda pair: f'<a href="{html.escape(pair[0])}">{_text(pair[1])}</a>'),
    ),
    max_leaves=4,
)
paragraph = st.lists(inline, min_size=1, max_size=3).map(lambda parts: "<p>" + " ".join(parts) + "</p>")
item = paragraph.map(lambda p: f"<li>{p}</li>")
block = st.one_of(
    paragraph,
    st.lists(item, min_size=1, max_size=3).map(lambda items: "<ul>" + "".join(items) + "</ul>"),
    st.lists(item, min_size=1, max_size=3).map(lambda items: "<ol>" + "".join(items) + "</ol>"),
    st.lists(paragraph, min_size=1, max_size=2).map(lambda ps: "<blockquote>" + "".join(ps) + "</blockquote>"),
    words.map(lambda w: f"<h3>{_text(w)}</h3>"),
    st.integers(min_value=1, max_value=999).map(lambda n: f'<figure data-image-id="{n}"></figure>'),
    st.tuples(inline, inline).map(lambda pair: f"<p>{pair[0]}<br>{pair[1]}</p>"),
)
documents = st.lists(block, min_size=1, max_size=5).map("".join)


def _without_rel(markup: str) -> str:
    return markup.replace(' rel="noopener"', "")


@settings(max_examples=200, deadline=None)
@given(documents)
def test_editor_output_survives_saving_unchanged_and_saving_again_changes_nothing(document):
    saved = sanitize_rich_text(document)
    # Nothing an editor writes is dropped: the same markup comes back (links get rel="noopener").
    assert _without_rel(saved) == document
    # Opened in the editor and saved again, the entry stays the same (a stable round trip).
    assert sanitize_rich_text(saved) == saved
    assert html_to_text(saved) == html_to_text(document)


def test_blank_lines_make_paragraphs_in_plain_text():
    assert sanitize_rich_text("Erster Absatz.\n\nZweiter Absatz,\nmit Zeilenumbruch.\n\n\nDritter.") == (
        "<p>Erster Absatz.</p><p>Zweiter Absatz,<br>mit Zeilenumbruch.</p><p>Dritter.</p>")


def test_blank_lines_make_paragraphs_also_when_the_text_holds_tags():
    saved = sanitize_rich_text("Der Pegel steigt <b>deutlich</b>.\n\nZweiter Absatz mit "
                               '<a href="https://example.org">Link</a>.\n\nDritter Absatz.')
    assert saved.count("<p>") == 3
    assert "<p>Der Pegel steigt <b>deutlich</b>.</p>" in saved
    assert '<a href="https://example.org" rel="noopener">Link</a>' in saved


def test_blocks_and_loose_text_mix_and_blank_lines_inside_a_block_do_not_split_it():
    saved = sanitize_rich_text("Vorweg.\n\n<ul><li>Eins</li>\n\n<li>Zwei</li></ul>\n\nDanach <em>kursiv</em>.")
    assert saved.startswith("<p>Vorweg.</p>")
    assert "<ul><li>Eins</li>\n\n<li>Zwei</li></ul>" in saved
    assert saved.endswith("<p>Danach <em>kursiv</em>.</p>")


def test_a_tagged_paragraph_that_is_only_an_address_becomes_a_link_too():
    assert sanitize_rich_text("<p>https://vimeo.com/123456789?a=1&b=2</p>") == (
        '<p><a href="https://vimeo.com/123456789?a=1&amp;b=2" rel="noopener">https://vimeo.com/123456789?a=1&amp;b=2</a></p>')


def test_a_paragraph_that_is_only_an_address_becomes_a_link():
    assert sanitize_rich_text("Das Video:\n\nhttps://youtu.be/Xk3dEf9GhQ0") == (
        '<p>Das Video:</p><p><a href="https://youtu.be/Xk3dEf9GhQ0" rel="noopener">https://youtu.be/Xk3dEf9GhQ0</a></p>')


# --- paste from Word, Google Docs and web pages (samples written for these tests) ----------------------------

WORD_DESKTOP = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>
p.MsoNormal {mso-style-unhide:no; font-size:11.0pt; font-family:"Calibri",sans-serif;}</style></head>
<body lang=DE style='tab-interval:35.4pt'><!--StartFragment-->
<p class=MsoNormal style='margin-bottom:0cm'><b><span style='font-size:12.0pt'>Lage am Deich</span></b><o:p></o:p></p>
<p class=MsoNormal>Die Feuerwehr <i>verstärkt</i> den Damm, Infos bei der
<a href="https://stadt.example/lage" style='color:#0563C1'>Stadt</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>Sandsäcke am Lindrahof<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>Notunterkunft in der Turnhalle<o:p></o:p></p>
<!--EndFragment--></body></html>"""

GOOGLE_DOCS = """<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-0e1f">
<p dir="ltr" style="line-height:1.38;margin-top:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;
font-weight:700;">Stromausfall</span><span style="font-size:11pt;"> in der Weststadt</span></p>
<ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:disc;" aria-level="1">
<p dir="ltr" role="presentation"><span style="font-size:11pt;">Ampeln ausgefallen</span></p></li>
<li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation">
<a href="https://stadtwerke.example/stoerung?utm_source=docs" style="text-decoration:none;"
data-tracking-id="abc123"><span style="color:#1155cc;">Störungskarte</span></a></p></li></ul></b>"""

WEB_PAGE = """<div class="article-body" data-component="text"><p class="lead" style="font-family:Georgia">Die
<em class="highlight">Lindra</em> steigt.</p><p>Quelle: <a href="https://pegel.example/" target="_blank"
ping="https://tracker.example/ping" onclick="track()" data-ga="x">Pegeldienst</a></p><font face="Arial">Ende.</font>
<script>alert(1)</script><img src="https://tracker.example/pixel.gif" width="1" height="1"></div>"""


def test_word_paste_keeps_paragraphs_emphasis_links_and_lists_and_drops_office_markup():
    saved = sanitize_rich_text(WORD_DESKTOP)
    assert "<b>Lage am Deich</b>" in saved and "<i>verstärkt</i>" in saved
    assert '<a href="https://stadt.example/lage" rel="noopener">Stadt</a>' in saved
    assert "<ul><li>Sandsäcke am Lindrahof</li><li>Notunterkunft in der Turnhalle</li></ul>" in saved
    for leftover in ("style", "class", "Mso", "o:p", "supportLists", "font-family", "·", "<span"):
        assert leftover not in saved, leftover


def test_google_docs_paste_keeps_structure_and_drops_styles_and_tracking():
    saved = sanitize_rich_text(GOOGLE_DOCS)
    assert "<ul>" in saved and saved.count("<li>") == 2
    assert '<a href="https://stadtwerke.example/stoerung?utm_source=docs" rel="noopener">Störungskarte</a>' in saved
    for leftover in ("style", "docs-internal-guid", "data-tracking-id", "dir=", "aria-level", "<span"):
        assert leftover not in saved, leftover
    assert "<strong>Stromausfall</strong> in der Weststadt" in saved  # Docs' bold is a styled span
    assert "<b>" not in saved  # the wrapper <b style="font-weight:normal"> does not make it all bold


def test_web_paste_drops_classes_fonts_scripts_handlers_and_tracking_attributes():
    saved = sanitize_rich_text(WEB_PAGE)
    assert "<em>Lindra</em>" in saved
    assert '<a href="https://pegel.example/" rel="noopener">Pegeldienst</a>' in saved
    for leftover in ("class", "style", "data-", "ping", "onclick", "target", "<font", "<script", "alert(1)", "<div"):
        assert leftover not in saved, leftover
