"""Refuse to run an unsafe configuration: DEBUG off with the published default or a weak secret key."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

# Django's own deploy check (security.W009) asks for the same.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5

HOW_TO_MAKE_A_KEY = (
    "Set SECRET_KEY to a long random value: `newsdesk secret-key` prints a fresh one "
    "(or python -c 'import secrets; print(secrets.token_urlsafe(50))'), or set DEBUG=true for local development."
)
INSECURE_KEY_MESSAGE = "DEBUG is off but SECRET_KEY is the published development default. " + HOW_TO_MAKE_A_KEY
WEAK_KEY_MESSAGE = (
    f"DEBUG is off but SECRET_KEY is weak: it needs at least {SECRET_KEY_MIN_LENGTH} characters and "
    f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones. " + HOW_TO_MAKE_A_KEY
)


def weak_secret_key(key: str) -> bool:
    return (len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
            or key.startswith("django-insecure-"))


def secret_key_problem() -> str | None:
    """Why the secret key must not be used to serve (DEBUG off), or None."""
    if settings.DEBUG:
        return None
    if settings.SECRET_KEY == settings.INSECURE_DEFAULT_SECRET_KEY:
        return INSECURE_KEY_MESSAGE
    if weak_secret_key(settings.SECRET_KEY):
        return WEAK_KEY_MESSAGE
    return None


def insecure_secret_key() -> bool:
    return secret_key_problem() is not None


def ensure_safe_to_serve() -> None:
    """Called before serving requests; raises so that the server does not start."""
    problem = secret_key_problem()
    if problem:
        raise ImproperlyConfigured(problem)


@register(deploy=True)
def secret_key_check(app_configs, **kwargs):
    problem = secret_key_problem()
    if problem:
        return [Error(problem, id="newsdesk.E001")]
    return []
