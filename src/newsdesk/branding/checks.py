"""Checks of what editors upload or type as the site's identity: colour contrast, logo files, the icon."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET  # no DTDs or entities are let through: see svg_problem

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
TINT = "#f3f5f7"  # the light grey boxes (messages, sign-up) where accent links and borders sit (site.css --tint)
AA_NORMAL_TEXT = 4.5
LOGO_MAX_BYTES = 1024 * 1024
ICON_MIN_PIXELS = 512
ICON_MAX_BYTES = 10 * 1024 * 1024


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of '#rrggbb'."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def accent_problem(colour: str) -> str | None:
    """Why the accent colour cannot be used, in German-ready English (translated by the caller), or None.

    The accent is the background of buttons with white text and the colour of links on white and on the
    light grey boxes, so it needs 4.5:1 against white and against that grey (WCAG 2.1 AA, normal text).
    """
    if not HEX_COLOUR.match(colour or ""):
        return "format"
    worst = min(contrast_ratio(colour, WHITE), contrast_ratio(colour, TINT))
    return None if worst >= AA_NORMAL_TEXT else f"{worst:.2f}"


_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN_TAGS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_LINK_ATTRS = {"href", "{http://www.w3.org/1999/xlink}href", "src"}


def svg_problem(data: bytes) -> str | None:
    """None for an SVG logo that cannot run code or load anything; else what is wrong with it.

    Refused rather than cleaned: a logo with a script is not a logo, and the editor should know.
    """
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        return "doctype"
    try:
        root = ET.fromstring(data)  # noqa: S314 (no DTD reaches here, so no entity expansion)
    except ET.ParseError:
        return "unreadable"
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        return "unreadable"
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if tag in _FORBIDDEN_TAGS:
            return "script"
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return "script"
            if name in _LINK_ATTRS or local == "href":
                target = value.strip().lower()
                if not target.startswith("#") and not target.startswith("data:image/"):
                    return "script" if target.startswith("javascript:") else "external"
        if tag == "style" and ("@import" in (element.text or "") or "url(" in (element.text or "")):
            return "external"
    return None


def logo_kind(data: bytes, filename: str) -> str:
    """'svg' or 'png' for an acceptable logo file; raises ValueError with a reason code otherwise."""
    name = filename.lower()
    if len(data) > LOGO_MAX_BYTES:
        raise ValueError("size")
    if name.endswith(".svg"):
        problem = svg_problem(data)
        if problem:
            raise ValueError(problem)
        return "svg"
    if name.endswith(".png") and data.startswith(b"\x89PNG\r\n\x1a\n"):
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                picture.verify()
        except (UnidentifiedImageError, OSError, SyntaxError):
            raise ValueError("unreadable") from None
        return "png"
    raise ValueError("type")


def icon_problem(data: bytes) -> str | None:
    """None for a picture the icons can be made from (PNG/JPEG/WebP, at least 512 px on its shorter side)."""
    if len(data) > ICON_MAX_BYTES:
        return "size"
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            if picture.format not in {"PNG", "JPEG", "WEBP"}:
                return "type"
            if min(picture.size) < ICON_MIN_PIXELS:
                return "small"
            picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError, PILImage.DecompressionBombError):
        return "unreadable"
    return None
