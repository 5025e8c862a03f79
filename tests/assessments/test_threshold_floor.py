"""Lowering k never reveals a closed round: a round keeps the k in force when it closed as its
floor (AssessmentRound.closed_threshold, assessments.anonymity.round_threshold), in every place
that shows results. Each change of k is in the audit log."""

import importlib

import pytest
from django.apps import apps

from assessments.anonymity import round_threshold
from assessments.models import AnonymitySettings, AssessmentRound, RespondentRole
from assessments.selectors.overview import organisation_overview
from assessments.selectors.results import round_results, unit_trend, weakest_values
from assessments.services import answering
from assessments.services import rounds as round_services
from tests.assessments.factories import add_responses, closed_round, full_submission
from toolkit.models import AuditEvent

ANONYMITY = "/cms/self-assessment/anonymity/"
MIGRATION = importlib.import_module("assessments.migrations.0006_storage_sealing")


def _set_k(k: int) -> None:
    AnonymitySettings.objects.update_or_create(pk=1, defaults={"threshold": k})


def _close_with_answers(round: AssessmentRound, people, k: int) -> AssessmentRound:
    _set_k(k)
    for person in people:
        answering.response_submit(round=round, user=person, submission=full_submission(round))
    round_services.round_close(round=round)
    round.refresh_from_db()
    return round


def test_closing_stores_the_k_in_force(open_round, team):
    round = _close_with_answers(open_round, team[:2], k=6)
    assert round.closed_threshold == 6
    _set_k(3)
    assert round_threshold(round) == 6
    _set_k(8)
    assert round_threshold(round) == 8  # raising k hides more, as before


def test_a_round_hidden_at_k5_stays_hidden_when_k_is_lowered_to_4(open_round, team, org):
    round = _close_with_answers(open_round, team[:4], k=5)
    assert round_results(round=round, viewer=org.supervisor_a).suppressed
    _set_k(4)

    results = round_results(round=round, viewer=org.supervisor_a)
    assert results.suppressed and results.threshold == 5
    assert not results.values
    (point,) = unit_trend(unit=org.unit_a, viewer=org.supervisor_a).points
    assert point.suppressed and not point.means
    assert weakest_values(unit_ids=[org.unit_a.pk]) == {}
    row = next(
        r for r in organisation_overview(viewer=org.administrator).rows if r.unit == org.unit_a
    )
    assert row.suppressed
    assert all(cell.mean is None for cell in row.cells)


def test_a_round_closed_at_k4_is_shown_at_k4_and_hidden_when_k_rises(open_round, team, org):
    round = _close_with_answers(open_round, team[:4], k=4)
    assert not round_results(round=round, viewer=org.supervisor_a).suppressed
    _set_k(5)
    assert round_results(round=round, viewer=org.supervisor_a).suppressed


def test_a_comparison_leaves_out_a_round_that_was_hidden_when_it_closed(org, version):
    """The area average must not take in a neighbour's round that closed below its k."""
    _set_k(5)
    own = closed_round(org.unit_a, version)
    own.closed_threshold = 5
    own.save()
    add_responses(own, 5, 4)
    neighbour = closed_round(org.unit_b, version)
    neighbour.closed_threshold = 5
    neighbour.save()
    add_responses(neighbour, 4, 1)
    _set_k(4)
    results = round_results(round=own, viewer=org.supervisor_a)
    assert results.area_unit_count == 1  # only the unit itself
    assert results.values[0].area_mean == pytest.approx(4.0)


def test_the_migration_gives_closed_rounds_the_current_k(org, version):
    _set_k(6)
    closed = closed_round(org.unit_a, version)
    draft = closed_round(org.unit_b, version, status=AssessmentRound.Status.DRAFT)
    MIGRATION.fill_closed_threshold(apps, None)
    closed.refresh_from_db()
    draft.refresh_from_db()
    assert closed.closed_threshold == 6
    assert draft.closed_threshold is None


def test_the_migration_drops_the_roles_of_rounds_where_a_group_fell_short(org, version):
    _set_k(3)
    lone = closed_round(org.unit_a, version)
    add_responses(lone, 5, 4)
    add_responses(lone, 1, 2, role=RespondentRole.SUPERVISOR)
    both = closed_round(org.unit_b, version)
    add_responses(both, 3, 4)
    add_responses(both, 3, 2, role=RespondentRole.SUPERVISOR)
    MIGRATION.fill_closed_threshold(apps, None)
    MIGRATION.drop_lone_roles(apps, None)
    assert set(lone.responses.values_list("respondent_role", flat=True)) == {""}
    assert sorted(both.responses.values_list("respondent_role", flat=True)) == (
        ["staff"] * 3 + ["supervisor"] * 3
    )


def test_setting_and_changing_k_is_in_the_audit_log(client, org):
    client.force_login(org.administrator)
    assert client.post(f"{ANONYMITY}new/", {"threshold": "6"}).status_code == 302
    row = AnonymitySettings.objects.get()
    assert client.post(f"{ANONYMITY}edit/{row.pk}/", {"threshold": "4"}).status_code == 302
    client.post(f"{ANONYMITY}edit/{row.pk}/", {"threshold": "2"})  # refused: not logged
    events = AuditEvent.objects.filter(action=AuditEvent.Action.THRESHOLD_CHANGE).order_by("pk")
    assert [(e.actor, e.subject) for e in events] == [
        (org.administrator, "anonymity threshold set to 6"),
        (org.administrator, "anonymity threshold 6 -> 4"),
    ]
