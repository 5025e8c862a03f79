"""Demo and benchmark data for the self-assessment: idempotent, complete, and results that show."""

import datetime
import io

import pytest
from django.core.management import call_command

from assessments import demo
from assessments.models import (
    Answer,
    AssessmentRound,
    Framework,
    FrameworkVersion,
    Invitation,
    OpenAnswer,
    Participation,
    RespondentRole,
    Response,
    Statement,
    Value,
    ValueKey,
)
from assessments.selectors.results import round_results
from assessments.services import frameworks
from assessments.services import rounds as round_services
from toolkit import demo as toolkit_demo
from toolkit.models import Unit, User

MODELS = (
    Framework,
    FrameworkVersion,
    Value,
    Statement,
    AssessmentRound,
    Invitation,
    Participation,
    Response,
    Answer,
    OpenAnswer,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo_accounts(db):
    return toolkit_demo.seed_demo_organisation()


@pytest.fixture
def seeded(demo_accounts):
    demo.seed_demo_rounds()
    return demo_accounts


def latest_round(code: str) -> AssessmentRound:
    return AssessmentRound.objects.filter(unit__code=code).order_by("-closes_on").first()


# The framework ------------------------------------------------------------------------------


def test_demo_framework_is_idempotent(db):
    version = demo.seed_demo_framework()
    before = counts()
    assert demo.seed_demo_framework() == version
    assert counts() == before
    assert before["Value"] == 5
    assert before["Statement"] == 20


def test_demo_framework_is_published_complete_and_in_three_languages(db):
    version = demo.seed_demo_framework()
    assert version.is_published
    assert version.number == 1
    assert (version.framework.name_fi, version.framework.name_en) == (
        "Arvokas-arvot",
        "Arvokas values",
    )
    values = list(version.values.prefetch_related("statements"))
    assert [value.key for value in values] == ValueKey.values
    assert frameworks.publish_problems(frameworks.version_drafts(version)) == []
    for value in values:
        assert value.name_fi and value.name_sv and value.name_en
        assert value.description_fi and value.description_sv and value.description_en
        statements = list(value.statements.all())
        assert len(statements) == 4
        assert all(s.text_fi and s.text_sv and s.text_en for s in statements)


def test_demo_framework_keeps_an_administrators_edits(db):
    version = demo.seed_demo_framework()
    Statement.objects.filter(value__version=version).update(text_fi="Muokattu")
    demo.seed_demo_framework()
    assert set(Statement.objects.values_list("text_fi", flat=True)) == {"Muokattu"}


# The demo rounds ----------------------------------------------------------------------------


def test_demo_rounds_are_idempotent(seeded):
    before = counts()
    assert demo.seed_demo_rounds() == 0
    assert counts() == before


def test_demo_rounds_are_closed_in_the_past_with_no_open_round(seeded):
    rounds = AssessmentRound.objects.all()
    assert rounds.count() == 2 * 8
    assert set(rounds.values_list("status", flat=True)) == {AssessmentRound.Status.CLOSED}
    assert all(r.closes_on < datetime.date(2026, 11, 1) for r in rounds)
    assert AssessmentRound.objects.filter(unit__code="DEMO-PO").count() == 2


def test_demo_units_results_show_with_change_since_the_previous_round(seeded):
    admin = seeded["admin@example.org"]
    results = round_results(round=latest_round("DEMO-PO"), viewer=admin)
    assert not results.suppressed
    assert results.response_count >= 6
    assert results.invited_count >= results.response_count
    assert results.previous_round is not None
    assert len(results.values) == 5
    for value in results.values:
        assert value.mean is not None and 1 <= value.mean <= 5
        assert value.change is not None
    assert any(value.barriers for value in results.values)
    assert any(value.means for value in results.values)
    trust = next(v for v in results.values if v.key == ValueKey.TRUST)
    assert trust.mean == min(v.mean for v in results.values)


def test_most_demo_units_pass_the_threshold_and_one_does_not(seeded):
    admin = seeded["admin@example.org"]
    shown, hidden = [], []
    for code, *_names, _parent in toolkit_demo.DEMO_UNITS:
        if "-" in code:
            results = round_results(round=latest_round(code), viewer=admin)
            (hidden if results.suppressed else shown).append(code)
    assert hidden == [demo.SMALL_DEMO_UNIT]
    assert len(shown) == 7


def test_demo_answers_look_real(seeded):
    round = latest_round("DEMO-PO")
    scores = list(Answer.objects.filter(response__round=round).values_list("score", flat=True))
    assert None in scores  # some "can't say"
    assert len({s for s in scores if s is not None}) >= 4
    assert Participation.objects.filter(round=round).count() == round.responses.count()
    # Each demo team has one supervisor: no stored role may point at their answer.
    assert not Response.objects.filter(respondent_role=RespondentRole.SUPERVISOR).exists()
    assert set(round.responses.values_list("respondent_role", flat=True)) == {""}
    texts = list(OpenAnswer.objects.filter(response__round=round).values_list("text", flat=True))
    assert texts
    assert len(texts) == len(
        set(OpenAnswer.objects.filter(response__round=round).values_list("value", "kind", "text"))
    )


def test_demo_units_supervisor_can_still_open_a_round(seeded):
    unit = Unit.objects.get(code="DEMO-PO")
    today = datetime.date(2026, 11, 23)
    round = round_services.round_create(
        unit=unit,
        framework_version=FrameworkVersion.objects.get(),
        title="Syksy 2026",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        created_by=seeded["esihenkilo@example.org"],
        today=today,
    )
    assert round.status == AssessmentRound.Status.OPEN


def test_seed_demo_command_twice_changes_nothing_the_second_time(db):
    call_command("seed_demo", stdout=io.StringIO())
    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before
    assert before["AssessmentRound"] == 16


# County scale -------------------------------------------------------------------------------


def test_scale_rounds_make_closed_rounds_with_the_asked_number_of_answers(db):
    toolkit_demo.seed_scale_organisation(units=3, staff=45, areas=1)
    units = Unit.objects.filter(code__startswith="SCALE-U")
    today = datetime.date(2026, 11, 22)
    made = demo.seed_scale_rounds(units, years=2, answers_per_round=10, today=today)
    assert made == 3 * 2 * 10
    rounds = AssessmentRound.objects.all()
    assert rounds.count() == 6
    assert all(r.status == AssessmentRound.Status.CLOSED and r.closes_on < today for r in rounds)
    assert Answer.objects.count() == 60 * 20
    assert Invitation.objects.count() == 2 * 45
    assert demo.seed_scale_rounds(units, years=2, answers_per_round=10, today=today) == 0


def test_scale_round_dates_are_spread_over_past_years():
    dates = demo.scale_round_dates(years=2, rounds_per_year=2, today=datetime.date(2026, 5, 1))
    assert [d[2] for d in dates] == [
        datetime.date(2024, 2, 20),
        datetime.date(2024, 8, 20),
        datetime.date(2025, 2, 20),
        datetime.date(2025, 8, 20),
    ]
    assert len({title for title, *_ in dates}) == 4


def test_seed_scale_without_rounds_option_makes_no_rounds(db):
    call_command("seed_scale", "--units", "2", "--staff", "20", stdout=io.StringIO())
    assert not AssessmentRound.objects.exists()
    call_command(
        "seed_scale",
        "--units",
        "2",
        "--staff",
        "20",
        "--rounds-years",
        "1",
        "--answers-per-round",
        "4",
        stdout=io.StringIO(),
    )
    assert AssessmentRound.objects.count() == 2
    assert Response.objects.count() == 8


def test_scale_enrolments_cover_the_share_of_staff_once(db):
    from learning.demo import seed_scale_learning
    from learning.models import CourseAssignment, Enrolment

    toolkit_demo.seed_scale_organisation(units=2, staff=200, areas=1)
    units = list(Unit.objects.filter(code__startswith="SCALE-U"))
    staff = User.objects.filter(memberships__unit__in=units).distinct().count()
    scale_enrolments = Enrolment.objects.filter(user__memberships__unit__in=units)
    assert seed_scale_learning(units=units) == scale_enrolments.count() == 0.6 * staff
    assert CourseAssignment.objects.filter(unit__in=units).count() == 2
    assert seed_scale_learning(units=units) == 0
    assert scale_enrolments.count() == 0.6 * staff


def test_swedish_value_names_are_the_same_in_the_framework_and_the_interface(db):
    from django.utils import translation

    version = demo.seed_demo_framework()
    with translation.override("sv"):
        names = {v.key: (v.name_sv, str(ValueKey(v.key).label)) for v in version.values.all()}
    assert names["equality"] == ("Jämlikhet", "Jämlikhet")
    assert all(framework == interface for framework, interface in names.values())


def test_frameworks_seeded_with_likabehandling_are_renamed_jamlikhet(db):
    import importlib

    from django.apps import apps

    version = demo.seed_demo_framework()
    version.values.filter(key="equality").update(name_sv="Likabehandling")
    version.values.filter(key="trust").update(name_sv="Tillit")  # an administrator's own name
    migration = importlib.import_module("assessments.migrations.0004_i18n_equality_in_swedish")
    migration.jamlikhet(apps, None)
    names = dict(version.values.values_list("key", "name_sv"))
    assert (names["equality"], names["trust"]) == ("Jämlikhet", "Tillit")
