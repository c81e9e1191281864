"""Configuration checks for the realtime backends."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Warning, register


@register()
def grip_needs_a_signature_key(app_configs, **kwargs):
    if settings.GRIP_URL and not settings.GRIP_SIG_KEY:
        return [Warning(
            "GRIP_URL is set but GRIP_SIG_KEY is not: stream requests cannot be verified as coming through "
            "Pushpin, so every reader is served directly by this process.",
            hint="Set GRIP_SIG_KEY to Pushpin's sig_key (deploy/pushpin/pushpin.conf).", id="realtime.W001")]
    return []
