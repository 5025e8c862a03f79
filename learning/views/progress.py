"""Learning views: thin wrappers that parse, ask permissions, call a service or selector.

Course and lesson pages themselves are Wagtail pages; the actions on them post here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from toolkit.storage import private_storage

from .. import permissions, selectors, services
from ..forms import QuizForm, ReflectionForm, VerifyForm
from ..models import Certificate, CoursePage, LessonPage
from ..reports.certificates import LANGUAGES, certificate_pdf_prepare
from ..selectors import recommendations, training
from ..selectors.completion import course_completed, course_completion
from ..selectors.quiz import quiz_questions


def _lesson_for(request, pk: int) -> LessonPage:
    lesson = get_object_or_404(LessonPage, pk=pk)
    if not permissions.can_take_lesson(request.user, lesson):
        raise Http404
    return lesson


def _lesson_page(request, lesson: LessonPage, status: int = 200, **extra) -> TemplateResponse:
    """The lesson page re-rendered with a bound form and its errors."""
    context = {**lesson.get_context(request), **extra}
    return TemplateResponse(request, lesson.get_template(request), context, status=status)


@login_required
@require_POST
def course_start(request, pk: int):
    """Start (or resume) a course: on to the first lesson not yet completed."""
    course = get_object_or_404(CoursePage.objects.live(), pk=pk)
    services.course_start(user=request.user, course=course)
    next_lesson = selectors.course_progress(course=course, user=request.user).next_lesson
    return redirect(next_lesson.url if next_lesson else course.url)


@login_required
@require_POST
def lesson_read(request, pk: int):
    lesson = _lesson_for(request, pk)
    course = selectors.course_of(lesson)
    was_completed = course_completed(course=course, user=request.user)
    try:
        services.lesson_mark_read(user=request.user, lesson=lesson)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(lesson.url)
    if not was_completed and course_completed(course=course, user=request.user):
        return redirect("learning:course_complete", pk=course.pk)
    messages.success(request, _("Lesson completed."))
    following = selectors.lesson_state(lesson=lesson, user=request.user).next
    return redirect(following.url if following else selectors.course_of(lesson).url)


@login_required
@require_POST
def quiz_submit(request, pk: int):
    lesson = _lesson_for(request, pk)
    course = selectors.course_of(lesson)
    was_completed = course_completed(course=course, user=request.user)
    form = QuizForm(request.POST, questions=quiz_questions(lesson=lesson, user=request.user))
    if not form.is_valid():
        return _lesson_page(request, lesson, status=400, quiz_form=form, quiz_chosen=form.chosen())
    try:
        result = services.quiz_submit(user=request.user, lesson=lesson, answers=form.answers())
    except ValidationError as error:
        form.add_error(None, error)
        return _lesson_page(request, lesson, status=400, quiz_form=form, quiz_chosen=form.chosen())
    if result.attempt.passed:
        messages.success(request, _("You passed the quiz."))
        if not was_completed and course_completed(course=course, user=request.user):
            return redirect("learning:course_complete", pk=course.pk)
    else:
        messages.warning(
            request, _("You did not reach the pass mark yet. Read the feedback and try again.")
        )
    return redirect(f"{lesson.url}#quiz-result")


@login_required
@require_POST
def video_progress(request, pk: int):
    """The player reports the share of the video actually played (0–1)."""
    lesson = _lesson_for(request, pk)
    try:
        share = float(request.POST.get("watched_share", ""))
    except ValueError:
        return JsonResponse({"error": _("The watched share must be between 0 and 1.")}, status=400)
    try:
        completed = services.video_progress_record(
            user=request.user, lesson=lesson, watched_share=share
        )
    except ValidationError as error:
        return JsonResponse({"error": error.messages[0]}, status=400)
    answer = {"completed": completed}
    course = selectors.course_of(lesson)
    if completed and course_completed(course=course, user=request.user):
        answer["course_complete_url"] = reverse("learning:course_complete", args=[course.pk])
    return JsonResponse(answer)


@login_required
@require_GET
def course_complete(request, pk: int):
    """The moment of completing a course: congratulations, the certificate, a next course."""
    course = get_object_or_404(CoursePage.objects.live(), pk=pk)
    completion = course_completion(course=course, user=request.user, language=get_language()[:2])
    if completion is None:
        return redirect(course.url)
    return render(request, "learning/course_complete.html", {"completion": completion})


@login_required
@require_POST
def reflection_save(request, pk: int):
    lesson = _lesson_for(request, pk)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_save(
                user=request.user, lesson=lesson, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error("text", error)
    if not form.is_valid():
        return _lesson_page(request, lesson, status=400, reflection_form=form)
    messages.success(request, _("Your reflection is saved."))
    return redirect(f"{lesson.url}#reflection")


@login_required
@require_GET
def my_learning(request):
    language = get_language()[:2]
    index = selectors.course_index(language=language)
    return render(
        request,
        "learning/my_learning.html",
        {
            "assigned": training.learner_assignments(user=request.user, language=language),
            "recommended": recommendations.member_recommendations(
                user=request.user, language=language
            ),
            "mine": selectors.my_learning(user=request.user),
            "course_index_url": index.url if index else None,
        },
    )


def _certificate_for(request, code: str) -> Certificate:
    certificate = get_object_or_404(Certificate, code=code)
    if not permissions.can_view_certificate(request.user, certificate):
        raise Http404
    return certificate


@login_required
def certificate_detail(request, code: str):
    """The learner's certificate: download in each language, prepared on request."""
    certificate = _certificate_for(request, code)
    if request.method == "POST":
        language = request.POST.get("language", "")
        if language not in LANGUAGES:
            messages.error(request, _("Choose one of the languages shown."))
        else:
            certificate_pdf_prepare(certificate, language)
        return redirect("learning:certificate", code=certificate.code)
    certificate.refresh_from_db()
    return render(
        request,
        "learning/certificate.html",
        {
            "certificate": certificate,
            "course_title": certificate.course_title(get_language()[:2]),
            "languages": selectors.certificate_languages(certificate=certificate),
        },
    )


@login_required
@require_GET
def certificate_download(request, code: str, language: str):
    certificate = _certificate_for(request, code)
    name = certificate.files.get(language)
    if not name or not private_storage().exists(name):
        raise Http404
    filename = f"{slugify(certificate.course_title(language)) or 'certificate'}-{language}.pdf"
    return FileResponse(
        private_storage().open(name, "rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )


# Public look-ups per address and window: enough for people, too few to try codes in bulk.
VERIFY_LIMIT, VERIFY_WINDOW = 30, 600


def _verify_allowed(request) -> bool:
    """Count a look-up from this address; False once it has made VERIFY_LIMIT in the window."""
    key = f"learning:verify:{request.META.get('REMOTE_ADDR', 'unknown')}"
    cache.add(key, 0, timeout=VERIFY_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=VERIFY_WINDOW)
        count = 1
    return count <= VERIFY_LIMIT


@require_GET
def certificate_verify(request):
    """Anyone checks a code (typed, or from the certificate's QR code): name, course and date,
    nothing more. An unknown code is a 404; too many look-ups from one address a 429."""
    form = VerifyForm(request.GET or None)
    certificate, status = None, 200
    if form.is_bound and not _verify_allowed(request):
        form = VerifyForm()
        return render(
            request,
            "learning/verify.html",
            {
                "form": form,
                "limited": _("Too many checks from this address. Try again in a few minutes."),
            },
            status=429,
        )
    if form.is_bound and form.is_valid():
        certificate = Certificate.objects.filter(code=form.cleaned_data["code"]).first()
        if certificate is None:
            form.add_error("code", _("No certificate has this code. Check the code and try again."))
            status = 404
    elif form.is_bound:
        status = 400
    context = {"form": form, "certificate": certificate}
    if certificate:
        context["course_title"] = certificate.course_title(get_language()[:2])
    return render(request, "learning/verify.html", context, status=status)
