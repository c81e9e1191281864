"""The rich-text editor as a form widget for the back office (articles, job postings, legal pages)."""

from __future__ import annotations

from django import forms

from newsdesk.core.templatetags.editor_tags import embed_providers_json


class RichTextWidget(forms.Textarea):
    """The same partial and module as the newsblog compose box; the server still sanitizes on save."""

    template_name = "newsdesk/_rich_editor_widget.html"

    def __init__(self, *args, heading: int = 2, images: bool = False, **kwargs) -> None:
        self.heading = heading
        self.images = images
        super().__init__(*args, **kwargs)

    class Media:
        css = {"all": ["newsdesk/editor.css"]}
        js = [forms.Script("newsdesk/editor.js", type="module")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update({"heading": self.heading, "images": self.images,
                                  "embed_providers_json": embed_providers_json()})
        return context
