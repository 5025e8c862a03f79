import time

from django.core.management.base import BaseCommand
from django.db import connection

from toolkit import demo, seeding
from toolkit.models import Unit


class Command(BaseCommand):
    help = "Make a large synthetic organisation for benchmarks (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=500)
        parser.add_argument("--staff", type=int, default=10_000)
        for app_seeding in seeding.scale_seeds():  # each app's own options
            app_seeding.add_arguments(parser)

    def handle(self, *args, units, staff, **options):
        started = time.monotonic()
        made_units, made_people = demo.seed_scale_organisation(units=units, staff=staff)
        self.stdout.write(
            f"Scale organisation: {made_units} units, {made_people} new people "
            f"({time.monotonic() - started:.1f} s)."
        )
        for app_seeding in seeding.scale_seeds():
            started = time.monotonic()
            scale_units = Unit.objects.filter(code__startswith="SCALE-U").order_by("code")[:units]
            made = app_seeding.seed(scale_units, options)
            if made:
                self.stdout.write(f"{made} ({time.monotonic() - started:.1f} s).")
        if connection.vendor == "postgresql":
            # Fresh statistics after a bulk load, as autovacuum would give them later: without
            # them the planner scans every answer for one round's figures.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
