"""Time the results page and the round list on the current data (e.g. after seed_scale).

    manage.py bench_results --runs 20

Renders the pages through Django's test client as an administrator, so the numbers are the
server's own time (no network), with the number of SQL queries per page."""

from django.core.management.base import BaseCommand
from django.db.models import Count

from assessments.models import AssessmentRound
from toolkit.bench import signed_in_get, timed_line
from toolkit.models import User


class Command(BaseCommand):
    help = "Time the results page and the unit's round list on the data in the database."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs: int, **options):
        round = (
            AssessmentRound.objects.filter(status=AssessmentRound.Status.CLOSED)
            .annotate(n=Count("responses"))
            .order_by("-closes_on", "-n")
            .select_related("unit")
            .first()
        )
        if round is None:
            self.stderr.write("No closed round: run seed_scale with --rounds-years first.")
            return
        admin = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
            email="bench@example.org", password=None
        )
        self.stdout.write(
            f"{AssessmentRound.objects.count()} rounds; timing round {round.pk} of {round.unit.code}"
        )
        for label, path in (
            ("results page", f"/fi/assessments/rounds/{round.pk}/results/"),
            ("round list", f"/fi/assessments/units/{round.unit.code}/rounds/"),
        ):
            self.stdout.write(timed_line(label, signed_in_get(admin, path), runs))
