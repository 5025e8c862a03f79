"""The moment a course is completed: the congratulation page's certificate link and the next
course to suggest. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Certificate, CoursePage, Enrolment
from .progress import course_cards, course_index
from .recommendations import member_recommendations


@dataclass
class CourseCompletion:
    course: CoursePage
    enrolment: Enrolment
    certificate: Certificate | None
    language: str  # the certificate PDF offered first: the learner's language
    next_course: CoursePage | None
    next_reason: str  # "recommended" (from the unit's self-assessment), "next" or ""

    @property
    def pdf_ready(self) -> bool:
        return bool(self.certificate and self.language in self.certificate.files)


def course_completed(*, course: CoursePage, user) -> bool:
    """Whether the learner has completed the course (in any language)."""
    return Enrolment.objects.filter(
        user=user, course_key=course.translation_key, completed_at__isnull=False
    ).exists()


def _next_course(*, course: CoursePage, user, language: str) -> tuple[CoursePage | None, str]:
    """A course recommended to the learner's unit first, else the next course of the index that
    the learner has not completed (after this one, then from the start)."""
    for item in member_recommendations(user=user, language=language):
        if item.course.translation_key != course.translation_key:
            return item.course, "recommended"
    index = course_index(language=language)
    if index is None:
        return None, ""
    cards = [card for card in course_cards(index=index, user=user) if not card.completed]
    cards = [card for card in cards if card.course.translation_key != course.translation_key]
    later = [card for card in cards if card.course.path > course.path]
    chosen = (later or cards or [None])[0]
    return (chosen.course, "next") if chosen else (None, "")


def course_completion(*, course: CoursePage, user, language: str) -> CourseCompletion | None:
    """What the learner sees when they complete the course; None if they have not completed it."""
    enrolment = Enrolment.objects.filter(
        user=user, course_key=course.translation_key, completed_at__isnull=False
    ).first()
    if enrolment is None:
        return None
    certificate = Certificate.objects.filter(user=user, course_key=course.translation_key).first()
    next_course, reason = _next_course(course=course, user=user, language=language)
    return CourseCompletion(
        course=course,
        enrolment=enrolment,
        certificate=certificate,
        language=language,
        next_course=next_course,
        next_reason=reason,
    )
