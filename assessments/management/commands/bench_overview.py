"""Time the organisation overview on the current data (e.g. after seed_scale).

    manage.py bench_overview --runs 10

Like bench_results: renders the page through Django's test client as an administrator, so the
numbers are the server's own time (no network), with the number of SQL queries per page.

If the improvement-action table is not in this database yet (its migration not applied), the
table is created inside a transaction that is rolled back at the end, so the timing includes the
action query and the database is left exactly as it was."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from assessments import models as assessment_models
from assessments.selectors.overview import organisation_overview
from toolkit.bench import signed_in_get, timed_line
from toolkit.models import Unit, User


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the organisation overview page on the data in the database."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=10)

    def handle(self, *args, runs: int, **options):
        try:
            with transaction.atomic():
                self._ensure_action_table()
                self._bench(runs)
                raise _Rollback
        except _Rollback:
            pass

    def _ensure_action_table(self) -> None:
        model = getattr(assessment_models, "ImprovementAction", None)
        if model is None or model._meta.db_table in connection.introspection.table_names():
            return
        self.stdout.write("(improvement-action table missing: created for this run only)")
        with connection.schema_editor(atomic=False) as editor:
            editor.create_model(model)

    def _bench(self, runs: int) -> None:
        admin = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
            email="bench-overview@example.org", password=None
        )
        area = Unit.objects.filter(children__isnull=False, parent__isnull=False).first()
        self.stdout.write(f"{Unit.objects.count()} units")
        self.stdout.write(
            timed_line("selector only", lambda: organisation_overview(viewer=admin), runs)
        )
        paths = [
            ("overview, by name", "/fi/assessments/overview/"),
            ("overview, by trust desc", "/fi/assessments/overview/?sort=trust&order=desc"),
            ("overview, page 3", "/fi/assessments/overview/?page=3"),
        ]
        if area is not None:
            paths.append(("overview, one area", f"/fi/assessments/overview/?area={area.pk}"))
        for label, path in paths:
            self.stdout.write(timed_line(label, signed_in_get(admin, path), runs))
