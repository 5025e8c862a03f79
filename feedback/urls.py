"""Client feedback's pages for staff, under the language prefix (/fi/feedback/...)."""

app_name = "feedback"

urlpatterns: list = []
