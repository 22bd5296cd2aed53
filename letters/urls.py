from django.urls import path

from letters import views

app_name = "letters"
urlpatterns = [
    path("brieven/", views.letter_list, name="list"),
    path("brieven/nieuw/", views.letter_compose, name="compose"),
    path("brieven/selectie/", views.letter_compose_selection, name="compose-selection"),
    path("brieven/<int:pk>/", views.letter_detail, name="detail"),
    path("brieven/<int:pk>/pdf", views.letter_pdf, name="pdf"),
    path("brieven/<int:pk>/docx", views.letter_docx, name="docx"),
    path("brieven/<int:pk>/bewerken/", views.letter_edit, name="edit"),
    path("brieven/<int:pk>/teksten/", views.letter_texts, name="texts"),
    path("brieven/<int:pk>/onderdelen/nieuw/", views.letter_add_item, name="add-item"),
    path("brieven/<int:pk>/onderdelen/<int:item_pk>/verplaatsen/", views.item_move,
         name="item-move"),
    path("brieven/<int:pk>/secties/nieuw/", views.section_add, name="section-add"),
    path("brieven/<int:pk>/secties/<int:key>/", views.section_edit, name="section-edit"),
    path("brieven/<int:pk>/secties/<int:key>/verplaatsen/", views.section_move,
         name="section-move"),
    path("brieven/<int:pk>/secties/<int:key>/verwijderen/", views.section_delete,
         name="section-delete"),
    path("brieven/<int:pk>/indienen/", views.letter_submit, name="submit"),
    path("brieven/<int:pk>/goedkeuren/", views.letter_approve, name="approve"),
    path("brieven/<int:pk>/terugsturen/", views.letter_send_back, name="send-back"),
    path("brieven/<int:pk>/vaststellen/", views.letter_finalise, name="finalise"),
    path("brieven/<int:pk>/beloften/", views.letter_promises_offer, name="promises"),
    path("brieven/<int:pk>/kamerstuk/", views.letter_kamerstuk, name="kamerstuk"),
]
