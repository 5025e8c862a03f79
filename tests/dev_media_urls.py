"""The site's URLs plus the public media folder, as the embedded default (DEBUG) serves them."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from toolkit.urls import handler500  # noqa: F401
from toolkit.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
