"""Site identity (issue 17): icons and manifest from one upload or a default, checked colours and logos,
and everything on the page drawn from the identity."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage

from newsdesk.articles.models import Topic
from newsdesk.branding import checks, services
from newsdesk.branding.models import Section, SiteIdentity
from newsdesk.branding.selectors import frame
from tests.branding.conftest import png_bytes

pytestmark = pytest.mark.django_db

GOOD_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><title>Testhausener Bote</title>'
            b'<rect width="100" height="20" fill="#0b4f8a"/></svg>')


def save(**fields) -> SiteIdentity:
    identity = SiteIdentity(**fields)
    changed = {name for name in ("logo_light", "logo_dark", "favicon_source") if fields.get(name)}
    return services.identity_save(identity, changed_files=changed)


def picture(response) -> PILImage.Image:
    return PILImage.open(io.BytesIO(response.content))


def test_favicon_and_manifest_answer_without_any_upload():
    client = Client()
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon["Content-Type"] == "image/x-icon"
    assert picture(favicon).format == "ICO"
    manifest = client.get("/manifest.webmanifest")
    assert manifest.status_code == 200 and manifest["Content-Type"].startswith("application/manifest+json")
    data = json.loads(manifest.content)
    assert data["name"] == "newsdesk" and data["theme_color"] == "#0b4f8a"
    for icon in data["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_manifest_and_default_icon_follow_the_identity():
    save(name="Testhausener Bote", short_name="Bote", accent_color="#7a1020")
    data = json.loads(Client().get("/manifest.webmanifest").content)
    assert (data["name"], data["short_name"], data["theme_color"]) == ("Testhausener Bote", "Bote", "#7a1020")
    icon = picture(Client().get("/icons/icon-512.png")).convert("RGB")
    assert icon.getpixel((40, 256)) == (0x7A, 0x10, 0x20)  # the accent colour, not the old default blue


@pytest.mark.parametrize("size", [16, 32, 180, 192, 512])
def test_touch_icons_have_their_sizes_from_one_upload(size):
    upload = SimpleUploadedFile("symbol.png", png_bytes(800, 600), content_type="image/png")
    save(name="Testhausener Bote", favicon_source=upload)
    response = Client().get(f"/icons/icon-{size}.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    icon = picture(response)
    assert icon.size == (size, size)
    assert icon.convert("RGBA").getpixel((size // 2, size // 2)) == (200, 30, 40, 255)  # from the upload


def test_favicon_from_the_upload_holds_16_and_32_pixels():
    save(favicon_source=SimpleUploadedFile("symbol.png", png_bytes(512, 512), content_type="image/png"))
    icon = picture(Client().get("/favicon.ico"))
    assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])
    assert icon.convert("RGBA").getpixel((8, 8)) == (200, 30, 40, 255)


def test_unknown_icon_size_is_404():
    assert Client().get("/icons/icon-77.png").status_code == 404


def test_icon_smaller_than_512_is_refused_with_a_german_message():
    with pytest.raises(ValidationError) as caught:
        save(favicon_source=SimpleUploadedFile("klein.png", png_bytes(100, 100), content_type="image/png"))
    assert "mindestens 512 × 512 Pixel" in str(caught.value.message_dict["favicon_source"])


@pytest.mark.parametrize("colour", ["#ffcc00", "#7fb2e5", "#ffffff"])
def test_light_accent_colour_is_refused_with_the_contrast(colour):
    with pytest.raises(ValidationError) as caught:
        save(accent_color=colour)
    message = caught.value.message_dict["accent_color"][0]
    assert "zu hell" in message and "4,5:1" in message
    assert not SiteIdentity.objects.exists()


def test_contrast_ratio_is_the_wcag_one():
    assert checks.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert checks.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert checks.accent_problem("#0b4f8a") is None
    assert checks.accent_problem("blau") == "format"


def test_badly_written_colour_gets_its_own_message():
    with pytest.raises(ValidationError) as caught:
        save(accent_color="blau")
    assert "sechs Hexadezimalziffern" in caught.value.message_dict["accent_color"][0]


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
    b'<a x:href="javascript:alert(1)"><rect width="1" height="1"/></a></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
])
def test_svg_logo_with_script_is_refused(svg):
    with pytest.raises(ValidationError) as caught:
        save(logo_light=SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"))
    assert "Skript" in caught.value.message_dict["logo_light"][0]


def test_svg_with_entities_or_external_images_is_refused():
    entity = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    external = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>'
    for data, field in ((entity, "logo_light"), (external, "logo_dark")):
        with pytest.raises(ValidationError) as caught:
            save(**{field: SimpleUploadedFile("logo.svg", data, content_type="image/svg+xml")})
        assert "abgelehnt" in caught.value.message_dict[field][0]


def test_logo_must_be_svg_or_png():
    with pytest.raises(ValidationError) as caught:
        save(logo_light=SimpleUploadedFile("logo.gif", b"GIF89a....", content_type="image/gif"))
    assert "SVG- oder PNG" in caught.value.message_dict["logo_light"][0]


def test_the_page_frame_renders_from_the_identity():
    save(name="Testhausener Bote", accent_color="#7a1020", description="Nachrichten aus Testhausen.",
         logo_light=SimpleUploadedFile("logo.svg", GOOD_SVG, content_type="image/svg+xml"))
    html = Client().get("/").content.decode()
    assert "<title>Startseite – Testhausener Bote</title>" in html
    assert '<meta property="og:site_name" content="Testhausener Bote">' in html
    assert '<meta name="description" content="Nachrichten aus Testhausen.">' in html
    assert 'style="--accent: #7a1020"' in html and '<meta name="theme-color" content="#7a1020">' in html
    assert 'class="site-logo" src="/media/branding/logo' in html and 'alt="Testhausener Bote"' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html and 'href="/favicon.ico"' in html
    assert "newsdesk" not in html.split("<body")[1].split("</header>")[0]  # nothing hard-coded in the header


def test_a_change_shows_on_the_next_page_at_once():
    Client().get("/")  # fills the cache
    save(name="Testhausener Bote")
    assert "– Testhausener Bote</title>" in Client().get("/").content.decode()
    assert frame().name == "Testhausener Bote"


def test_sections_in_the_editors_order_in_header_and_footer():
    politik = Topic.objects.create(name="Stadt & Politik", slug="stadt-und-politik")
    sport = Topic.objects.create(name="Sport aus der Region", slug="sport")
    Section.objects.create(topic=sport, label="Sport", position=1)
    Section.objects.create(topic=politik, position=2)
    html = Client().get("/").content.decode()
    header = html[html.index('<nav class="section-nav"'):html.index("</header>")]
    sport_at = header.index('href="/thema/sport/">Sport</a>')
    assert sport_at < header.index('href="/thema/stadt-und-politik/">Stadt &amp; Politik')
    footer = html[html.index('<footer class="site-footer">'):]
    assert 'href="/thema/sport/"' in footer and 'href="/impressum/"' in footer and 'href="/datenschutz/"' in footer
    assert 'href="/feed/"' in footer and 'href="/#newsletter-title"' in footer
    Section.objects.filter(topic=sport).update(position=3)  # an update() sends no signal: saves do
    Section.objects.get(topic=sport).save()
    header = Client().get("/").content.decode().split('<nav class="section-nav"')[1].split("</nav>")[0]
    assert header.index("stadt-und-politik") < header.index("/thema/sport/")


def test_topic_page_marks_its_section_current():
    topic = Topic.objects.create(name="Sport", slug="sport")
    Section.objects.create(topic=topic)
    html = Client().get("/thema/sport/").content.decode()
    assert '<a href="/thema/sport/" aria-current="page">Sport</a>' in html


def test_menu_button_works_as_disclosure_and_nav_is_there_without_script():
    html = Client().get("/").content.decode()
    assert '<button type="button" class="menu-toggle" aria-expanded="false" aria-controls="site-menu" hidden>' in html
    assert 'id="site-menu"' in html  # in the page without script: the menu button only appears with it


def test_admin_form_refuses_a_light_colour(site_admin):
    site_admin.is_staff = site_admin.is_superuser = True
    site_admin.save()
    client = Client()
    client.force_login(site_admin)
    response = client.post("/admin/branding/siteidentity/add/", {"name": "Bote", "accent_color": "#ffdd55"})
    assert response.status_code == 200 and "zu hell" in response.content.decode()
    response = client.post("/admin/branding/siteidentity/add/", {"name": "Bote", "accent_color": "#0b4f8a"})
    assert response.status_code == 302 and SiteIdentity.objects.get().name == "Bote"
    assert client.get("/admin/branding/siteidentity/").status_code == 302  # the list opens the one form


def test_demo_sections_once_and_only_when_none_chosen():
    from newsdesk.branding import demo

    Topic.objects.create(name="Hochwasser an der Lindra", slug="hochwasser")
    Topic.objects.create(name="Kultur & Freizeit", slug="kultur")
    assert demo.load() == ["Hochwasser", "Kultur"]
    assert demo.load() == []
    assert 'href="/thema/kultur/">Kultur</a>' in Client().get("/").content.decode()


def test_feeds_and_structured_data_name_the_site_from_the_identity():
    from newsdesk.core.seo import publisher

    save(name="Testhausener Bote")
    assert "<title>Testhausener Bote</title>" in Client().get("/feed/").content.decode()
    data = publisher()
    assert data["name"] == "Testhausener Bote"
    assert data["logo"]["url"] == "https://zeitung.example/icons/icon-512.png"


def test_embed_page_uses_the_site_fonts_and_accent(liveblog):
    save(name="Testhausener Bote", accent_color="#7a1f2b")
    html = Client().get(f"/newsblog/{liveblog.slug}/einbetten/").content.decode()
    assert 'rel="preload"' in html and "source-sans-3-latin-400-normal" in html and 'as="font"' in html
    assert html.index("newsdesk/site.css") < html.index("branding/fonts/fonts.css")  # its families win
    assert 'style="--accent: #7a1f2b"' in html and "Testhausener Bote" in html
