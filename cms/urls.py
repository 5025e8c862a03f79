from django.urls import path

from . import views

app_name = "cms"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
]
