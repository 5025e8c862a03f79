"""The site's URLs. Pages people read live under a language prefix (/fi/, /sv/, /en/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import health, views

app_urls = (
    [
        path("dashboard/", views.dashboard, name="dashboard"),
        path("notices/<int:pk>/read/", views.notice_read, name="notice_read"),
        path("notices/read/", views.notices_read_all, name="notices_read_all"),
        path("units/<str:code>/", views.unit_detail, name="unit_detail"),
        path("account/language/", views.account_language, name="account_language"),
        path("account/data/", views.my_data, name="my_data"),
        path("accounts/invitation/done/", views.invitation_done, name="invitation_done"),
        # The key in the same form as allauth's password reset links (uidb36-key).
        re_path(
            r"^accounts/invitation/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
            views.invitation_accept,
            name="invitation_accept",
        ),
        path("account/data/download/", views.my_data_download, name="my_data_download"),
    ],
    "toolkit",
)

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("p/", include("feedback.public_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include(app_urls)),
    path("assessments/", include("assessments.urls")),
    path("learning/", include("learning.urls")),
    path("feedback/", include("feedback.urls")),
    path("", include("cms.urls")),
    path("", include(wagtail_urls)),
)

handler500 = "toolkit.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
