"""Uploads: only real pictures of sane size, with renditions; a bad upload leaves nothing behind."""

from __future__ import annotations

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from PIL import Image as PILImage

from newsdesk.media.demo import wave_illustration
from newsdesk.media.models import Image
from newsdesk.media.services import image_create, rendition_widths


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list[str]:
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


def png_bytes(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGBA", (width, height), (10, 20, 30, 128)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_renditions_in_jpeg_and_webp_no_wider_than_the_original(media_root):
    image = image_create(data=wave_illustration(seed=3, width=1000, height=500), filename="Fluss.jpg",
                         alt_text="Die Lindra bei Nacht", caption="Am Ufer", credit="Erika Test")
    assert [r["width"] for r in image.renditions] == [320, 640, 960, 1000]
    assert image.renditions[0]["height"] == 160
    for row in image.renditions:
        with PILImage.open(media_root / row["jpeg"]) as jpeg, PILImage.open(media_root / row["webp"]) as webp:
            assert (jpeg.format, webp.format) == ("JPEG", "WEBP")
            assert jpeg.width == webp.width == row["width"]
    assert "320w" in image.srcset_webp and image.srcset_jpeg.endswith("1000w")
    assert image.large_url.endswith("-1000.jpg")


def test_rendition_widths_for_small_and_huge_originals():
    assert rendition_widths(200) == [200]
    assert rendition_widths(4000) == [320, 640, 960, 1280, 1600]


@pytest.mark.django_db
def test_transparent_png_is_accepted():
    image = image_create(data=png_bytes(400, 300), filename="grafik.png", alt_text="Eine Grafik")
    assert (image.width, image.height) == (400, 300)
    assert image.file.name.endswith(".png")


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "filename", "alt", "message"), [
    (b"kein Bild, nur Text", "bild.jpg", "Text", "kein lesbares Bild"),
    (png_bytes(20, 20), "bild.exe", "Bild", "Nur Dateien mit der Endung"),
    (png_bytes(20, 20), "ohne-endung", "Bild", "Nur Dateien mit der Endung"),
    (png_bytes(20, 20), "bild.jpg", "Bild", "ist aber ein PNG-Bild"),
    (png_bytes(20, 20), "bild.png", "  ", "Alternativtext"),
    (b"\xff" * (20 * 1024 * 1024 + 1), "riesig.jpg", "Bild", "größer als 20 MB"),
])
def test_bad_uploads_get_a_german_message_and_store_nothing(media_root, data, filename, alt, message):
    from django.utils import translation

    with translation.override("de"), pytest.raises(ValidationError) as caught:
        image_create(data=data, filename=filename, alt_text=alt)
    assert message in " ".join(caught.value.messages)
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_decompression_bomb_is_refused(media_root, monkeypatch):
    from django.utils import translation

    # A small file that claims more pixels than we decode: Pillow warns, we refuse.
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    with translation.override("de"), pytest.raises(ValidationError, match="zu viele Pixel"):
        image_create(data=png_bytes(100, 100), filename="bombe.png", alt_text="Bombe")
    assert stored_files(media_root) == [] and not Image.objects.exists()


@pytest.mark.django_db
def test_failed_rendition_removes_what_was_written(media_root, monkeypatch):
    from newsdesk.media import services

    calls = []

    def failing(picture, kind):
        calls.append(kind)
        if len(calls) > 3:
            raise OSError("Platte voll")
        return b"x"

    monkeypatch.setattr(services, "_encode", failing)
    with pytest.raises(OSError):
        image_create(data=wave_illustration(seed=1, width=700, height=400), filename="a.jpg", alt_text="A")
    assert stored_files(media_root) == [] and not Image.objects.exists()


@pytest.mark.django_db
def test_figure_tag_renders_srcset_credit_and_enlarge_dialog():
    from django.utils import translation

    image = image_create(data=wave_illustration(seed=2, width=800, height=450), filename="a.jpg",
                         alt_text="Wellen über dem Deich", caption="Der Deich am Morgen", credit="Otto Test")
    with translation.override("de"):
        html = Template("{% load media_tags %}{% figure image dialog_id='bild-1' %}").render(Context({"image": image}))
    assert '<source type="image/webp" srcset="' in html and 'sizes="' in html
    assert 'width="800" height="450"' in html and 'loading="lazy"' in html
    assert "(Foto: Otto Test)" in html and "Der Deich am Morgen" in html
    assert 'aria-controls="bild-1"' in html and '<dialog class="lightbox" id="bild-1"' in html
    assert 'alt="Wellen über dem Deich"' in html
    eager = Template("{% load media_tags %}{% figure image eager=True %}").render(Context({"image": image}))
    assert 'fetchpriority="high"' in eager and 'loading="lazy"' not in eager.split("<dialog")[0]
