"""Accepting images: only real pictures of sane size are stored, with renditions for every screen width."""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps

from newsdesk.media.models import Image

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 60_000_000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# The file name must say what the file is; "bild.exe" or "foto.pdf" is refused even when Pillow could read it.
EXTENSIONS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
# Widths covering phones (1x/2x) to wide desktop screens; none wider than the original.
RENDITION_WIDTHS = (320, 640, 960, 1280, 1600)
JPEG_QUALITY = 82
WEBP_QUALITY = 78


def _not_readable() -> ValidationError:
    return ValidationError(_("This file is not an image we can read (JPEG, PNG, WebP or GIF)."), code="invalid")


def _probe(data: bytes) -> tuple[str, int, int]:
    """Format and size of the picture, refusing anything that is not one or is too big to decode safely."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
                probe.verify()
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise ValidationError(_("The image has too many pixels."), code="too_many_pixels") from exc
    except Exception as exc:
        raise _not_readable() from exc
    if image_format not in ALLOWED_FORMATS:
        raise _not_readable()
    return image_format, width, height


def rendition_widths(original_width: int) -> list[int]:
    widest = min(original_width, RENDITION_WIDTHS[-1])
    return [*(w for w in RENDITION_WIDTHS if w < widest), widest]


def _encode(picture: PILImage.Image, kind: str) -> bytes:
    buffer = io.BytesIO()
    if kind == "jpeg":
        picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        picture.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()


def _make_renditions(data: bytes, *, stem: str) -> list[dict]:
    """Writes JPEG and WebP files per width; returns their storage names (removed again on failure)."""
    written: list[str] = []
    renditions = []
    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            picture = ImageOps.exif_transpose(opened)
            picture = picture.convert("RGB")  # JPEG has no alpha; transparent PNGs get a black-free white ground
        for width in rendition_widths(picture.width):
            height = max(1, round(picture.height * width / picture.width))
            scaled = picture if width == picture.width else picture.resize((width, height), PILImage.LANCZOS)
            row = {"width": width, "height": height}
            for kind, ext in (("jpeg", "jpg"), ("webp", "webp")):
                name = default_storage.save(f"renditions/{stem}-{width}.{ext}", ContentFile(_encode(scaled, kind)))
                written.append(name)
                row[kind] = name
            renditions.append(row)
    except Exception:
        for name in written:
            default_storage.delete(name)
        raise
    return renditions


def image_create(*, data: bytes, filename: str, alt_text: str, caption: str = "", credit: str = "",
                 uploaded_by=None) -> Image:
    """Checks and stores an upload with its renditions; on any error nothing is left behind."""
    image_format, width, height = image_check(data=data, filename=filename, alt_text=alt_text)
    stem = filename.rpartition(".")[0]
    stem = stem.rsplit("/", 1)[-1][:60] or "bild"
    renditions = _make_renditions(data, stem=stem)
    image = Image(alt_text=alt_text.strip(), caption=caption.strip(), credit=credit.strip(), uploaded_by=uploaded_by,
                  width=width, height=height, renditions=renditions)
    try:
        with transaction.atomic():
            image.file.save(f"{stem}.{ALLOWED_FORMATS[image_format]}", ContentFile(data), save=False)
            image.save()
    except Exception:
        for row in renditions:
            default_storage.delete(row["jpeg"])
            default_storage.delete(row["webp"])
        if image.file.name:
            default_storage.delete(image.file.name)
        raise
    return image


def thumbnail_extension(data: bytes) -> str | None:
    """The file extension of an embed thumbnail fetched from a provider, or None when it is no sane image."""
    if len(data) > MAX_UPLOAD_BYTES:
        return None
    try:
        image_format, _width, _height = _probe(data)
    except ValidationError:
        return None
    return ALLOWED_FORMATS[image_format]


def editor_image_create(*, user, data: bytes, filename: str, alt_text: str, caption: str = "",
                        credit: str = "") -> Image:
    """An upload from the editor (or the API): editors only; the same checks and renditions as lead images."""
    from newsdesk.core.errors import Forbidden, InvalidInput

    if not (user and user.is_authenticated and user.is_editor):
        raise Forbidden(_("Only editors can upload photos."))
    try:
        return image_create(data=data, filename=filename, alt_text=alt_text, caption=caption[:500],
                            credit=credit[:200], uploaded_by=user)
    except ValidationError as exc:
        field = "alt" if exc.code == "alt_required" else "file"
        raise InvalidInput(" ".join(exc.messages), field=field) from exc
def image_check(*, data: bytes, filename: str, alt_text: str) -> tuple[str, int, int]:
    """The checks of image_create without storing anything (an import's dry run): format, width, height."""
    if not alt_text.strip():
        raise ValidationError(_("Please describe the image for people who cannot see it (alt text)."),
                              code="alt_required")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The image is larger than 20 MB."), code="too_large")
    _stem, dot, given_ext = filename.rpartition(".")
    if not dot or given_ext.lower() not in EXTENSIONS:
        raise ValidationError(_("Only files ending in .jpg, .jpeg, .png, .webp or .gif can be uploaded."),
                              code="extension")
    image_format, width, height = _probe(data)
    if EXTENSIONS[given_ext.lower()] != image_format:
        raise ValidationError(_("The file name ends in .%(ext)s, but the file is a %(format)s image.")
                              % {"ext": given_ext.lower(), "format": image_format}, code="extension_mismatch")
    return image_format, width, height
