"""Refuse to run an unsafe configuration: DEBUG off with the published default secret key."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

INSECURE_KEY_MESSAGE = (
    "DEBUG is off but SECRET_KEY is the published development default. "
    "Set SECRET_KEY to a long random value (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
    "or set DEBUG=true for local development."
)


def insecure_secret_key() -> bool:
    return not settings.DEBUG and settings.SECRET_KEY == settings.INSECURE_DEFAULT_SECRET_KEY


def ensure_safe_to_serve() -> None:
    """Called before serving requests; raises so that the server does not start."""
    if insecure_secret_key():
        raise ImproperlyConfigured(INSECURE_KEY_MESSAGE)


@register(deploy=True)
def secret_key_check(app_configs, **kwargs):
    if insecure_secret_key():
        return [Error(INSECURE_KEY_MESSAGE, id="newsdesk.E001")]
    return []
