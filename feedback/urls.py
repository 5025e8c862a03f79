"""Client feedback's pages for staff, under the language prefix (/fi/feedback/...)."""

from django.urls import path

from .views import inbox, link

app_name = "feedback"

urlpatterns: list = [
    path("units/<str:code>/inbox/", inbox.inbox, name="inbox"),
    path("units/<str:code>/inbox/readers/", inbox.inbox_readers, name="inbox_readers"),
    path(
        "units/<str:code>/inbox/readers/<int:user_id>/remove/",
        inbox.inbox_reader_remove,
        name="inbox_reader_remove",
    ),
    path("units/<str:code>/inbox/<uuid:pk>/", inbox.message_detail, name="message_detail"),
    path("units/<str:code>/inbox/<uuid:pk>/status/", inbox.message_status, name="message_status"),
    path("units/<str:code>/inbox/<uuid:pk>/reply/", inbox.message_reply, name="message_reply"),
    path("units/<str:code>/", link.unit_link, name="unit_link"),
    path("units/<str:code>/sms/", link.link_sms_send, name="link_sms"),
    path("units/<str:code>/renew/", link.link_renew, name="link_renew"),
    path("units/<str:code>/collecting/", link.link_collecting, name="link_collecting"),
    path("units/<str:code>/poster/<str:language>/", link.poster, name="poster"),
]
