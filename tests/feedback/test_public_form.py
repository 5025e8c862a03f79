"""The public feedback form /p/<code>/ and its kiosk: languages, answers stored whole or not at
all, errors translated and linked, hostile input escaped, old and unknown codes."""

import pytest
from django.test import Client

from assessments.models import FrameworkVersion, Value
from feedback.models import FeedbackMessage, MessageContact, SealedClientAnswer
from feedback.services.links import collecting_set, link_renew
from tests.feedback.public_helpers import answer_data, public_setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(org):
    return public_setup(org.unit_a)[1]


def form_url(link, kiosk=False) -> str:
    return f"/p/{link.code}/" + ("kiosk/" if kiosk else "")


def stored() -> tuple[int, int, int]:
    return (
        SealedClientAnswer.objects.count(),
        FeedbackMessage.objects.count(),
        MessageContact.objects.count(),
    )


def test_the_form_asks_each_value_by_its_client_statement(client, link):
    response = client.get(form_url(link))
    html = response.content.decode()
    assert response.status_code == 200
    for value in Value.objects.filter(version__is_published=True):
        assert f"<legend>{value.client_statement_fi}</legend>" in html
        assert f'name="score_{value.key}" value="cant_say"' in html
    assert html.count('name="recommend"') == 11
    assert 'name="website"' in html and 'name="better"' in html and 'name="contact"' in html
    assert org_name_in(html, link)
    assert "Kirjaudu" not in html and "/accounts/" not in html  # no sign-in, no site navigation
    assert "csrfmiddlewaretoken" not in html


def org_name_in(html: str, link) -> bool:
    return f'<p class="public-header__unit">{link.unit.name_fi}</p>' in html


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ("", "", "fi"),
        ("", "sv-FI,sv;q=0.9,en;q=0.5", "sv"),
        ("", "de-DE,en;q=0.8", "en"),
        ("?lang=en", "sv", "en"),
        ("?lang=xx", "sv", "sv"),
    ],
)
def test_language_from_query_then_browser_then_finnish(client, link, query, accept, expected):
    response = client.get(form_url(link) + query, HTTP_ACCEPT_LANGUAGE=accept)
    html = response.content.decode()
    assert f'<html lang="{expected}">' in html
    assert f'name="lang" value="{expected}"' in html


def test_a_language_cookie_is_not_read(client, link):
    client.cookies["arvokas_language"] = "en"
    response = client.get(form_url(link), HTTP_ACCEPT_LANGUAGE="sv")
    assert '<html lang="sv">' in response.content.decode()


def test_a_complete_answer_is_stored_and_thanked_in_the_clients_language(client, link):
    data = answer_data(better="Odotin liian kauan", contact="040 123 4567", lang="sv")
    response = client.post(form_url(link), data)
    assert response.status_code == 303
    assert response["Location"] == f"/p/{link.code}/thanks/?lang=sv"
    assert stored() == (1, 1, 1)
    message = FeedbackMessage.objects.get()
    assert (message.text, message.language) == ("Odotin liian kauan", "sv")
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert '<html lang="sv">' in thanks.content.decode()
    assert "Tack för din respons" in thanks.content.decode()


def test_one_question_is_enough(client, link):
    response = client.post(form_url(link), {"score_trust": "cant_say", "lang": "fi"})
    assert response.status_code == 303
    assert stored() == (1, 0, 0)


def test_the_kiosk_thanks_and_returns_to_the_form_in_the_tablets_language(client, link):
    response = client.post(form_url(link, kiosk=True) + "?lang=en&home=sv", answer_data(lang="en"))
    assert response.status_code == 303
    assert response["Location"] == f"/p/{link.code}/kiosk/thanks/?lang=en&home=sv"
    html = client.get(response["Location"]).content.decode()
    assert f'data-kiosk-return-url="/p/{link.code}/kiosk/?lang=sv"' in html
    assert 'data-kiosk-return-seconds="8"' in html
    kiosk = client.get(form_url(link, kiosk=True)).content.decode()
    assert 'class="public public--kiosk"' in kiosk
    assert f'data-kiosk-reset-url="/p/{link.code}/kiosk/"' in kiosk
    assert 'data-kiosk-idle-seconds="60"' in kiosk
    assert "feedback/kiosk.js" in kiosk
    assert stored() == (1, 0, 0)


def test_kiosk_language_links_keep_the_tablets_language(client, link):
    html = client.get(form_url(link, kiosk=True) + "?lang=sv").content.decode()
    assert 'href="?lang=en&amp;home=sv"' in html
    html = client.get(form_url(link, kiosk=True)).content.decode()
    assert 'href="?lang=en&amp;home=browser"' in html


# Wrong, missing, oversized and hostile input ------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"score_dignity": "6"}, "score_dignity", "Valitse pisteet 1–5"),
        ({"score_dignity": "0"}, "score_dignity", "Valitse pisteet 1–5"),
        ({"score_trust": "4.5"}, "score_trust", "Valitse pisteet 1–5"),
        ({"recommend": "11"}, "recommend", "Valitse luku 0–10"),
        ({"recommend": "-1"}, "recommend", "Valitse luku 0–10"),
        ({"better": "x" * 1001}, "better", "Kirjoita enintään 1000 merkkiä"),
        ({"better": "hei", "contact": "not a contact"}, "contact", "sähköpostiosoite"),
        ({"better": "hei", "contact": "12"}, "contact", "sähköpostiosoite"),
        ({"better": "hei", "contact": "a@b"}, "contact", "sähköpostiosoite"),
        ({"better": "hei", "contact": "x" * 255}, "contact", "enintään 254"),
        ({"contact": "name@example.fi"}, "contact", "Yhteystieto tarvitaan vain"),
    ],
)
def test_wrong_input_is_refused_with_a_linked_translated_error(
    client, link, change, field, message
):
    response = client.post(form_url(link), answer_data(**change))
    html = response.content.decode()
    assert response.status_code == 200
    assert stored() == (0, 0, 0)
    assert 'id="error-summary"' in html
    assert f'<a href="#id_{field}">' in html
    assert message in html
    assert html.count(message) >= 2  # in the summary and at the field


def test_nothing_answered_asks_for_one_answer(client, link):
    response = client.post(form_url(link), {"lang": "en", "better": "   ", "website": ""})
    html = response.content.decode()
    assert stored() == (0, 0, 0)
    assert "Answer at least one question." in html
    assert '<a href="#id_score_dignity">Answer at least one question.</a>' in html


@pytest.mark.parametrize(
    "extra",
    [
        {"score_unknown": "3"},
        {"is_admin": "1"},
        {"day": "2020-01-01"},
        {"score_dignity": ["1", "5"]},
    ],
    ids=["unknown-value", "unknown-field", "injected-day", "repeated-field"],
)
def test_fields_the_form_does_not_ask_are_refused_whole(client, link, extra):
    response = client.post(form_url(link), answer_data(lang="en", **extra))
    assert response.status_code == 200
    assert "The answer had parts this form does not ask" in response.content.decode()
    assert stored() == (0, 0, 0)


def test_scripted_text_is_stored_as_text_and_shown_escaped(client, link):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    # With a wrong contact the form comes back with the text in it, escaped.
    response = client.post(form_url(link), answer_data(better=hostile, contact="<b>nope</b>"))
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>nope" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert stored() == (0, 0, 0)
    # A NUL character (PostgreSQL cannot store one) is refused with Django's own message.
    response = client.post(form_url(link), answer_data(better="a\x00b"))
    assert response.status_code == 200 and stored() == (0, 0, 0)
    response = client.post(form_url(link), answer_data(better=hostile + "\x07\x1b ok"))
    assert response.status_code == 303
    assert FeedbackMessage.objects.get().text == hostile + " ok"


def test_an_oversized_body_is_refused_without_storing(client, link, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(form_url(link), answer_data(better="x" * 20_000))
    assert response.status_code == 400
    assert stored() == (0, 0, 0)


def test_a_failing_store_stores_nothing(client, link, monkeypatch):
    from feedback.services import answering

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(answering, "reply_due", broken)
    with pytest.raises(RuntimeError):
        client.post(form_url(link), answer_data(better="Teksti", contact="a@example.fi"))
    assert stored() == (0, 0, 0)


# Old, unknown and unusable links ------------------------------------------------------------


def test_a_renewed_code_says_it_was_replaced(client, link):
    link_renew(unit=link.unit)
    for url in (form_url(link), form_url(link, kiosk=True)):
        response = client.get(url + "?lang=en")
        assert response.status_code == 410
        assert "This link has been replaced" in response.content.decode()
        assert "ask the staff for the new one" in response.content.decode()
    response = client.post(form_url(link), answer_data())
    assert response.status_code == 410
    assert stored() == (0, 0, 0)


def test_a_unit_that_stopped_collecting_says_so_and_takes_no_answer(client, link):
    collecting_set(unit=link.unit, collecting=False)
    for url in (form_url(link), form_url(link, kiosk=True)):
        response = client.get(url + "?lang=sv")
        assert response.status_code == 410
        html = response.content.decode()
        assert "Ingen klientrespons samlas in nu" in html and link.unit.name in html
        assert "<form" not in html
    response = client.post(form_url(link), answer_data())
    assert response.status_code == 410
    assert stored() == (0, 0, 0)
    # Resumed, the same address (the printed posters) takes answers again.
    collecting_set(unit=link.unit, collecting=True)
    assert client.post(form_url(link), answer_data()).status_code == 303
    assert stored()[0] == 1


@pytest.mark.parametrize("path", ["/p/nosuchcode/", "/p/nosuchcode/kiosk/", "/p/x/thanks/"])
def test_an_unknown_code_is_not_found_in_the_public_style(client, link, path):
    response = client.get(path + "?lang=en")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Feedback link not found" in html
    assert "public-header" in html and "site-header" not in html


def test_without_client_statements_the_link_cannot_be_used(client, link):
    Value.objects.update(client_statement_fi="")
    response = client.get(form_url(link) + "?lang=en")
    assert response.status_code == 503
    assert "Feedback cannot be given here yet" in response.content.decode()
    FrameworkVersion.objects.update(is_published=False)
    response = client.post(form_url(link), answer_data())
    assert response.status_code == 503
    assert stored() == (0, 0, 0)


# No cookies at all --------------------------------------------------------------------------


def all_public_responses(client: Client, link) -> list:
    return [
        client.get(form_url(link)),
        client.get(form_url(link, kiosk=True) + "?lang=sv"),
        client.post(form_url(link), answer_data(score_dignity="9")),
        client.post(form_url(link), answer_data()),
        client.post(form_url(link, kiosk=True), answer_data()),
        client.get(f"/p/{link.code}/thanks/?lang=en"),
        client.get(f"/p/{link.code}/kiosk/thanks/"),
        client.get("/p/nosuchcode/"),
    ]


def test_public_pages_set_no_cookie(link):
    client = Client()
    for response in all_public_responses(client, link):
        assert not response.cookies, response.request["PATH_INFO"]
        assert "Set-Cookie" not in response.headers
    assert not client.cookies


def test_a_signed_in_visitor_gets_no_cookie_either(org, link):
    """Staff trying their unit's link: no remembered-language cookie, no CSRF token."""
    org.supervisor_a.preferred_language = "en"
    org.supervisor_a.save()
    client = Client()
    client.force_login(org.supervisor_a)
    for response in all_public_responses(client, link):
        assert not response.cookies, response.request["PATH_INFO"]


def test_the_post_needs_no_csrf_token(link):
    client = Client(enforce_csrf_checks=True)
    assert client.post(form_url(link), answer_data()).status_code == 303


def test_scripts_come_from_our_own_origin_only(client, link):
    response = client.get(form_url(link, kiosk=True))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode()
