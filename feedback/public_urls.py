"""The public client form, /p/<code>/: no language prefix (the browser's language, switchable)."""

app_name = "feedback_public"

urlpatterns: list = []
