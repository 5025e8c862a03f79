"""The URLconf while `make bench` runs (toolkit.bench): the project's URLs and the bare view."""

from django.http import HttpResponse
from django.urls import path

from toolkit import urls as project_urls


def bare_view(request):
    """The least a request can cost here: the middleware stack and an empty answer."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare_view), *project_urls.urlpatterns]
