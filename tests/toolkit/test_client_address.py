"""The client's address for rate limits (toolkit.client_address): X-Forwarded-For counts only
when the request came from a trusted proxy, and then its nearest untrusted hop."""

from django.test import RequestFactory, override_settings

from toolkit.client_address import client_address


def _request(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/p/x/", **extra)


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_the_trusted_proxy_the_forwarded_client_counts():
    assert client_address(_request("127.0.0.1", "198.51.100.7")) == "198.51.100.7"
    # The client may send its own header: the proxy appends the address it saw, the last one.
    assert client_address(_request("127.0.0.1", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"
    assert client_address(_request("127.0.0.1", "2001:db8::1")) == "2001:db8::1"
    assert client_address(_request("127.0.0.1")) == "127.0.0.1"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_a_client_connecting_directly_cannot_choose_its_address():
    assert client_address(_request("203.0.113.9", "198.51.100.7")) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"])
def test_a_chain_of_trusted_proxies_is_walked_to_the_first_untrusted_hop():
    assert client_address(_request("127.0.0.1", "198.51.100.7, 10.1.2.3")) == "198.51.100.7"
    assert client_address(_request("10.9.9.9", "10.1.2.3")) == "10.9.9.9"


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_a_broken_or_hostile_header_falls_back_to_the_peer():
    for hostile in ("not-an-ip", "<script>", "198.51.100.7, evil", " , ", "1.2.3.4:80"):
        assert client_address(_request("127.0.0.1", hostile)) == "127.0.0.1", hostile


def test_django_ratelimit_reads_the_address_through_it(settings):
    from django_ratelimit.core import get_usage

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    keys = set()
    for forwarded in ("198.51.100.7", "198.51.100.8"):
        usage = get_usage(
            _request("127.0.0.1", forwarded), group="t", key="ip", rate="5/m", increment=True
        )
        keys.add(usage["count"])
    # Two addresses, each counted once on its own.
    assert keys == {1}
