"""URLs as they may be stored and printed, and which addresses may be contacted (no
dependencies: errors.py and the snapshot store use it)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit


def public_url(url: str) -> str:
    """The URL without credentials (user:password@): what may be stored and printed."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return urlunsplit(parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")))


def is_public(address: str) -> bool:
    """A globally reachable unicast address: not private, loopback, link-local, shared
    (100.64.0.0/10, where cloud metadata services live), reserved or multicast, and not an
    IPv6 form that carries such an IPv4 address (mapped, 6to4, Teredo)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not ip.is_global or ip.is_multicast:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in (ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())):
            if inner is not None and (not inner.is_global or inner.is_multicast):
                return False
    return True
