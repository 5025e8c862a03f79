"""Time the learning pages on the current data (after `seed_scale --enrolments`).

    manage.py bench_learning --runs 20

Renders through Django's test client, so the numbers are the server's own time, with the number
of SQL queries per page: the unit training report as the unit's supervisor, "My learning" and
the course page as an enrolled learner, and the trainers' analytics."""

from django.core.management.base import BaseCommand
from django.db.models import Count
from django.test import Client

from learning.models import CourseAssignment, CoursePage, Enrolment
from toolkit.bench import timed
from toolkit.models import Membership, User
from toolkit.roles import TRAINERS


class Command(BaseCommand):
    help = "Time the unit training report, My learning, a course page and the analytics."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs: int, **options):
        assignment = (
            CourseAssignment.objects.annotate(n=Count("unit__memberships"))
            .order_by("-n")
            .select_related("unit")
            .first()
        )
        if assignment is None:
            self.stderr.write("No assignment: run seed_scale --enrolments first.")
            return
        unit = assignment.unit
        supervisor = User.objects.get(
            memberships__unit=unit, memberships__role=Membership.Role.SUPERVISOR
        )
        learner = User.objects.get(pk=Enrolment.objects.order_by("pk").first().user_id)
        course = CoursePage.objects.live().get(
            translation_key=assignment.course_key, locale__language_code="fi"
        )
        trainer = User.objects.filter(groups__name=TRAINERS).first() or supervisor
        self.stdout.write(
            f"{Enrolment.objects.count()} enrolments, {CourseAssignment.objects.count()} "
            f"assignments; unit {unit.code} with {assignment.n} members"
        )
        for label, user, path in (
            ("unit training report", supervisor, f"/fi/learning/units/{unit.code}/"),
            ("my learning", learner, "/fi/learning/my/"),
            ("course page", learner, course.url),
            ("learning analytics", trainer, f"/fi/learning/analytics/{course.pk}/"),
        ):
            self._time(label, user, path, runs)

    def _time(self, label: str, user, path: str, runs: int) -> None:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)

        def get() -> None:
            response = client.get(path)
            assert response.status_code == 200, f"{label}: HTTP {response.status_code} for {path}"

        median, p95, queries = timed(get, runs)
        self.stdout.write(f"{label}: median {median:.0f} ms, p95 {p95:.0f} ms, {queries} queries")
