"""The self-assessment's pages, under the language prefix."""

from django.urls import path, re_path

from .views import actions, answering, combined, results, round_actions, rounds

app_name = "assessments"

urlpatterns = [
    path("units/<str:code>/rounds/", rounds.unit_rounds, name="unit_rounds"),
    path("units/<str:code>/rounds/new/", rounds.round_create, name="round_create"),
    path("units/<str:code>/combined/", combined.combined_results, name="combined"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rounds/<int:pk>/close/confirm/", rounds.round_close_confirm, name="round_close_confirm"),
    re_path(
        r"^rounds/(?P<pk>\d+)/(?P<action>open|close|remind|invite-new|extend)/$",
        round_actions.round_action,
        name="round_action",
    ),
    path("rounds/<int:pk>/answer/", answering.answer, name="answer"),
    path("rounds/<int:pk>/answered/", answering.answered, name="answered"),
    path("rounds/<int:pk>/results/", results.round_results, name="results"),
    path("rounds/<int:pk>/conclusions/", actions.round_conclusions, name="round_conclusions"),
    path("units/<str:code>/actions/", actions.unit_actions, name="unit_actions"),
    path("units/<str:code>/actions/new/", actions.action_create, name="action_create"),
    path("units/<str:code>/actions/suggest/", actions.action_suggest, name="action_suggest"),
    path("units/<str:code>/timeline/", actions.unit_timeline, name="unit_timeline"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/notes/", actions.action_note, name="action_note"),
    path("suggestions/<int:pk>/accept/", actions.suggestion_accept, name="suggestion_accept"),
    path("suggestions/<int:pk>/decline/", actions.suggestion_decline, name="suggestion_decline"),
]

from .views import reports  # noqa: E402  (report and export pages)

urlpatterns += [
    path("rounds/<int:pk>/report/", reports.report_prepare, name="report_prepare"),
    path("rounds/<int:pk>/report/<str:job>/", reports.report_status, name="report_status"),
    path(
        "rounds/<int:pk>/report/<str:job>/download/",
        reports.report_download,
        name="report_download",
    ),
    path("rounds/<int:pk>/results.csv", reports.round_csv, name="round_csv"),
    path("units/<str:code>/timeline.csv", reports.timeline_csv, name="timeline_csv"),
]

from .views import overview  # noqa: E402

urlpatterns.append(path("overview/", overview.organisation_overview, name="overview"))
