"""Abuse held off without a login or a CAPTCHA: rate limits per address and per unit, the
hidden trap, the unit's hourly cap (seen by its supervisor as CapTrip), and the anonymity
promises tested as attacks: no address, browser, cookie or time finer than the day is stored."""

import datetime

import pytest
from django.core.cache import cache
from django.db import models
from django.test import override_settings
from django.utils import timezone

from feedback.models import CapTrip, FeedbackMessage, SealedClientAnswer
from feedback.services import answering
from feedback.services.answering import answers_unseal
from feedback.services.links import link_for
from tests.feedback.public_helpers import answer_data, public_setup

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (Linux; Android 9; Moto G7) UniqueAgent/4242"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def link(org):
    return public_setup(org.unit_a)[1]


def post(client, link, address=ADDRESS, kiosk=False, **fields):
    url = f"/p/{link.code}/" + ("kiosk/" if kiosk else "")
    return client.post(url, answer_data(**fields), REMOTE_ADDR=address)


@override_settings(FEEDBACK_RATE_ANSWERS_PER_ADDRESS="3/h")
def test_one_address_may_answer_a_unit_only_so_often(client, link, org):
    assert [post(client, link).status_code for _ in range(4)] == [303, 303, 303, 429]
    refused = post(client, link, lang="en")
    assert refused.status_code == 429
    assert "Too many answers just now" in refused.content.decode()
    assert "Your answer was not stored" in refused.content.decode()
    assert refused["Retry-After"]
    assert SealedClientAnswer.objects.count() == 3
    # Another address, and the same address at another unit, still answer.
    assert post(client, link, address="198.51.100.5").status_code == 303
    assert post(client, link_for(org.unit_b)).status_code == 303
    assert not CapTrip.objects.exists()  # not the cap: nothing for the supervisor


@override_settings(
    FEEDBACK_RATE_ANSWERS_PER_ADDRESS="2/h", FEEDBACK_RATE_KIOSK_ANSWERS_PER_ADDRESS="5/h"
)
def test_the_kiosk_tablet_may_answer_for_a_waiting_room(client, link):
    statuses = [post(client, link, kiosk=True).status_code for _ in range(6)]
    assert statuses == [303] * 5 + [429]


@override_settings(FEEDBACK_RATE_ANSWERS_PER_ADDRESS="2/h")
def test_wrong_answers_do_not_use_up_the_limit(client, link):
    for _ in range(5):
        assert post(client, link, score_dignity="7").status_code == 200
    assert post(client, link).status_code == 303


@override_settings(FEEDBACK_RATE_PAGES_PER_ADDRESS="5/m")
def test_a_flood_of_page_loads_from_one_address_is_refused(client, link):
    statuses = [client.get(f"/p/{link.code}/", REMOTE_ADDR=ADDRESS).status_code for _ in range(5)]
    assert statuses == [200] * 5
    assert client.get(f"/p/{link.code}/", REMOTE_ADDR=ADDRESS).status_code == 429
    assert client.get("/p/guessed-code/", REMOTE_ADDR=ADDRESS).status_code == 429
    assert client.get(f"/p/{link.code}/", REMOTE_ADDR="2001:db8::1").status_code == 200


@override_settings(FEEDBACK_RATE_PAGES_PER_ADDRESS="3/m")
def test_an_ipv6_household_counts_as_one_address(client, link):
    for suffix in ("1", "2", "abcd:1"):
        assert (
            client.get(f"/p/{link.code}/", REMOTE_ADDR=f"2001:db8:0:1::{suffix}").status_code == 200
        )
    assert client.get(f"/p/{link.code}/", REMOTE_ADDR="2001:db8:0:1::ffff").status_code == 429


@override_settings(FEEDBACK_RATE_ANSWERS_PER_UNIT="4/m")
def test_a_burst_from_many_addresses_is_refused_per_unit(client, link, org):
    statuses = [post(client, link, address=f"198.51.100.{n}").status_code for n in range(6)]
    assert statuses == [303] * 4 + [429, 429]
    assert post(client, link_for(org.unit_b), address="198.51.100.99").status_code == 303


@override_settings(FEEDBACK_UNIT_HOURLY_CAP=3)
def test_the_hourly_cap_refuses_and_tells_the_supervisor(client, link, org):
    statuses = [post(client, link, address=f"198.51.100.{n}").status_code for n in range(5)]
    assert statuses == [303, 303, 303, 429, 429]
    assert SealedClientAnswer.objects.count() == 3
    trip = CapTrip.objects.get()
    assert (trip.unit, trip.day, trip.refused) == (org.unit_a, timezone.localdate(), 2)
    assert post(client, link_for(org.unit_b)).status_code == 303


def test_the_trap_is_thanked_and_nothing_stored(client, link):
    response = post(client, link, website="http://spam.example", better="Buy now", contact="a@b.fi")
    assert response.status_code == 303
    assert "/thanks/" in response["Location"]
    assert not SealedClientAnswer.objects.exists() and not FeedbackMessage.objects.exists()
    # Even a bot's broken answer gets the same thanks, so it learns nothing.
    assert post(client, link, website="x", score_dignity="99").status_code == 303


def test_the_trap_is_hidden_from_people(client, link):
    html = client.get(f"/p/{link.code}/").content.decode()
    assert '<div class="client-trap">' in html
    assert 'name="website" id="id_website" tabindex="-1" autocomplete="off"' in html


# The anonymity promises, as attacks ---------------------------------------------------------


def every_feedback_value() -> list[tuple[str, str, object]]:
    """(model, column, value) of every column of every row the feedback app holds."""
    from django.apps import apps

    found = []
    for model in apps.get_app_config("feedback").get_models():
        for row in model.objects.all():
            for field in model._meta.concrete_fields:
                found.append((model.__name__, field.name, getattr(row, field.attname)))
    return found


def test_no_address_agent_cookie_or_time_of_day_is_stored(client, link):
    client.cookies["tracking"] = "cookie-value-31337"
    client.post(
        f"/p/{link.code}/",
        answer_data(better="Kiitos hyvästä palvelusta", contact="name@example.fi"),
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=AGENT,
        HTTP_X_FORWARDED_FOR="192.0.2.99",
        HTTP_REFERER="https://poster.example/qr",
    )
    assert SealedClientAnswer.objects.count() == 1
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    rows_before = every_feedback_value()
    answers_unseal(before=tomorrow)
    for model, column, value in rows_before + every_feedback_value():
        text = bytes(value).hex() if isinstance(value, (bytes, memoryview)) else str(value)
        for secret in (ADDRESS, "192.0.2.99", "UniqueAgent", "31337", "poster.example"):
            assert secret not in text, (model, column)
            assert secret.encode().hex() not in text, (model, column)
        assert not isinstance(value, datetime.datetime), (model, column)
    # The sealed payload, once opened, holds only the day, the version, the scores.
    for model in (
        "ClientAnswer",
        "ClientScore",
        "FeedbackMessage",
        "MessageContact",
        "ClientMonth",
    ):
        assert any(m == model for m, _c, _v in every_feedback_value()), model


def test_the_feedback_tables_have_no_column_for_a_time_an_address_or_a_device():
    from django.apps import apps

    for model in apps.get_app_config("feedback").get_models():
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.GenericIPAddressField), field
            words = set(field.name.split("_"))
            assert not words & {"ip", "address", "agent", "cookie", "device"}, field
            if isinstance(field, models.DateTimeField):
                assert model.__name__ == "MessageReply", field  # staff's reply, not the client


def test_the_cache_holds_no_address(client, link):
    post(client, link, better="Hei")
    client.get(f"/p/{link.code}/", REMOTE_ADDR=ADDRESS)
    everything = repr(cache._cache) + repr(list(cache._cache.keys()))  # locmem
    assert ADDRESS not in everything
    assert cache._cache, "the rate limits counted something"


def test_sealed_answers_do_not_tell_how_much_was_answered(client, link):
    post(client, link, address="198.51.100.1", **{f"score_{k}": "" for k in ("dignity", "trust")})
    post(client, link, address="198.51.100.2", recommend="10", better="x" * 1000)
    lengths = {len(bytes(row.ciphertext)) for row in SealedClientAnswer.objects.all()}
    assert len(lengths) == 1
    assert answering.SEAL_BLOCK >= 512
