from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_language(context, code: str) -> str:
    """This page's address in another language (/en/... for English), its query kept; else that home page."""
    request = context.get("request")
    if request is None:
        return "/" if code == "de" else f"/{code}/"
    translated = translate_url(request.get_full_path(), code)
    if translated == request.get_full_path():  # no such page in the other language (e.g. an error page)
        return translate_url("/", code)
    return translated
