"""A person's own data: the ZIP they download, and erasure at their or the organisation's request.

What is whose. Assessment answers belong to nobody (tests/assessments/test_answering proves there
is no path from a person to an answer), so they are neither in the download nor touched by
erasure. The fact that a person was invited and has answered is kept as an anonymised shell, so a
closed round's response rate stays what it was. Learning records, reflections, certificates,
drafts, memberships and the login are the person's and go.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import uuid
import zipfile

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from .audit import audit_record
from .languages import SOURCE_LANGUAGE
from .models import ERASED_DOMAIN, AuditEvent, Membership, Notice, User
from .storage import private_storage


def _when(value) -> str | None:
    """ISO 8601, which programs read; a moment in Helsinki time with its offset."""
    if not value:
        return None
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


def _titles(keys, language: str) -> dict:
    """Page titles by translation key in the person's language (its published translation),
    else in Finnish, the source language of every page."""
    pages = Page.objects.filter(
        translation_key__in=set(keys), locale__language_code__in={SOURCE_LANGUAGE, language}
    )
    titles: dict = {}
    translated: dict = {}
    rows = pages.values_list("translation_key", "locale__language_code", "title", "live")
    for key, page_language, title, live in rows:
        if page_language == SOURCE_LANGUAGE:
            titles.setdefault(key, title)
        if page_language == language and live:
            translated[key] = title
    return titles | translated


def _learning_models():
    """The learning app's records of a person (imported here: the core app must not need the
    learning app to load)."""
    from learning import models

    return models


def personal_data(user: User) -> dict[str, object]:
    """Everything the site holds about `user`, as plain data (the JSON files of the ZIP), with
    names of courses, lessons and units in the person's own language."""
    with translation.override(user.preferred_language):
        return _personal_data(user, user.preferred_language)


def _personal_data(user: User, language: str) -> dict[str, object]:
    from assessments.models import Draft, ImprovementAction, Participation, ProgressNote

    m = _learning_models()
    enrolments = list(m.Enrolment.objects.filter(user=user))
    completions = list(m.LessonCompletion.objects.filter(user=user))
    attempts = list(m.QuizAttempt.objects.filter(user=user))
    videos = list(m.VideoProgress.objects.filter(user=user))
    reflections = list(m.Reflection.objects.filter(user=user))
    registrations = list(m.WebinarRegistration.objects.filter(user=user))
    certificates = list(m.Certificate.objects.filter(user=user))
    found = _titles(
        [e.course_key for e in enrolments]
        + [c.lesson_key for c in completions]
        + [a.lesson_key for a in attempts]
        + [v.lesson_key for v in videos]
        + [r.lesson_key for r in reflections]
        + [r.lesson_key for r in registrations],
        language,
    )

    def title(key) -> str:
        return found.get(key, str(key))

    return {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "site_roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "memberships": [
            {
                "unit": ms.unit.code,
                "unit_name": ms.unit.name,
                "role": ms.role,
                "since": _when(ms.created_at),
            }
            for ms in Membership.objects.filter(user=user).select_related("unit")
        ],
        "learning": {
            "courses": [
                {
                    "course": title(e.course_key),
                    "started": _when(e.started_at),
                    "completed": _when(e.completed_at),
                }
                for e in enrolments
            ],
            "lessons_completed": [
                {
                    "lesson": title(c.lesson_key),
                    "how": c.reason,
                    "when": _when(c.completed_at),
                }
                for c in completions
            ],
            "quiz_attempts": [
                {
                    "lesson": title(a.lesson_key),
                    "score": a.score,
                    "passed": a.passed,
                    "answers": a.answers,
                    "when": _when(a.created_at),
                }
                for a in attempts
            ],
            "videos_watched": [
                {"lesson": title(v.lesson_key), "share": v.watched_share} for v in videos
            ],
            "webinar_registrations": [
                {
                    "webinar": title(r.lesson_key),
                    "status": r.status,
                    "registered": _when(r.queued_at),
                    "attended": r.attended,
                }
                for r in registrations
            ],
        },
        "reflections": [
            {
                "lesson": title(r.lesson_key),
                "text": r.text,
                "updated": _when(r.updated_at),
            }
            for r in reflections
        ],
        "certificates": [
            {
                "course": c.course_title(language) or next(iter(c.course_titles.values()), ""),
                "completed_on": _when(c.completed_on),
                "verification_code": c.code,
            }
            for c in certificates
        ],
        "self_assessments": {
            "rounds_answered": [
                {"round": p.round.title, "unit": p.round.unit.code}
                for p in Participation.objects.filter(user=user).select_related("round__unit")
            ],
            "drafts_in_progress": [
                {"round": d.round.title, "saved": _when(d.updated_at), "answers": d.data}
                for d in Draft.objects.filter(user=user).select_related("round")
            ],
        },
        "improvement_actions": {
            "owned": list(
                ImprovementAction.objects.filter(owner=user).values_list("title", flat=True)
            ),
            "progress_notes": [
                {"action": n.action.title, "text": n.text, "when": _when(n.created_at)}
                for n in ProgressNote.objects.filter(author=user).select_related("action")
            ],
        },
        "notices": _notices(user),
    }


def _notices(user: User) -> list[dict]:
    """The person's home-page notices, in their own language."""
    from .selectors import notice_text

    with translation.override(user.preferred_language):
        return [
            {
                "text": notice_text(n),
                "detail": n.detail,
                "created": _when(n.created_at),
                "read": _when(n.read_at),
            }
            for n in Notice.objects.filter(user=user)
        ]


def _readme(user: User) -> str:
    with translation.override(user.preferred_language):
        return _(
            "Your data in Arvokas on %(date)s.\n\n"
            "The .json files hold your profile, unit memberships, learning progress, quiz "
            "answers, reflections, certificates and improvement actions. The certificates folder "
            "holds your certificate PDFs.\n\n"
            "Your answers to unit self-assessments are anonymous: they are stored without any "
            "link to you, so they cannot be included. The file says only which rounds you have "
            "answered, and any draft you have not sent yet.\n"
        ) % {"date": date_format(timezone.localdate(), "SHORT_DATE_FORMAT")}


def personal_data_zip(*, user: User) -> bytes:
    """The ZIP a person downloads of their own data; the download is written in the audit log."""
    data = personal_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(user))
        for name, part in data.items():
            archive.writestr(f"{name}.json", json.dumps(part, ensure_ascii=False, indent=2))
        for certificate in _learning_models().Certificate.objects.filter(user=user):
            for language, stored in sorted(certificate.files.items()):
                if private_storage().exists(stored):
                    with private_storage().open(stored) as pdf:
                        archive.writestr(
                            f"certificates/{certificate.code}-{language}.pdf", pdf.read()
                        )
    audit_record(
        actor=user,
        action=AuditEvent.Action.DATA_EXPORT,
        message="person",
        params={"person": user.pk},
    )
    return buffer.getvalue()


def _give_up_webinar_places(user: User) -> None:
    """A place on a webinar still to come goes to the first person waiting, as on a cancel."""
    from learning.services.webinars import webinar_cancel

    m = _learning_models()
    keys = m.WebinarRegistration.objects.filter(user=user).exclude(
        status=m.WebinarRegistration.Status.CANCELLED
    )
    lessons = m.LessonPage.objects.filter(
        translation_key__in=keys.values("lesson_key"), locale__language_code="fi"
    )
    for lesson in lessons:
        # A webinar already started, or no longer live: nobody can take the place now.
        with contextlib.suppress(ValidationError):
            webinar_cancel(user=user, lesson=lesson)


@transaction.atomic
def person_erase(*, user: User, erased_by: User) -> None:
    """Remove `user`'s personal data and keep an anonymous shell in its place.

    Gone: name, e-mail, login (password, e-mail addresses, MFA), memberships and site roles,
    home-page notices, learning records, reflections, certificates (and their files), drafts, the admin profile
    and its avatar. Kept, pointing at the
    shell: invitations and participations (response rates of past rounds), actions they owned and
    notes they wrote (the unit's record, now by "an erased person"), the audit log."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from wagtail.users.models import UserProfile

    from assessments.models import Draft

    m = _learning_models()
    if user.pk == erased_by.pk:
        raise ValueError("A person cannot erase themselves here; another administrator must.")
    user = User.objects.select_for_update().get(pk=user.pk)
    _give_up_webinar_places(user)
    certificates = [n for c in m.Certificate.objects.filter(user=user) for n in c.files.values()]
    avatars = [p.avatar.name for p in UserProfile.objects.filter(user=user) if p.avatar]
    for model in (
        Membership,
        Notice,
        Draft,
        m.Enrolment,
        m.LessonCompletion,
        m.QuizAttempt,
        m.VideoProgress,
        m.Reflection,
        m.Certificate,
        m.WebinarRegistration,
        EmailAddress,
        Authenticator,
        UserProfile,  # the Wagtail admin's profile, with any avatar picture
    ):
        model.objects.filter(user=user).delete()
    user.course_assignments.clear()
    user.groups.set(Group.objects.none())
    user.email = f"{uuid.uuid4().hex}@{ERASED_DOMAIN}"
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    audit_record(
        actor=erased_by,
        action=AuditEvent.Action.ERASURE,
        message="person",
        params={"person": user.pk},
    )
    transaction.on_commit(lambda: _files_delete(certificates, avatars))


def _files_delete(certificates: list[str], avatars: list[str]) -> None:
    """Certificates are in the private storage, avatar pictures in the public media."""
    for name in certificates:
        private_storage().delete(name)
    for name in avatars:
        default_storage.delete(name)
