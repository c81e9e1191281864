"""/api/v1/images (photos for entries and articles) and /api/v1/rich-text/clean (the editor's Word paste)."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from newsdesk.accounts.auth import API_AUTH
from newsdesk.core.errors import Forbidden, InvalidInput
from newsdesk.core.html import sanitize_rich_text
from newsdesk.media import selectors, services
from newsdesk.media.models import Image

router = Router(tags=["images"], auth=API_AUTH)


class RenditionOut(Schema):
    width: int
    height: int
    url: str
    webp: str


class ImageOut(Schema):
    id: int
    url: str
    alt: str
    caption: str
    credit: str
    width: int
    height: int
    renditions: list[RenditionOut]


class Error(Schema):
    detail: str


class CleanIn(Schema):
    html: str


class CleanOut(Schema):
    html: str


def image_out(image: Image) -> dict:
    return {
        "id": image.pk, "url": image.file.url, "alt": image.alt_text, "caption": image.caption,
        "credit": image.credit, "width": image.width, "height": image.height,
        "renditions": [{"width": r["width"], "height": r["height"], "url": default_storage.url(r["jpeg"]),
                        "webp": default_storage.url(r["webp"])} for r in image.renditions],
    }


def _ensure_editor(request: HttpRequest) -> None:
    if not request.auth.is_editor:
        raise Forbidden(_("Only editors can use the media library."))


@router.post("/images", response={201: ImageOut, 401: Error, 403: Error, 413: Error, 422: Error})
def upload_image(request: HttpRequest, file: File[UploadedFile], alt: Form[str] = "", caption: Form[str] = "",
                 credit: Form[str] = ""):
    """Multipart: `file`, `alt` (required), `caption`, `credit`. Reference the photo in an entry body as
    `<figure data-image-id="ID"></figure>`; the server renders the figure with srcset, caption and credit."""
    if not alt.strip():
        raise InvalidInput(_("Please describe the image for people who cannot see it (alt text)."), field="alt")
    image = services.editor_image_create(user=request.auth, data=file.read(), filename=file.name or "",
                                         alt_text=alt, caption=caption, credit=credit)
    return Status(201, image_out(image))


@router.get("/images", response={200: list[ImageOut], 401: Error, 403: Error})
def list_images(request: HttpRequest, q: str = ""):
    """The picker: newest first, searched in caption, credit and alt text."""
    _ensure_editor(request)
    return [image_out(image) for image in selectors.images_for_picker(q)]


@router.get("/images/{int:image_id}", response={200: ImageOut, 401: Error, 403: Error, 404: Error})
def get_image(request: HttpRequest, image_id: int):
    _ensure_editor(request)
    return image_out(get_object_or_404(Image, pk=image_id))


@router.post("/rich-text/clean", response={200: CleanOut, 401: Error, 403: Error, 422: Error})
def clean_rich_text(request: HttpRequest, payload: CleanIn):
    """Pasted HTML as the server keeps it (desktop Word's list paragraphs become lists)."""
    _ensure_editor(request)
    return {"html": sanitize_rich_text(payload.html)}
