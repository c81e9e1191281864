"""Favicon and home-screen icons, drawn with Pillow from the identity's one upload or from its name and colour."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

PNG_SIZES = (16, 32, 180, 192, 512)
ICO_SIZES = (16, 32, 48)


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def default_master(name: str, accent: str, size: int = 512) -> PILImage.Image:
    """A rounded square in the accent colour with the site name's first letter in white."""
    picture = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=_hex_to_rgb(accent))
    letter = (name.strip()[:1] or "N").upper()
    font = ImageFont.load_default(size=int(size * 0.62))
    left, top, right, bottom = draw.textbbox((0, 0), letter, font=font)
    draw.text(((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top), letter,
              font=font, fill=(255, 255, 255))
    return picture


def master_from_upload(data: bytes) -> PILImage.Image:
    """The upload as a square RGBA picture: the shorter side decides, the longer one is centred and cropped."""
    with PILImage.open(io.BytesIO(data)) as source:
        picture = source.convert("RGBA")
    side = min(picture.size)
    left = (picture.width - side) // 2
    top = (picture.height - side) // 2
    return picture.crop((left, top, left + side, top + side))


def png(master: PILImage.Image, size: int) -> bytes:
    out = io.BytesIO()
    master.resize((size, size), PILImage.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()


def ico(master: PILImage.Image) -> bytes:
    out = io.BytesIO()
    master.resize((64, 64), PILImage.Resampling.LANCZOS).save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return out.getvalue()
