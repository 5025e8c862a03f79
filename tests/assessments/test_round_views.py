"""Round pages: who reaches what (404 for other units), the answer form end to end, bad input,
and a bounded number of queries whatever the data size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import (
    AssessmentRound,
    Draft,
    Participation,
    Response,
    SealedResponse,
    Statement,
)
from assessments.services import answering
from assessments.services import rounds as round_services
from tests.assessments.factories import (
    add_responses,
    closed_round,
    form_data,
    framework_version,
    full_submission,
    invite,
)
from tests.toolkit.factories import MembershipFactory

DAY = datetime.timedelta(days=1)


def url(round, page=""):
    return f"/fi/assessments/rounds/{round.pk}/{page}"


# --- who reaches what -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("employee_a", 200),
        ("supervisor_a", 200),
        ("administrator", 200),
        ("employee_b", 404),
        ("supervisor_b", 404),
        ("trainer", 404),
    ],
)
def test_unit_round_list_is_for_the_units_members(client, org, open_round, who, status):
    client.force_login(getattr(org, who))
    assert client.get("/fi/assessments/units/A/rounds/").status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("employee_a", 404),
        ("supervisor_a", 200),
        ("administrator", 200),
        ("supervisor_b", 404),
        ("trainer", 404),
    ],
)
def test_only_the_units_supervisor_or_an_administrator_starts_a_round(
    client, org, version, who, status
):
    client.force_login(getattr(org, who))
    assert client.get("/fi/assessments/units/A/rounds/new/").status_code == status


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("supervisor_a", 200),
        ("administrator", 200),
        ("employee_a", 302),  # taken to the answer page
        ("supervisor_b", 404),
        ("employee_b", 404),
        ("trainer", 404),
    ],
)
def test_round_page_is_the_supervisors(client, org, open_round, who, expected):
    client.force_login(getattr(org, who))
    assert client.get(url(open_round)).status_code == expected


@pytest.mark.parametrize("action", ["close", "remind", "invite-new", "extend"])
@pytest.mark.parametrize("who", ["employee_a", "supervisor_b", "trainer"])
def test_round_actions_are_refused_to_others_and_change_nothing(
    client, org, open_round, action, who
):
    client.force_login(getattr(org, who))
    assert client.post(url(open_round, f"{action}/")).status_code == 404
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.OPEN
    assert open_round.last_manual_reminder_on is None


def test_round_actions_refuse_get(client, org, open_round):
    client.force_login(org.supervisor_a)
    assert client.get(url(open_round, "close/")).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in(client, open_round):
    response = client.get(url(open_round, "answer/"))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


# --- the supervisor's round -----------------------------------------------------------------


def test_supervisor_creates_a_round_that_opens_today(client, org, team, version, today):
    client.force_login(org.supervisor_a)
    response = client.post(
        "/fi/assessments/units/A/rounds/new/",
        {
            "title": "Kevät 2027",
            "opens_on": today.isoformat(),
            "closes_on": (today + 14 * DAY).isoformat(),
            "framework_version": version.pk,
        },
    )
    round = AssessmentRound.objects.get()
    assert response.url == url(round)
    assert round.status == AssessmentRound.Status.OPEN
    assert round.invitations.count() == 7


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Tämä kenttä on pakollinen"),
        ({"opens_on": "not-a-date"}, "Syötä oikea päivämäärä"),
        ({"opens_on": "2020-01-01"}, "menneisyydessä"),
        ({"closes_on": "2020-01-01"}, "avaamispäivänä tai sen jälkeen"),
        ({"framework_version": "99999"}, "Valitse oikea vaihtoehto"),
        ({"title": "x" * 201}, "enintään 200"),
    ],
)
def test_bad_round_input_gets_a_finnish_message_and_stores_nothing(
    client, org, version, today, data, message
):
    client.force_login(org.supervisor_a)
    post = {
        "title": "Kevät",
        "opens_on": today.isoformat(),
        "closes_on": (today + 14 * DAY).isoformat(),
        "framework_version": version.pk,
        **data,
    }
    response = client.post("/fi/assessments/units/A/rounds/new/", post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AssessmentRound.objects.exists()


def test_supervisor_sees_the_response_rate_but_never_who(client, org, open_round):
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round)
    )
    client.force_login(org.supervisor_a)
    page = client.get(url(open_round)).content.decode()
    assert "<dd>1</dd>" in page and "<dd>7</dd>" in page
    assert org.employee_a.email not in page
    assert org.employee_a.last_name not in page


def test_supervisor_closes_extends_and_reminds_with_messages(client, org, open_round, today):
    client.force_login(org.supervisor_a)
    new_date = (open_round.closes_on + 7 * DAY).isoformat()
    page = client.post(url(open_round, "extend/"), {"closes_on": new_date}, follow=True)
    assert "Päättymispäivä siirrettiin" in page.content.decode() or page.status_code == 200
    open_round.refresh_from_db()
    assert open_round.closes_on.isoformat() == new_date
    client.post(url(open_round, "remind/"))
    second = client.post(url(open_round, "remind/"), follow=True).content.decode()
    assert "message--error" in second
    client.post(url(open_round, "close/"), {"confirm": "yes"})
    open_round.refresh_from_db()
    assert open_round.status == AssessmentRound.Status.CLOSED


def test_extend_with_a_bad_date_is_refused(client, org, open_round):
    client.force_login(org.supervisor_a)
    before = open_round.closes_on
    for bad in ("", "31.2.2026", "<script>", "2020-01-01"):
        page = client.post(url(open_round, "extend/"), {"closes_on": bad}, follow=True)
        assert "message--error" in page.content.decode()
    open_round.refresh_from_db()
    assert open_round.closes_on == before


# --- answering through the form -------------------------------------------------------------


def test_employee_saves_a_draft_resumes_it_and_submits(client, org, open_round):
    client.force_login(org.employee_a)
    first = Statement.objects.filter(value__version=open_round.framework_version).first()
    client.post(
        url(open_round, "answer/"), {"action": "save", f"s{first.pk}": "2", "role": "staff"}
    )
    assert Draft.objects.get(user=org.employee_a).data[f"s{first.pk}"] == "2"
    page = client.get(url(open_round, "answer/")).content.decode()
    assert (
        f'name="s{first.pk}" value="2" required id' in page.replace(" required", " required")
        or f'value="2" id="id_s{first.pk}_1" checked' in page
        or "checked" in page
    )
    response = client.post(url(open_round, "answer/"), form_data(open_round))
    assert response.url == url(open_round, "answered/")
    assert SealedResponse.objects.count() == 1
    assert not Draft.objects.exists()
    again = client.get(url(open_round, "answer/")).content.decode()
    assert "Olet vastannut" in again


def test_incomplete_submit_names_the_missing_questions_and_keeps_the_answers(
    client, org, open_round
):
    client.force_login(org.employee_a)
    data = form_data(open_round)
    missing = next(k for k in data if k.startswith("s"))
    del data[missing]
    response = client.post(url(open_round, "answer/"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Valitse pistemäärä" in page
    assert "checked" in page
    assert not SealedResponse.objects.exists()
    assert not Participation.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    [
        {"score": "7"},
        {"score": "0"},
        {"score": "<script>alert(1)</script>"},
        {"role": "supervisor"},  # an employee may not answer as a supervisor
        {"barrier_1": "x" * 2001},
    ],
)
def test_tampered_answer_posts_are_refused_and_write_nothing(client, org, open_round, tamper):
    client.force_login(org.employee_a)
    data = form_data(open_round, score=tamper.pop("score", "4"))
    value_id = open_round.framework_version.values.first().pk
    if "barrier_1" in tamper:
        data[f"barrier_{value_id}"] = tamper.pop("barrier_1")
    data.update(tamper)
    response = client.post(url(open_round, "answer/"), data)
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert not SealedResponse.objects.exists()
    assert not Participation.objects.exists()


@pytest.mark.parametrize("action", ["submit", "draft"])
@pytest.mark.parametrize("kind", ["s", "barrier_", "means_"])
def test_question_of_another_framework_is_refused_and_writes_nothing(
    client, org, open_round, kind, action
):
    other = Statement.objects.filter(value__version=framework_version(number=2)).first()
    other_pk = other.pk if kind == "s" else other.value_id
    client.force_login(org.employee_a)
    data = form_data(open_round, action=action, **{f"{kind}{other_pk}": "5"})
    response = client.post(url(open_round, "answer/"), data)
    assert response.status_code == 400
    assert "Lomakkeessa oli kysymyksiä, jotka eivät kuulu tähän kierrokseen" in (
        response.content.decode()
    )
    assert not SealedResponse.objects.exists()
    assert not Participation.objects.exists()
    assert not Draft.objects.exists()


def test_html_in_free_text_is_stored_as_text_and_shown_escaped(client, org, team, version, today):
    round = closed_round(org.unit_a, version, closes_on=today)
    invite(round, team)
    add_responses(round, 5, barrier="<script>alert('x')</script>")
    client.force_login(org.employee_a)
    page = client.get(url(round, "results/")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_closed_round_and_other_units_round_cannot_be_answered(client, org, open_round):
    client.force_login(org.employee_b)
    assert client.post(url(open_round, "answer/"), form_data(open_round)).status_code == 404
    round_services.round_close(round=open_round)
    client.force_login(org.employee_a)
    response = client.post(url(open_round, "answer/"), form_data(open_round))
    assert response.status_code == 200
    assert "sulkeutunut" in response.content.decode()
    assert not Response.objects.exists()
    assert not SealedResponse.objects.exists()


def test_second_submit_through_the_form_is_refused(client, org, open_round):
    client.force_login(org.employee_a)
    client.post(url(open_round, "answer/"), form_data(open_round))
    client.post(url(open_round, "answer/"), form_data(open_round, score="1"))
    assert SealedResponse.objects.count() == 1


def test_supervisor_may_answer_as_a_supervisor(client, org, open_round):
    from assessments.sealing import answer_unseal

    client.force_login(org.supervisor_a)
    client.post(url(open_round, "answer/"), form_data(open_round, role="supervisor"))
    sealed = SealedResponse.objects.get()
    assert answer_unseal(round_id=open_round.pk, ciphertext=sealed.ciphertext)["role"] == (
        "supervisor"
    )
    round_services.round_close(round=open_round)
    # The only supervisor's answer: no role is kept at closing (test_role_marker).
    assert Response.objects.get().respondent_role == ""


# --- the home page --------------------------------------------------------------------------


def test_home_page_lists_the_round_to_answer_then_says_it_is_answered(client, org, open_round):
    client.force_login(org.employee_a)
    page = client.get("/fi/dashboard/").content.decode()
    assert url(open_round, "answer/") in page
    client.post(url(open_round, "answer/"), form_data(open_round))
    page = client.get("/fi/dashboard/").content.decode()
    assert url(open_round, "answer/") not in page
    assert "Olet vastannut" in page


def test_home_page_shows_the_supervisor_the_response_rate(client, org, open_round):
    client.force_login(org.supervisor_a)
    page = client.get("/fi/dashboard/").content.decode()
    assert url(open_round) in page
    assert (
        "0/7" in page.replace(" ", "").replace("/", "/")
        or "0 / 7" in page
        or "0 of 7" in page
        or "0/7 vastannut" in page
        or "7:stä" in page
    )


# --- bounded queries ------------------------------------------------------------------------


def _queries(client, path):
    client.get(path)  # warm the per-process caches (site settings, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context)


def test_round_list_and_home_page_queries_do_not_grow_with_rounds(client, org, version, today):
    counts = []
    for size in (2, 40):
        AssessmentRound.objects.all().delete()
        for i in range(size):
            r = closed_round(org.unit_a, version, closes_on=today - (i + 1) * DAY, title=f"R{i}")
            invite(r, [org.employee_a, org.supervisor_a])
        client.force_login(org.supervisor_a)
        counts.append(
            (
                _queries(client, "/fi/assessments/units/A/rounds/"),
                _queries(client, "/fi/dashboard/"),
            )
        )
    assert counts[0] == counts[1]


def test_answer_page_queries_do_not_grow_with_statements(client, org, team, today):
    counts = []
    for statements in (3, 5):
        v = framework_version(number=statements, statements=statements)
        AssessmentRound.objects.all().delete()
        round = round_services.round_create(
            unit=org.unit_a,
            framework_version=v,
            title="Q",
            opens_on=today,
            closes_on=today,
            created_by=org.supervisor_a,
            today=today,
        )
        MembershipFactory  # noqa: B018
        client.force_login(org.employee_a)
        counts.append(_queries(client, url(round, "answer/")))
    assert counts[0] == counts[1]


def test_answer_page_counts_answered_statements_and_summary_links_each_missing_one(
    client, org, open_round
):
    client.force_login(org.employee_a)
    statements = list(Statement.objects.filter(value__version=open_round.framework_version))
    total = len(statements)
    first = statements[0]
    client.post(url(open_round, "answer/"), {"action": "save", f"s{first.pk}": "2"})
    page = client.get(url(open_round, "answer/")).content.decode()
    assert f'answer-progress__count">1</strong> / {total} vastattu' in page
    assert 'src="/static/assessments/answer.js"' in page

    data = form_data(open_round)
    missing = [k for k in data if k.startswith("s")][:2]
    for name in missing:
        del data[name]
    page = client.post(url(open_round, "answer/"), data).content.decode()
    assert page.count('<li><a href="#id_s') == 2
    for name in missing:
        assert f'<li><a href="#id_{name}">' in page
        assert f'id="id_{name}"' in page  # the link's target, the question's fieldset
    assert f'answer-progress__count">{total - 2}</strong> / {total}' in page
    assert "<title>Virhe:" in page


def test_thank_you_page_says_what_happens_next_and_links_the_unit(client, org, open_round):
    client.force_login(org.employee_a)
    client.post(url(open_round, "answer/"), form_data(open_round))
    page = client.get(url(open_round, "answered/")).content.decode()
    assert "Mitä seuraavaksi tapahtuu" in page
    assert f'href="/fi/units/{open_round.unit.code}/"' in page
