from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://zeitung.example"
    return settings.MEDIA_ROOT


def png_bytes(width: int, height: int, colour=(200, 30, 40, 255)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGBA", (width, height), colour).save(out, format="PNG")
    return out.getvalue()
