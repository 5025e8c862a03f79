"""Answering: drafts are private and resume, a submit is final and stored once, and nothing
stored can be tied back to the person who answered."""

import datetime
import logging
import threading

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models

from assessments.models import (
    Answer,
    AssessmentRound,
    Draft,
    OpenAnswer,
    Participation,
    Response,
    SealedResponse,
    Statement,
)
from assessments.services import answering
from assessments.services import rounds as round_services
from tests.assessments.factories import framework_version, full_submission
from tests.toolkit.factories import UserFactory
from toolkit.models import Unit

ANSWER_TABLES = (SealedResponse, Response, Answer, OpenAnswer)


def test_submit_stores_the_answers_and_that_the_person_answered(open_round, org):
    submission = full_submission(open_round, score=5, barrier="Kiire", means="Palaverit")
    answering.response_submit(round=open_round, user=org.employee_a, submission=submission)
    assert not Response.objects.exists()  # sealed until the round closes
    round_services.round_close(round=open_round)
    response = Response.objects.get(round=open_round)
    assert response.answers.count() == 15
    assert set(response.answers.values_list("score", flat=True)) == {5}
    assert response.open_answers.count() == 10
    assert Participation.objects.filter(round=open_round, user=org.employee_a).exists()
    assert answering.answer_state(round=open_round, user=org.employee_a) == "answered"


def test_cant_say_is_stored_as_an_empty_score(open_round, org):
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round, score=None)
    )
    round_services.round_close(round=open_round)
    assert set(Answer.objects.values_list("score", flat=True)) == {None}


def test_draft_saves_resumes_and_is_deleted_by_the_submit(open_round, org):
    answering.draft_save(round=open_round, user=org.employee_a, data={"role": "staff", "s1": "3"})
    answering.draft_save(round=open_round, user=org.employee_a, data={"role": "staff", "s1": "4"})
    assert answering.draft_for(round=open_round, user=org.employee_a).data["s1"] == "4"
    assert answering.draft_for(round=open_round, user=org.employee_b) is None
    answering.response_submit(
        round=open_round, user=org.employee_a, submission=full_submission(open_round)
    )
    assert not Draft.objects.exists()


def test_second_submit_is_refused_and_stores_nothing(open_round, org):
    submission = full_submission(open_round)
    answering.response_submit(round=open_round, user=org.employee_a, submission=submission)
    with pytest.raises(answering.AlreadyAnswered):
        answering.response_submit(round=open_round, user=org.employee_a, submission=submission)
    round_services.round_close(round=open_round)
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 15


def _counts():
    return (SealedResponse.objects.count(), Response.objects.count(), Answer.objects.count())


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda s, other: s.scores.update({next(iter(s.scores)): 6}), id="score-6"),
        pytest.param(lambda s, other: s.scores.update({next(iter(s.scores)): 0}), id="score-0"),
        pytest.param(lambda s, other: s.scores.update({other: 3}), id="foreign-statement"),
        pytest.param(lambda s, other: s.scores.pop(next(iter(s.scores))), id="missing-statement"),
        pytest.param(
            lambda s, other: s.texts.update({(next(iter(s.texts))[0], "barrier"): "x" * 2001}),
            id="text-too-long",
        ),
        pytest.param(
            lambda s, other: s.texts.update({(next(iter(s.texts))[0], "secret"): "x"}),
            id="unknown-kind",
        ),
    ],
)
def test_bad_answers_are_refused_with_a_message_and_write_nothing(open_round, org, tamper):
    other_statement = Statement.objects.filter(value__version=framework_version(number=2)).first()
    submission = full_submission(open_round, barrier="a")
    tamper(submission, other_statement.pk)
    with pytest.raises(ValidationError) as error:
        answering.response_submit(round=open_round, user=org.employee_a, submission=submission)
    assert error.value.messages[0]
    assert _counts() == (0, 0, 0)
    assert not Participation.objects.exists()


def test_role_outside_the_choices_is_refused(open_round, org):
    submission = full_submission(open_round)
    submission = answering.Submission(role="admin", scores=submission.scores, texts={})
    with pytest.raises(ValidationError):
        answering.response_submit(round=open_round, user=org.employee_a, submission=submission)
    assert _counts() == (0, 0, 0)


def test_closed_draft_or_other_units_round_cannot_be_answered(open_round, org, version, today):
    submission = full_submission(open_round)
    with pytest.raises(ValidationError):  # not invited: unit B
        answering.response_submit(round=open_round, user=org.employee_b, submission=submission)
    round_services.round_close(round=open_round)
    with pytest.raises(ValidationError):
        answering.response_submit(round=open_round, user=org.employee_a, submission=submission)
    with pytest.raises(ValidationError):
        answering.draft_save(round=open_round, user=org.employee_a, data={})
    assert _counts() == (0, 0, 0)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_store_one_answer(org, team, version, today):
    round = round_services.round_create(
        unit=org.unit_a,
        framework_version=version,
        title="Rinnakkain",
        opens_on=today,
        closes_on=today,
        created_by=org.supervisor_a,
        today=today,
    )
    submission = full_submission(round)
    start = threading.Barrier(2)
    outcomes = []

    def submit():
        start.wait()
        try:
            answering.response_submit(round=round, user=org.employee_a, submission=submission)
            outcomes.append("stored")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # SQLite may refuse a concurrent writer outright
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("stored") == 1, outcomes
    assert Participation.objects.filter(round=round).count() == 1
    assert SealedResponse.objects.filter(round=round).count() == 1


# --- No path from an answer to a person -------------------------------------------------------


def _relations_to(model) -> list[str]:
    """Every field of every installed model that points at `model`."""
    return [
        f"{m._meta.label}.{f.name}"
        for m in apps.get_models()
        for f in m._meta.get_fields()
        if f.is_relation and f.concrete and f.related_model is model
    ]


def test_answer_tables_hold_no_person_no_time_and_random_ids():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in ANSWER_TABLES:
        assert isinstance(model._meta.pk, models.UUIDField), model
        for field in model._meta.concrete_fields:
            assert field.related_model is not user_model, f"{model.__name__}.{field.name}"
            assert not isinstance(
                field, models.DateField | models.DateTimeField | models.TimeField
            ), f"{model.__name__}.{field.name} would let times be lined up"
            if field.is_relation:
                # Only the round, the response itself, and the questions: never a person.
                assert field.related_model in (AssessmentRound, Response, Statement) or (
                    field.related_model._meta.label == "assessments.Value"
                ), f"{model.__name__}.{field.name}"


def test_nothing_else_points_at_an_answer():
    assert _relations_to(Response) == [
        "assessments.Answer.response",
        "assessments.OpenAnswer.response",
    ]
    assert _relations_to(Answer) == []
    assert _relations_to(OpenAnswer) == []


def test_participation_says_only_who_answered_which_round():
    fields = {f.name for f in Participation._meta.concrete_fields}
    assert fields == {"id", "round", "user"}
    assert isinstance(Participation._meta.pk, models.UUIDField)


def test_no_admin_page_lists_answers(client, org):
    """Neither Django's admin nor any Wagtail admin view set or snippet shows answer rows."""
    from django.urls import get_resolver
    from wagtail.admin.viewsets import viewsets
    from wagtail.snippets.models import get_snippet_models

    hidden = ANSWER_TABLES + (Participation, Draft)
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    get_resolver().url_patterns  # noqa: B018 - registers the admin's view sets
    client.force_login(org.administrator)
    client.get("/cms/")
    registered = {getattr(viewset, "model", None) for viewset in viewsets.viewsets}
    assert Unit in registered  # the check sees the real registry
    assert not registered & set(hidden)
    assert not set(get_snippet_models()) & set(hidden)


def test_submit_logs_nothing_about_the_person_and_leaves_no_timestamp(
    open_round, org, caplog, client
):
    caplog.set_level(logging.DEBUG)
    client.force_login(org.employee_a)
    from tests.assessments.factories import form_data

    value = open_round.framework_version.values.first()
    caplog.clear()
    response = client.post(
        f"/fi/assessments/rounds/{open_round.pk}/answer/",
        form_data(open_round, **{f"barrier_{value.pk}": "Q7"}),
    )
    assert response.status_code == 302
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert org.employee_a.email not in text
    assert "Q7" not in text
    stored = SealedResponse.objects.get()
    # The same user submitting again cannot learn their response id from anything we sent.
    assert str(stored.pk) not in response.headers.get("Location", "")
    assert str(stored.pk) not in "".join(c.value for c in client.cookies.values())


def test_answers_cannot_be_lined_up_with_participations(open_round, team):
    """Ids are random, and the Responses are written at closing time, shuffled, in one
    transaction: on PostgreSQL they share one transaction id (xmin) that no Participation has."""
    for user in team:
        answering.response_submit(
            round=open_round, user=user, submission=full_submission(open_round)
        )
    round_services.round_close(round=open_round)
    by_id = list(Response.objects.order_by("pk").values_list("pk", flat=True))
    assert len(set(by_id)) == len(team)
    assert all(p.version == 4 for p in by_id)  # uuid4: no clock, no sequence inside
    assert not SealedResponse.objects.exists()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT xmin::text FROM assessments_response WHERE round_id = %s",
                [open_round.pk],
            )
            response_xids = {row[0] for row in cursor.fetchall()}
            cursor.execute(
                "SELECT DISTINCT xmin::text FROM assessments_participation WHERE round_id = %s",
                [open_round.pk],
            )
            participation_xids = {row[0] for row in cursor.fetchall()}
        assert len(response_xids) == 1
        assert not response_xids & participation_xids


def test_a_person_who_left_can_be_deleted_without_touching_answers(open_round, org):
    leaver = UserFactory()
    open_round.invitations.create(user=leaver)
    answering.response_submit(round=open_round, user=leaver, submission=full_submission(open_round))
    leaver.delete()
    assert SealedResponse.objects.filter(round=open_round).count() == 1
    round_services.round_close(round=open_round)
    assert Response.objects.filter(round=open_round).count() == 1
    assert not Participation.objects.filter(round=open_round).exists()


def test_a_round_not_yet_open_cannot_be_answered_or_drafted(org, team, version, today, client):
    """A draft round (opening in a week) refuses answers and drafts, in the service and on
    its answer page, and writes nothing."""
    round = round_services.round_create(
        unit=org.unit_a,
        framework_version=version,
        title="Tuleva",
        opens_on=today + datetime.timedelta(days=7),
        closes_on=today + datetime.timedelta(days=21),
        created_by=org.supervisor_a,
        today=today,
    )
    assert round.status == AssessmentRound.Status.DRAFT
    with pytest.raises(ValidationError) as error:  # nobody is invited before the opening
        answering.response_submit(
            round=round, user=org.employee_a, submission=full_submission(round)
        )
    assert error.value.messages[0]
    with pytest.raises(ValidationError):
        answering.draft_save(round=round, user=org.employee_a, data={})
    client.force_login(org.employee_a)
    response = client.post(f"/fi/assessments/rounds/{round.pk}/answer/", {"action": "submit"})
    assert response.status_code == 200  # the page explains why there is nothing to answer
    assert 'name="action"' not in response.content.decode()
    assert _counts() == (0, 0, 0)
    assert not Participation.objects.exists()
