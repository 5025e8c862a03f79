"""Completing a course has its own moment: the last required lesson leads to a page that
congratulates, links the certificate and suggests the next course."""

import pytest
from django.urls import reverse

from learning import services
from learning.models import Certificate

from .factories import correct_option_values, make_course


@pytest.fixture
def next_course(course_index, course):
    return make_course(course_index, slug="seuraava", title="Seuraava kurssi")


def complete_page(course) -> str:
    return reverse("learning:course_complete", args=[course.pk])


def test_last_required_lesson_leads_to_the_completion_page_with_the_certificate(
    learner_client, org, course, lessons, next_course, django_capture_on_commit_callbacks
):
    services.lesson_mark_read(user=org.employee_a, lesson=lessons["lukeminen"])
    services.video_progress_record(
        user=org.employee_a, lesson=lessons["webinaari"], watched_share=1
    )
    quiz = lessons["testi"]
    with django_capture_on_commit_callbacks(execute=True):  # the certificate PDF task
        response = learner_client.post(
            f"/fi/learning/lessons/{quiz.pk}/quiz/", correct_option_values(quiz)
        )
    assert response.status_code == 302 and response["Location"] == complete_page(course)

    page = learner_client.get(response["Location"])
    assert page.status_code == 200
    text = page.text
    assert "Onnittelut, olet suorittanut kurssin!" in text and "Hyvä kohtaaminen" in text
    certificate = Certificate.objects.get(user=org.employee_a)
    download = reverse("learning:certificate_download", args=[certificate.code, "fi"])
    assert f'href="{download}"' in text
    assert learner_client.get(download).status_code == 200
    assert next_course.url in text and "Seuraava kurssi" in text  # the next course suggested


def test_a_lesson_that_does_not_finish_the_course_goes_on_to_the_next_lesson(
    learner_client, lessons
):
    response = learner_client.post(f"/fi/learning/lessons/{lessons['lukeminen'].pk}/read/")
    assert response.status_code == 302 and response["Location"] == lessons["testi"].url


def test_reading_the_last_lesson_leads_to_the_completion_page(learner_client, org, course, lessons):
    services.quiz_submit(
        user=org.employee_a,
        lesson=lessons["testi"],
        answers={
            qid: [i for i, option in enumerate(q["options"]) if option["correct"]]
            for qid, q in lessons["testi"].questions
        },
    )
    services.video_progress_record(
        user=org.employee_a, lesson=lessons["webinaari"], watched_share=1
    )
    response = learner_client.post(f"/fi/learning/lessons/{lessons['lukeminen'].pk}/read/")
    assert response["Location"] == complete_page(course)


def test_the_video_that_finishes_the_course_answers_with_the_completion_page(
    learner_client, org, course, lessons
):
    url = f"/fi/learning/lessons/{lessons['webinaari'].pk}/video/"
    assert "course_complete_url" not in learner_client.post(url, {"watched_share": "1"}).json()
    services.lesson_mark_read(user=org.employee_a, lesson=lessons["lukeminen"])
    quiz = lessons["testi"]
    learner_client.post(f"/fi/learning/lessons/{quiz.pk}/quiz/", correct_option_values(quiz))
    answer = learner_client.post(url, {"watched_share": "1"}).json()
    assert answer == {"completed": True, "course_complete_url": complete_page(course)}


def test_completion_page_of_a_course_not_completed_leads_back_to_the_course(
    learner_client, client, course
):
    response = learner_client.get(complete_page(course))
    assert response.status_code == 302 and response["Location"] == course.url
    client.logout()
    assert "/accounts/login/" in client.get(complete_page(course))["Location"]


def test_completion_page_makes_the_same_few_queries_with_more_courses(
    learner_client, org, course, lessons, course_index, django_assert_max_num_queries
):
    for lesson in ("lukeminen",):
        services.lesson_mark_read(user=org.employee_a, lesson=lessons[lesson])
    services.video_progress_record(
        user=org.employee_a, lesson=lessons["webinaari"], watched_share=1
    )
    quiz = lessons["testi"]
    learner_client.post(f"/fi/learning/lessons/{quiz.pk}/quiz/", correct_option_values(quiz))
    with django_assert_max_num_queries(30) as small:
        assert learner_client.get(complete_page(course)).status_code == 200
    for number in range(4):
        make_course(course_index, slug=f"kurssi-{number}", title=f"Kurssi {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert learner_client.get(complete_page(course)).status_code == 200
