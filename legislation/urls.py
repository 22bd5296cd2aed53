from django.urls import path

from legislation import views

app_name = "legislation"
urlpatterns = [
    path("wetgeving/", views.track_list, name="list"),
    path("wetgeving/nieuw/", views.track_create, name="create"),
    path("wetgeving/<int:pk>/", views.track_detail, name="detail"),
    path("wetgeving/<int:pk>/bewerken/", views.track_edit, name="edit"),
    path("wetgeving/<int:pk>/intrekken/", views.track_withdraw, name="withdraw"),
    path("wetgeving/<int:pk>/fasen/nieuw/", views.stage_add, name="stage-add"),
    path("wetgeving/<int:pk>/fasen/<int:stage_pk>/plannen/", views.stage_plan,
         name="stage-plan"),
    path("wetgeving/<int:pk>/fasen/<int:stage_pk>/starten/", views.stage_start,
         name="stage-start"),
    path("wetgeving/<int:pk>/fasen/<int:stage_pk>/afronden/", views.stage_complete,
         name="stage-complete"),
    path("wetgeving/<int:pk>/fasen/<int:stage_pk>/voortgang/", views.stage_progress,
         name="stage-progress"),
    path("wetgeving/<int:pk>/fasen/<int:stage_pk>/bewerken/", views.stage_edit,
         name="stage-edit"),
    path("wetgeving/<int:pk>/fasen/<int:stage_pk>/verplaatsen/", views.stage_move,
         name="stage-move"),
]
