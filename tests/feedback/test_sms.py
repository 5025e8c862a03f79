"""Texting the feedback link: the Finnish mobile number (wrong, missing, oversized, hostile), the
HTTP gateway backend against a local fake gateway, the console backend's masking, the count per
unit and day, the rate limit per person, and the number kept nowhere: no table, log or page."""

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from feedback.models import SmsSent
from feedback.selectors.link_page import public_url
from feedback.services import link_sms
from feedback.services.link_sms import finnish_mobile, sms_sent_count
from feedback.services.links import collecting_set, link_for
from feedback.views import link as link_views
from toolkit import sms
from toolkit.sms import ConsoleBackend, HttpGatewayBackend, SmsError, SmsMessage

pytestmark = pytest.mark.django_db

NUMBER = "040 765 4321"
NORMALISED = "+358407654321"
DIGITS = "407654321"  # what would give the number away, in any form
GATEWAY_KEY = "test-gateway-key"


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def sms_url(unit) -> str:
    return reverse("feedback:link_sms", args=[unit.code])


# --- the number --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "040 765 4321",
        "0407654321",
        "040-765 4321",
        "(040) 765-4321",
        "+358 40 765 4321",
        "+358407654321",
        "00358 40 7654321",
        "358407654321",
        " 040 765 4321 ",
    ],
)
def test_finnish_mobile_numbers_are_normalised(written):
    assert finnish_mobile(written) == NORMALISED


def test_other_mobile_prefixes():
    assert finnish_mobile("050 123 4567") == "+358501234567"
    assert finnish_mobile("045 7123 4567") == "+3584571234567"


@pytest.mark.parametrize(
    "written",
    [
        "",
        "040",
        "09 123 4567",  # a landline
        "+46 70 123 45 67",  # Swedish
        "040 765 4321 12345",  # too long
        "040 765 43x1",
        "٠٤٠٧٦٥٤٣٢١",  # Arabic-Indic digits
        "<script>alert(1)</script>",
        "040 765 4321\n+358401111111",
        "1" * 500,
    ],
)
def test_other_input_is_not_a_finnish_mobile_number(written):
    with pytest.raises(ValidationError):
        finnish_mobile(written)


# --- the form ----------------------------------------------------------------------------------


def test_supervisor_sends_the_link_and_it_is_counted(client, org):
    client.force_login(org.supervisor_a)
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "sv"}, follow=True)
    assert response.redirect_chain[-1] == (
        reverse("feedback:unit_link", args=[org.unit_a.code]),
        302,
    )
    html = response.content.decode()
    assert "Palautelinkki lähetettiin tekstiviestillä." in html
    assert DIGITS not in html and "7654321" not in html
    [message] = sms.outbox
    assert message.to == NORMALISED
    assert message.text.startswith("Enhet A tackar för kontakten.")
    assert message.text.endswith(public_url(link_for(org.unit_a), language="sv"))
    sent = SmsSent.objects.get()
    assert (sent.unit, sent.day, sent.count) == (org.unit_a, timezone.localdate(), 1)
    assert "1 viesti viimeisten 30 päivän aikana." in html


def test_member_may_send_the_link_too(client, org):
    client.force_login(org.employee_a)
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"})
    assert response.status_code == 302
    assert len(sms.outbox) == 1 and SmsSent.objects.get().count == 1
    assert sms.outbox[0].text.startswith("Yksikkö A kiittää yhteydenotosta.")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"language": "fi"}, "Anna asiakkaan matkapuhelinnumero."),
        ({"number": "", "language": "fi"}, "Anna asiakkaan matkapuhelinnumero."),
        ({"number": "09 123 4567", "language": "fi"}, "Anna suomalainen matkapuhelinnumero"),
        ({"number": "4" * 33, "language": "fi"}, "enintään 32 merkkiä"),
        ({"number": "4" * 100_000, "language": "fi"}, "enintään 32 merkkiä"),
        ({"number": NUMBER}, "Valitse viestin kieli."),
        ({"number": NUMBER, "language": "de"}, "Valitse viestin kieli."),
        ({"number": "<script>alert(1)</script>", "language": "fi"}, "Anna suomalainen"),
        ({"number": "040\x00765", "language": "fi"}, "Tyhjiä merkkejä (null) ei sallita."),
    ],
)
def test_wrong_missing_oversized_and_hostile_input_is_refused(client, org, data, error):
    client.force_login(org.supervisor_a)
    response = client.post(sms_url(org.unit_a), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert "<script>alert(1)</script>" not in html
    assert not sms.outbox and not SmsSent.objects.exists()


def test_sending_by_get_is_not_allowed(client, org):
    client.force_login(org.supervisor_a)
    assert client.get(sms_url(org.unit_a) + f"?number={NUMBER}&language=fi").status_code == 405
    assert not sms.outbox


def test_sends_per_person_are_limited(client, org, monkeypatch):
    assert link_views.SMS_RATE == "30/h"
    monkeypatch.setattr(link_views, "SMS_RATE", "2/h")
    client.force_login(org.supervisor_a)
    for _attempt in range(2):
        assert (
            client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"}).status_code
            == 302
        )
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"})
    assert response.status_code == 429
    assert "Olet lähettänyt tunnin sisällä paljon tekstiviestejä." in response.content.decode()
    assert len(sms.outbox) == 2 and SmsSent.objects.get().count == 2
    # The limit is the person's: a colleague still sends.
    client.force_login(org.employee_a)
    assert client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"}).status_code == 302


def test_counts_add_up_per_unit_and_day(org):
    for _n in range(3):
        sms_sent_count(unit=org.unit_a)
    sms_sent_count(unit=org.unit_b)
    counts = dict(SmsSent.objects.values_list("unit__code", "count"))
    assert counts == {"A": 3, "B": 1}


# --- the number is kept nowhere ----------------------------------------------------------------


def every_stored_text() -> list[str]:
    """Every cell of every table, as text."""
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - the database's own names
            for row in cursor.fetchall():
                cells += [
                    bytes(value).decode("latin-1")
                    if isinstance(value, bytes | memoryview)
                    else str(value)
                    for value in row
                ]
    # Session data is signed and encoded: read it decoded (the messages of the next page).
    cells += [str(session.get_decoded()) for session in Session.objects.all()]
    return cells


def test_the_number_is_stored_nowhere_nor_logged(client, org, caplog, capsys, settings):
    settings.SMS_BACKEND = "toolkit.sms.ConsoleBackend"
    caplog.set_level(logging.DEBUG)
    client.force_login(org.supervisor_a)
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"}, follow=True)
    assert response.status_code == 200 and SmsSent.objects.get().count == 1
    printed = capsys.readouterr().out
    assert "SMS to ***" in printed and "321" in printed and DIGITS not in printed
    stored = every_stored_text()
    assert org.supervisor_a.email in stored  # the walk reads the tables' rows
    assert not [cell for cell in stored if DIGITS in cell or "7654321" in cell]
    logged = [record.getMessage() for record in caplog.records]
    assert any("feedback link was sent" in line for line in logged)
    assert not [line for line in logged if "7654321" in line or "765 4321" in line]
    for cookie in client.cookies.values():
        assert "7654321" not in cookie.value
    assert "7654321" not in response.content.decode()


def test_console_backend_masks_all_but_the_last_three_digits(capsys):
    ConsoleBackend().send(SmsMessage(to=NORMALISED, text="Hei"))
    printed = capsys.readouterr().out
    assert printed.startswith("SMS to **********321:\nHei")
    assert DIGITS not in printed


# --- the HTTP gateway --------------------------------------------------------------------------


class FakeGateway(BaseHTTPRequestHandler):
    """Answers as the server's `status` says, after `delay` seconds, and keeps what it got."""

    def do_POST(self):  # noqa: N802 - http.server's name
        server = self.server
        length = int(self.headers.get("Content-Length", 0))
        server.received.append(
            {
                "path": self.path,
                "authorization": self.headers.get("Authorization"),
                "content_type": self.headers.get("Content-Type"),
                "body": json.loads(self.rfile.read(length)),
            }
        )
        time.sleep(server.delay)
        authorised = self.headers.get("Authorization") == f"Bearer {GATEWAY_KEY}"
        status = server.status if authorised else 401
        body = b'{"status": "queued"}'
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def gateway(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGateway)
    server.received, server.status, server.delay = [], 202, 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "toolkit.sms.HttpGatewayBackend"
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_port}/v1/messages"
    settings.SMS_GATEWAY_KEY = GATEWAY_KEY
    settings.SMS_SENDER = "Arvokas"
    settings.SMS_GATEWAY_TIMEOUT = 0.5
    yield server
    server.shutdown()
    server.server_close()


def test_gateway_gets_the_message_as_json_with_the_key(gateway):
    sms.send_sms(to=NORMALISED, text="Kerro, miten onnistuimme: ä ö å")
    [received] = gateway.received
    assert received["path"] == "/v1/messages"
    assert received["authorization"] == f"Bearer {GATEWAY_KEY}"
    assert received["content_type"] == "application/json"
    assert received["body"] == {
        "to": NORMALISED,
        "from": "Arvokas",
        "text": "Kerro, miten onnistuimme: ä ö å",
    }


@pytest.mark.parametrize("status", [400, 401, 429, 500, 503])
def test_gateway_refusal_raises_sms_error(gateway, status, caplog):
    gateway.status = status
    with pytest.raises(SmsError) as raised:
        HttpGatewayBackend().send(SmsMessage(to=NORMALISED, text="Hei"))
    assert DIGITS not in str(raised.value)
    assert not [r for r in caplog.records if DIGITS in r.getMessage()]


def test_a_wrong_key_is_refused(gateway, settings):
    settings.SMS_GATEWAY_KEY = "wrong"
    with pytest.raises(SmsError):
        sms.send_sms(to=NORMALISED, text="Hei")


def test_gateway_that_does_not_answer_in_time_raises_sms_error(gateway):
    gateway.delay = 2
    started = time.monotonic()
    with pytest.raises(SmsError):
        sms.send_sms(to=NORMALISED, text="Hei")
    assert time.monotonic() - started < 1.5


def test_unreachable_or_unset_gateway_raises_sms_error(settings):
    settings.SMS_BACKEND = "toolkit.sms.HttpGatewayBackend"
    settings.SMS_GATEWAY_TIMEOUT = 0.5
    settings.SMS_GATEWAY_KEY = GATEWAY_KEY
    settings.SMS_GATEWAY_URL = "http://127.0.0.1:9/nothing-listens-here"
    with pytest.raises(SmsError):
        sms.send_sms(to=NORMALISED, text="Hei")
    settings.SMS_GATEWAY_URL = ""
    with pytest.raises(SmsError):
        sms.send_sms(to=NORMALISED, text="Hei")
    settings.SMS_GATEWAY_URL = "file:///etc/passwd"
    with pytest.raises(SmsError):
        sms.send_sms(to=NORMALISED, text="Hei")


def test_form_sends_through_the_gateway(client, org, gateway):
    client.force_login(org.supervisor_a)
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "en"})
    assert response.status_code == 302
    [received] = gateway.received
    assert received["body"]["to"] == NORMALISED
    assert received["body"]["text"].startswith("Thank you for contacting Unit A.")
    assert SmsSent.objects.get().count == 1


def test_gateway_failure_shows_a_translated_error_and_counts_nothing(client, org, gateway):
    gateway.status = 500
    client.force_login(org.supervisor_a)
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"})
    assert response.status_code == 503
    assert "Tekstiviestiä ei voitu lähettää: viestipalvelu ei vastannut." in (
        response.content.decode()
    )
    assert not SmsSent.objects.exists()


def test_service_refuses_an_unknown_language(org):
    with pytest.raises(ValidationError):
        link_sms.link_sms_send(unit=org.unit_a, number=NUMBER, language="de")
    assert not sms.outbox


def test_no_link_is_sent_while_the_unit_is_not_collecting(client, org):
    collecting_set(unit=org.unit_a, collecting=False)
    with pytest.raises(ValidationError):
        link_sms.link_sms_send(unit=org.unit_a, number=NUMBER, language="fi")
    client.force_login(org.employee_a)
    response = client.post(sms_url(org.unit_a), {"number": NUMBER, "language": "fi"})
    assert response.status_code == 400
    assert (
        "Yksikkö ei kerää nyt asiakaspalautetta, joten linkkiä ei lähetetä."
        in response.content.decode()
    )
    assert not sms.outbox and not SmsSent.objects.exists()


def test_a_members_refused_number_shows_the_small_page_again(client, org):
    client.force_login(org.employee_a)
    response = client.post(sms_url(org.unit_a), {"number": "123", "language": "fi"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Anna suomalainen matkapuhelinnumero" in html
    assert "/p/" not in html and "<svg" not in html
    assert not sms.outbox and not SmsSent.objects.exists()
