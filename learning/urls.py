from django.urls import path

from .views import analytics, progress, training, webinars

app_name = "learning"

urlpatterns = [
    path("my/", progress.my_learning, name="my_learning"),
    path("courses/<int:pk>/start/", progress.course_start, name="course_start"),
    path("courses/<int:pk>/complete/", progress.course_complete, name="course_complete"),
    path("lessons/<int:pk>/read/", progress.lesson_read, name="lesson_read"),
    path("lessons/<int:pk>/quiz/", progress.quiz_submit, name="quiz_submit"),
    path("lessons/<int:pk>/video/", progress.video_progress, name="video_progress"),
    path("lessons/<int:pk>/reflection/", progress.reflection_save, name="reflection_save"),
    path("certificates/<str:code>/", progress.certificate_detail, name="certificate"),
    path(
        "certificates/<str:code>/<str:language>.pdf",
        progress.certificate_download,
        name="certificate_download",
    ),
    path("verify/", progress.certificate_verify, name="verify"),
    # Live webinars
    path("webinars/", webinars.webinar_list, name="webinar_list"),
    path("webinars/<int:pk>/register/", webinars.webinar_register, name="webinar_register"),
    path("webinars/<int:pk>/cancel/", webinars.webinar_cancel, name="webinar_cancel"),
    path("webinars/<int:pk>/calendar.ics", webinars.webinar_calendar, name="webinar_calendar"),
    path("webinars/<int:pk>/attendance/", webinars.webinar_attendance, name="webinar_attendance"),
    # A unit's training, for its supervisors
    path("units/<str:code>/", training.unit_training, name="unit_training"),
    path("units/<str:code>/training.csv", training.unit_training_csv, name="unit_training_csv"),
    path("units/<str:code>/assign/", training.assignment_new, name="assignment_new"),
    path(
        "units/<str:code>/assignments/<int:pk>/withdraw/",
        training.assignment_withdraw,
        name="assignment_withdraw",
    ),
    # Trainers' analytics
    path("analytics/", analytics.analytics_index, name="analytics"),
    path("analytics/<int:pk>/", analytics.analytics_course, name="analytics_course"),
]
