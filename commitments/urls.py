from django.urls import path

from commitments import feeds, spreadsheet_views, views

app_name = "commitments"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("toezeggingen/", views.commitment_list, name="list"),
    path("toezeggingen/nieuw/", views.commitment_create, name="create"),
    path("toezeggingen/export.xlsx", views.commitment_export_xlsx, name="export-xlsx"),
    path("toezeggingen/importeren/", spreadsheet_views.spreadsheet_upload,
         name="spreadsheet-upload"),
    path("toezeggingen/importeren/<int:pk>/", spreadsheet_views.spreadsheet_preview,
         name="spreadsheet-preview"),
    path("toezeggingen/export.csv", views.commitment_export_csv, name="export-csv"),
    path("feeds/<str:token>/deadlines.ics", feeds.deadlines_ics, name="feed-ics"),
    path("feeds/<str:token>/changes.atom", feeds.status_changes_atom, name="feed-atom"),
    path("selecties/", views.saved_view_create, name="saved-view-create"),
    path("selecties/<int:pk>/verwijderen/", views.saved_view_delete, name="saved-view-delete"),
    path("toezeggingen/<int:pk>/", views.commitment_detail, name="detail"),
    path("toezeggingen/<int:pk>/bewerken/", views.commitment_edit, name="edit"),
    path("toezeggingen/<int:pk>/status/", views.commitment_status, name="change-status"),
    path("toezeggingen/<int:pk>/voortgang/", views.commitment_progress, name="progress"),
    path("toezeggingen/<int:pk>/op-datum/", views.commitment_as_of, name="as-of"),
    path("moties/", views.motion_list, name="motion-list"),
    path("moties/nieuw/", views.motion_create, name="motion-create"),
    path("moties/export.xlsx", views.motion_export_xlsx, name="motion-export-xlsx"),
    path("moties/export.csv", views.motion_export_csv, name="motion-export-csv"),
    path("moties/<int:pk>/", views.motion_detail, name="motion-detail"),
    path("moties/<int:pk>/bewerken/", views.motion_edit, name="motion-edit"),
    path("moties/<int:pk>/stemming/", views.motion_vote, name="motion-vote"),
    path("moties/<int:pk>/uitvoering/", views.motion_status, name="motion-status"),
    path("moties/<int:pk>/voortgang/", views.motion_progress, name="motion-progress"),
    path("moties/<int:pk>/op-datum/", views.motion_as_of, name="motion-as-of"),
    path("verschillen/", views.differences, name="differences"),
    path("verschillen/dossier-aanvullen/", views.dossier_completion,
         name="motion-complete-dossier"),
    path("synchronisatie/", views.sync_log, name="sync-log"),
]
