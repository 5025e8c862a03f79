"""The public client form, /p/<code>/: no language prefix (the browser's language, switchable)."""

from django.urls import path

from .views import public

app_name = "feedback_public"

urlpatterns = [
    path("<str:code>/", public.feedback_form, name="form"),
    path("<str:code>/thanks/", public.thanks, name="thanks"),
    path("<str:code>/kiosk/", public.kiosk_form, name="kiosk"),
    path("<str:code>/kiosk/thanks/", public.kiosk_thanks, name="kiosk_thanks"),
]
