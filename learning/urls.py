from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("my/", views.my_learning, name="my_learning"),
    path("courses/<int:pk>/start/", views.course_start, name="course_start"),
    path("lessons/<int:pk>/read/", views.lesson_read, name="lesson_read"),
    path("lessons/<int:pk>/quiz/", views.quiz_submit, name="quiz_submit"),
    path("lessons/<int:pk>/video/", views.video_progress, name="video_progress"),
    path("lessons/<int:pk>/reflection/", views.reflection_save, name="reflection_save"),
    path("certificates/<str:code>/", views.certificate_detail, name="certificate"),
    path(
        "certificates/<str:code>/<str:language>.pdf",
        views.certificate_download,
        name="certificate_download",
    ),
    path("verify/", views.certificate_verify, name="verify"),
]
