"""Accepting images: only real pictures of sane size are stored."""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage

from newsdesk.media.models import Image

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 60_000_000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def image_create(*, data: bytes, filename: str, alt_text: str, caption: str = "", credit: str = "",
                 uploaded_by=None) -> Image:
    if not alt_text.strip():
        raise ValidationError(_("Please describe the image for people who cannot see it (alt text)."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The image is larger than 20 MB."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValidationError(_("The image has too many pixels."))
                probe.verify()
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise ValidationError(_("The image has too many pixels.")) from exc
    except Exception as exc:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG, WebP or GIF).")) from exc
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG, WebP or GIF)."))
    extension = ALLOWED_FORMATS[image_format]
    stem = filename.rsplit(".", 1)[0][:60] or "bild"
    image = Image(alt_text=alt_text.strip(), caption=caption.strip(), credit=credit.strip(), uploaded_by=uploaded_by,
                  width=width, height=height)
    image.file.save(f"{stem}.{extension}", ContentFile(data), save=False)
    image.save()
    return image
