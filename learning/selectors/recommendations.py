"""Courses recommended to a unit from its self-assessment: the values that scored lowest in
the latest closed round (only where that round met the anonymity threshold) suggest the courses
tagged with them. A fixed number of queries for any number of units or courses."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from assessments.models import AssessmentRound
from assessments.selectors.results import weakest_values
from cms.models import VALUE_LABELS
from toolkit import permissions as toolkit_permissions
from toolkit.models import Unit

from ..models import CourseAssignment, CoursePage, Enrolment
from .training import live_courses


@dataclass(frozen=True)
class Recommendation:
    unit: Unit
    round: AssessmentRound
    value_key: str
    course: CoursePage
    assigned: bool

    @property
    def value_label(self) -> str:
        return str(VALUE_LABELS.get(self.value_key, self.value_key))


def _recommend(
    unit_ids: list[int], language: str, today: datetime.date
) -> dict[int, list[Recommendation]]:
    weak = weakest_values(unit_ids=unit_ids) if unit_ids else {}
    if not weak:
        return {}
    units = Unit.objects.in_bulk(list(weak))
    courses = live_courses(language=language)
    assigned = set(
        CourseAssignment.objects.filter(
            unit_id__in=list(weak), whole_unit=True, due_on__gte=today
        ).values_list("unit_id", "course_key")
    )
    result: dict[int, list[Recommendation]] = {}
    for unit in units.values():
        seen, items = set(), []
        for key in weak[unit.pk].keys:
            for course in courses:
                if key in (course.values or []) and course.translation_key not in seen:
                    seen.add(course.translation_key)
                    items.append(
                        Recommendation(
                            unit=unit,
                            round=weak[unit.pk].round,
                            value_key=key,
                            course=course,
                            assigned=(unit.pk, course.translation_key) in assigned,
                        )
                    )
        result[unit.pk] = items
    return result


def unit_recommendations(
    *, unit: Unit, language: str, today: datetime.date | None = None
) -> list[Recommendation]:
    """The courses that build the unit's weakest values, for the unit page."""
    today = today or timezone.localdate()
    return _recommend([unit.pk], language, today).get(unit.pk, [])


def recommendation_for(*, unit: Unit, course_id: str | int | None, language: str):
    """The unit's recommendation of the course with this page id, or None (also for an id that
    is not a number: it comes from the query string)."""
    if not str(course_id or "").isdigit():
        return None
    wanted = int(course_id)
    return next(
        (r for r in unit_recommendations(unit=unit, language=language) if r.course.pk == wanted),
        None,
    )


def member_recommendations(
    *, user, language: str, today: datetime.date | None = None
) -> list[Recommendation]:
    """For a member's home page: the courses recommended to any of their units, once each,
    leaving out those they have completed."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    unit_ids = sorted(toolkit_permissions.member_unit_ids(user))
    by_unit = _recommend(unit_ids, language, today)
    if not by_unit:
        return []
    completed = set(
        Enrolment.objects.filter(user=user, completed_at__isnull=False).values_list(
            "course_key", flat=True
        )
    )
    seen, items = set(), []
    for unit_id in unit_ids:
        for item in by_unit.get(unit_id, []):
            key = item.course.translation_key
            if key not in completed and key not in seen:
                seen.add(key)
                items.append(item)
    return items
