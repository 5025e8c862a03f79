import time

from django.core.management.base import BaseCommand
from django.db import connection

from toolkit import demo
from toolkit.models import Unit


class Command(BaseCommand):
    help = "Make a large synthetic organisation for benchmarks (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=500)
        parser.add_argument("--staff", type=int, default=10_000)
        parser.add_argument(
            "--rounds-years",
            type=int,
            default=0,
            help="Years of closed self-assessment rounds with answers for every unit (0: none).",
        )
        parser.add_argument("--rounds-per-year", type=int, default=1)
        parser.add_argument(
            "--answers-per-round", type=int, default=10, help="Responses in each round."
        )
        parser.add_argument(
            "--enrolments",
            action="store_true",
            help="Assign the demo course to every unit and enrol 60 %% of the staff in it.",
        )

    def handle(
        self,
        *args,
        units,
        staff,
        rounds_years,
        rounds_per_year,
        answers_per_round,
        enrolments,
        **options,
    ):
        started = time.monotonic()
        made_units, made_people = demo.seed_scale_organisation(units=units, staff=staff)
        self.stdout.write(
            f"Scale organisation: {made_units} units, {made_people} new people "
            f"({time.monotonic() - started:.1f} s)."
        )
        if rounds_years > 0:
            from assessments.demo import seed_scale_rounds

            started = time.monotonic()
            scale_units = Unit.objects.filter(code__startswith="SCALE-U").order_by("code")[:units]
            responses = seed_scale_rounds(
                scale_units,
                years=rounds_years,
                rounds_per_year=rounds_per_year,
                answers_per_round=answers_per_round,
            )
            self.stdout.write(
                f"Assessment rounds: {responses} new responses "
                f"({time.monotonic() - started:.1f} s)."
            )
        if enrolments:
            from learning.demo import seed_scale_learning

            started = time.monotonic()
            scale_units = list(
                Unit.objects.filter(code__startswith="SCALE-U").order_by("code")[:units]
            )
            made = seed_scale_learning(units=scale_units)
            self.stdout.write(
                f"Learning: {made} new enrolments ({time.monotonic() - started:.1f} s)."
            )
        if connection.vendor == "postgresql":
            # Fresh statistics after a bulk load, as autovacuum would give them later: without
            # them the planner scans every answer for one round's figures.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
