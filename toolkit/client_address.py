"""The client's address for rate limits (django-ratelimit's key "ip", RATELIMIT_IP_META_KEY).

gunicorn's REMOTE_ADDR is always the connection's peer: behind a proxy (or the load test on
loopback) that is the proxy. The client is then the nearest address in X-Forwarded-For that is
not a trusted proxy, read only when the peer itself is one (TRUSTED_PROXIES, from the same
FORWARDED_ALLOW_IPS as gunicorn's): a client connecting directly cannot choose its address."""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _trusted(address: str) -> bool:
    proxies = settings.TRUSTED_PROXIES
    if "*" in proxies:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def client_address(request) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    if not _trusted(peer):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    # From the nearest hop outwards: each trusted proxy appended the address it heard from.
    for hop in reversed([hop for hop in hops if hop]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a forged or broken header: the peer, as if there were none
        if not _trusted(hop):
            return hop
    return peer
