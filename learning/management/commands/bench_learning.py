"""Time the learning pages on the current data (after `seed_scale --enrolments`).

    manage.py bench_learning --runs 20

Renders through Django's test client, so the numbers are the server's own time, with the number
of SQL queries per page: the unit training report as the unit's supervisor, "My learning" and
the course page as an enrolled learner, and the trainers' analytics."""

from django.core.management.base import BaseCommand
from django.db.models import Count

from learning.models import CourseAssignment, CoursePage, Enrolment
from toolkit.bench import signed_in_get, timed_line
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
            self.stdout.write(timed_line(label, signed_in_get(user, path), runs))
