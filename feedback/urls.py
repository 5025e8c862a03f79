"""Client feedback's pages for staff, under the language prefix (/fi/feedback/...)."""

from django.urls import path

from .views import link

app_name = "feedback"

urlpatterns: list = [
    path("units/<str:code>/", link.unit_link, name="unit_link"),
    path("units/<str:code>/sms/", link.link_sms_send, name="link_sms"),
    path("units/<str:code>/renew/", link.link_renew, name="link_renew"),
    path("units/<str:code>/poster/<str:language>/", link.poster, name="poster"),
]
