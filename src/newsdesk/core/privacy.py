"""Personal data kept as little as possible: IP addresses only as salted hashes."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from functools import lru_cache

from django.conf import settings


def ip_hash(ip: str | None) -> str:
    """A keyed hash of an IP address: enough to recognise repeats, useless to identify a reader."""
    if not ip:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), b"ip:" + ip.encode(), hashlib.sha256).hexdigest()[:32]


@lru_cache(maxsize=8)
def _trusted_networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in network for network in _trusted_networks(tuple(settings.FORWARDED_ALLOW_IPS)))


def client_ip(request) -> str:
    """The reader's address: the peer, or behind trusted proxies the right-most untrusted X-Forwarded-For entry.

    Only proxies in FORWARDED_ALLOW_IPS (addresses or networks; none by default) are believed: anybody else can
    write any X-Forwarded-For and would choose the address that rate limits count.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(peer):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted_proxy(hop):
            return hop
    return hops[0] if hops else peer
