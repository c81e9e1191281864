"""`{% rich_editor %}`: the one partial for the rich-text editor, wherever editors write."""

from __future__ import annotations

import json

from django import template

from newsdesk.media.embeds import providers

register = template.Library()


def embed_providers_json() -> str:
    """Name and address pattern of every provider, so the editor can say which embed it recognised.

    Python's named groups are written the JavaScript way; the server still decides on render.
    """
    return json.dumps([{"name": p.name, "pattern": p.pattern.pattern.replace("(?P<", "(?<")} for p in providers()])


@register.inclusion_tag("newsdesk/_rich_editor.html")
def rich_editor(name: str, value: str = "", field_id: str = "", label_id: str = "", heading: int = 3,
                images: bool = False) -> dict:
    return {"name": name, "value": value, "field_id": field_id, "label_id": label_id, "heading": heading,
            "images": images, "embed_providers_json": embed_providers_json()}
