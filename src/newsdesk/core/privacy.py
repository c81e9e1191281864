"""Personal data kept as little as possible: IP addresses only as salted hashes."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def ip_hash(ip: str | None) -> str:
    """A keyed hash of an IP address: enough to recognise repeats, useless to identify a reader."""
    if not ip:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), b"ip:" + ip.encode(), hashlib.sha256).hexdigest()[:32]


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")
