"""The only supervisor's answer is not marked: a closing round keeps the respondents' roles only
where both staff and supervisors reach the round's k, and otherwise stores no role at all."""

from assessments.models import AnonymitySettings, RespondentRole, Response
from assessments.selectors.results import round_results
from assessments.services import answering
from assessments.services import rounds as round_services
from tests.assessments.factories import full_submission
from tests.toolkit.factories import supervisor


def _answer(round, person, role: str, score: int) -> None:
    submission = full_submission(round, score=score)
    submission = answering.Submission(role=role, scores=submission.scores, texts={})
    answering.response_submit(round=round, user=person, submission=submission)


def test_one_supervisor_and_five_staff_leave_no_role_in_the_database(open_round, team, org):
    AnonymitySettings.objects.create(threshold=5)
    for person in team:
        _answer(open_round, person, RespondentRole.STAFF, 4)
    _answer(open_round, org.supervisor_a, RespondentRole.SUPERVISOR, 1)
    round_services.round_close(round=open_round)

    assert Response.objects.filter(round=open_round).count() == 6
    assert not Response.objects.filter(respondent_role=RespondentRole.SUPERVISOR).exists()
    assert set(Response.objects.values_list("respondent_role", flat=True)) == {""}
    results = round_results(round=open_round, viewer=org.supervisor_a)
    assert not results.suppressed
    assert not results.split_shown
    assert all(v.staff_mean is None and v.supervisor_mean is None for v in results.values)


def test_roles_are_kept_when_both_groups_reach_k(open_round, team, org):
    AnonymitySettings.objects.create(threshold=3)
    supervisors = [supervisor(org.unit_a) for _ in range(3)]
    for person in supervisors:
        open_round.invitations.create(user=person)
        _answer(open_round, person, RespondentRole.SUPERVISOR, 2)
    for person in team[:3]:
        _answer(open_round, person, RespondentRole.STAFF, 4)
    round_services.round_close(round=open_round)

    roles = sorted(Response.objects.values_list("respondent_role", flat=True))
    assert roles == ["staff"] * 3 + ["supervisor"] * 3
    results = round_results(round=open_round, viewer=org.supervisor_a)
    assert results.split_shown
    assert results.values[0].staff_mean == 4.0 and results.values[0].supervisor_mean == 2.0


def test_staff_alone_keep_no_role_either(open_round, team, org):
    """Without k supervisors there is no split to show, so no role is stored for anyone."""
    AnonymitySettings.objects.create(threshold=3)
    for person in team:
        _answer(open_round, person, RespondentRole.STAFF, 3)
    round_services.round_close(round=open_round)
    assert set(Response.objects.values_list("respondent_role", flat=True)) == {""}
