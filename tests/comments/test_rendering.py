from __future__ import annotations

from html.parser import HTMLParser

from django.template.loader import render_to_string
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.comments.models import Comment
from newsdesk.comments.rendering import LINK_REL, render_body


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.tags.append(("!--", {}))

    def handle_pi(self, data):
        self.tags.append(("?", {}))

    def handle_decl(self, decl):
        self.tags.append(("!", {}))


def _tags(markup: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser.tags


def _assert_only_our_markup(markup: str) -> None:
    for tag, attrs in _tags(markup):
        assert tag in {"p", "br", "a"}, (tag, markup)
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, markup
            assert attrs["rel"] == LINK_REL
            assert attrs["href"].lower().startswith(("http://", "https://")), markup
    assert "<script" not in markup.lower()


HOSTILE = st.sampled_from([
    "<", ">", "&", '"', "'", "`", "<script>", "</p>", "<a href=x>", "javascript:", "http://", "https://",
    "www.", "onerror=", "<img src=x onerror=alert(1)>", "\n", "\n\n", " ", "&lt;", "<!--", "-->", "<![CDATA[",
    "\u200b", "＜script＞", "data:text/html,", "\"onmouseover=\"", "e.de",
])
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=12)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_no_input_makes_markup_appear_in_the_rendered_body(text):
    _assert_only_our_markup(render_body(text))


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_no_input_makes_markup_appear_in_the_rendered_comment(name, body):
    comment = Comment(pk=1, display_name=name, body=body, status=Comment.Status.APPROVED)
    html = render_to_string("comments/_comment.html", {"comment": comment})
    body_html = html.split('<div class="comment__body">', 1)[1]
    _assert_only_our_markup(body_html.rsplit("</div>", 1)[0])
    # The name is text only: the template's own tags come first, the body's follow the body div.
    assert [t for t, _ in _tags(html)][:5] == ["article", "header", "strong", "time", "div"]
    assert "<script" not in html.lower()


def test_paragraphs_line_breaks_and_links():
    html = render_body("Erster Absatz\nzweite Zeile\n\nSiehe https://pegel.example/lindra?x=1&y=2.")
    assert html == ('<p>Erster Absatz<br>zweite Zeile</p><p>Siehe <a href="https://pegel.example/lindra?x=1&amp;y=2" '
                    'rel="nofollow ugc noopener">https://pegel.example/lindra?x=1&amp;y=2</a>.</p>')


def test_www_links_get_https_and_other_schemes_stay_text():
    html = render_body("www.kelmsbrueck.example und javascript:alert(1)")
    assert 'href="https://www.kelmsbrueck.example"' in html
    assert 'href="javascript' not in html
