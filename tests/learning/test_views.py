"""Learning views: who may do what, bad input answered clearly, pages in bounded queries."""

import pytest

from learning import services
from learning.models import Certificate, Enrolment, QuizAttempt, Reflection, VideoProgress

from .factories import correct_option_values, make_course


def test_lessons_need_sign_in_and_courses_do_not(client, course, lessons):
    assert client.get(course.url).status_code == 200
    response = client.get(lessons["lukeminen"].url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_course_page_shows_the_learners_progress(learner_client, org, course, lessons):
    services.lesson_mark_read(user=org.employee_a, lesson=lessons["lukeminen"])
    page = learner_client.get(course.url).content.decode()
    assert "1/3 pakollisesta oppitunnista suoritettu" in page
    assert "Jatka siitä, mihin jäit" in page
    assert 'value="33"' in page


def test_start_leads_to_the_first_unfinished_lesson(learner_client, org, course, lessons):
    services.lesson_mark_read(user=org.employee_a, lesson=lessons["lukeminen"])
    response = learner_client.post(f"/fi/learning/courses/{course.pk}/start/")
    assert response.status_code == 302 and response["Location"] == lessons["testi"].url
    assert Enrolment.objects.filter(user=org.employee_a).count() == 1


def test_quiz_through_the_page_shows_feedback_and_completes(learner_client, org, lessons):
    lesson = lessons["testi"]
    response = learner_client.post(
        f"/fi/learning/lessons/{lesson.pk}/quiz/", correct_option_values(lesson)
    )
    assert response.status_code == 302
    page = learner_client.get(lesson.url).content.decode()
    assert "Oikein." in page and 'id="quiz-result"' in page
    assert QuizAttempt.objects.get(user=org.employee_a).passed


@pytest.mark.parametrize(
    "data",
    [{}, {"q-SINGLE": "9"}, {"q-SINGLE": "<script>alert(1)</script>"}, {"q-SINGLE": ["0", "1"]}],
)
def test_bad_quiz_posts_get_a_clear_error_and_store_nothing(learner_client, lessons, data):
    lesson = lessons["testi"]
    single_id = lesson.questions[0][0]
    data = {key.replace("SINGLE", single_id): value for key, value in data.items()}
    response = learner_client.post(f"/fi/learning/lessons/{lesson.pk}/quiz/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "field__error" in text and "<script>alert(1)</script>" not in text
    assert not QuizAttempt.objects.exists()


def test_video_endpoint_answers_json_and_refuses_bad_shares(learner_client, org, lessons):
    url = f"/fi/learning/lessons/{lessons['webinaari'].pk}/video/"
    assert learner_client.post(url, {"watched_share": "0.95"}).json() == {"completed": True}
    for bad in ("", "abc", "2", "-1"):
        response = learner_client.post(url, {"watched_share": bad})
        assert response.status_code == 400 and response.json()["error"]
    assert VideoProgress.objects.get(user=org.employee_a).watched_share == 0.95
    no_video = f"/fi/learning/lessons/{lessons['lukeminen'].pk}/video/"
    assert learner_client.post(no_video, {"watched_share": "0.5"}).status_code == 400


def test_actions_on_draft_or_unknown_lessons_are_404(learner_client, lessons):
    lesson = lessons["lukeminen"]
    lesson.unpublish()
    assert learner_client.post(f"/fi/learning/lessons/{lesson.pk}/read/").status_code == 404
    assert learner_client.post("/fi/learning/lessons/999999/read/").status_code == 404


def test_actions_need_sign_in_and_post(client, learner_client, lessons):
    url = f"/fi/learning/lessons/{lessons['lukeminen'].pk}/read/"
    assert client.logout() is None
    assert client.post(url).status_code == 302
    assert not Enrolment.objects.exists()


def test_reflection_form_rejects_oversized_text(learner_client, lessons):
    url = f"/fi/learning/lessons/{lessons['testi'].pk}/reflection/"
    response = learner_client.post(url, {"text": "x" * 4001})
    assert response.status_code == 400 and "field__error" in response.content.decode()
    assert not Reflection.objects.exists()
    assert learner_client.post(url, {"text": "Hyvä"}).status_code == 302


def test_my_learning_lists_courses_in_progress_and_completed(learner_client, org, course, lessons):
    services.lesson_mark_read(user=org.employee_a, lesson=lessons["lukeminen"])
    page = learner_client.get("/fi/learning/my/").content.decode()
    assert "Hyvä kohtaaminen" in page
    mine = learner_client.get("/fi/learning/my/").context["mine"]
    assert [p.course.title for p in mine.in_progress] == ["Hyvä kohtaaminen"]
    assert mine.completed == []


@pytest.mark.parametrize("courses", [1, 6])
def test_my_learning_and_course_pages_run_bounded_queries(
    learner_client, org, course_index, django_assert_max_num_queries, courses
):
    made = [make_course(course_index, slug=f"k{n}", title=f"Kurssi {n}") for n in range(courses)]
    for course in made:
        services.course_start(user=org.employee_a, course=course)
        first = course.get_children().first().specific
        services.lesson_mark_read(user=org.employee_a, lesson=first)
    # 16 for progress, plus assigned courses (2) and recommendations (3) when there are none.
    with django_assert_max_num_queries(21):
        assert learner_client.get("/fi/learning/my/").status_code == 200
    with django_assert_max_num_queries(22):
        assert learner_client.get(made[-1].url).status_code == 200
    with django_assert_max_num_queries(22):
        assert learner_client.get(course_index.url).status_code == 200


def test_certificate_is_only_for_its_owner(
    client, org, course, lessons, django_capture_on_commit_callbacks
):
    from .test_progress import complete_all_required

    with django_capture_on_commit_callbacks(execute=True):
        complete_all_required(org.employee_a, lessons)
    certificate = Certificate.objects.get()
    url = f"/fi/learning/certificates/{certificate.code}/"
    client.force_login(org.supervisor_a)
    assert client.get(url).status_code == 404
    assert client.get(f"{url}fi.pdf").status_code == 404
    client.force_login(org.employee_a)
    page = client.get(url)
    assert page.status_code == 200 and certificate.code in page.content.decode()
    download = client.get(f"{url}fi.pdf")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert client.get(f"{url}xx.pdf").status_code == 404
    assert client.post(url, {"language": "xx"}).status_code == 302


def test_verification_shows_name_course_and_date_only(client, org, course, lessons):
    from .test_progress import complete_all_required

    complete_all_required(org.employee_a, lessons)
    certificate = Certificate.objects.get()
    response = client.get("/fi/learning/verify/", {"code": certificate.code.lower()})
    text = response.content.decode()
    assert response.status_code == 200
    assert certificate.learner_name in text and "Hyvä kohtaaminen" in text
    assert org.employee_a.email not in text


@pytest.mark.parametrize(
    ("code", "status"),
    [("ABCDEFGHJK", 404), ("short", 400), ("<script>x</script>", 400), ("", 400), ("x" * 500, 400)],
)
def test_unknown_or_malformed_codes_get_a_clear_answer(client, db, code, status):
    response = client.get("/fi/learning/verify/", {"code": code})
    assert response.status_code == status
    text = response.content.decode()
    assert "field__error" in text and "<script>x</script>" not in text
