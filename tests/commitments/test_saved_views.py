from django.contrib.auth.models import Group
from django.urls import reverse

from register.models import FeedToken, SavedView
from tests.conftest import make_user


def save(client, name, query="status=open&due=quarter", group=""):
    return client.post(reverse("commitments:saved-view-create"), {
        "kind": "commitments", "name": name, "query": query + "&page=3", "group": group})


def test_save_the_current_filter_and_open_it(client_for, advisor):
    client = client_for(advisor)
    response = save(client, "Mijn directie, open, dit kwartaal")
    view = SavedView.objects.get()
    assert response["Location"] == "/toezeggingen/?status=open&due=quarter"
    assert view.owner == advisor and view.query == "status=open&due=quarter"
    page = client.get(reverse("commitments:list")).content.decode()
    assert "Mijn directie, open, dit kwartaal" in page


def test_shared_with_a_group_is_seen_by_its_members_only(client_for, advisor, letter_writer):
    beleid = Group.objects.get(name="beleid")
    save(client_for(advisor), "Gedeeld", group=beleid.pk)
    colleague = make_user("beleid2", "beleid")
    assert list(SavedView.objects.visible_to(colleague, "commitments")) == \
        list(SavedView.objects.all())
    assert not SavedView.objects.visible_to(letter_writer, "commitments").exists()


def test_cannot_share_with_a_group_one_is_not_in(client_for, advisor):
    brieven = Group.objects.get(name="brieven")
    save(client_for(advisor), "Stiekem", group=brieven.pk)
    assert not SavedView.objects.exists()


def test_duplicate_name_is_explained(client_for, advisor):
    client = client_for(advisor)
    save(client, "Open")
    response = save(client, "Open")
    assert SavedView.objects.count() == 1
    assert response.status_code == 302
    assert "al een selectie met deze naam" in client.get(response["Location"]).content.decode()


def test_a_refused_name_goes_back_to_the_list_as_it_was_filtered(client_for, advisor):
    """Not to the whole list: the filter the user wanted to keep is still there to save."""
    client = client_for(advisor)
    save(client, "Open")
    response = save(client, "Open", query="status=open&overdue=1")
    assert response["Location"] == "/toezeggingen/?status=open&overdue=1"


def test_only_the_owner_deletes(client_for, advisor, clerk):
    save(client_for(advisor), "Van mij")
    view = SavedView.objects.get()
    url = reverse("commitments:saved-view-delete", args=[view.pk])
    assert client_for(clerk).post(url).status_code == 404
    assert client_for(advisor).get(url).status_code == 405
    assert client_for(advisor).post(url).status_code == 302
    assert not SavedView.objects.exists()


def test_deleting_a_shared_view_asks_first(client_for, advisor):
    group = Group.objects.get(name="beleid")
    view = SavedView.objects.create(kind="commitments", name="Gedeeld", query="status=open",
                                    owner=advisor, group=group)
    client = client_for(advisor)
    url = reverse("commitments:saved-view-delete", args=[view.pk])
    asked = client.post(url)
    assert asked.status_code == 200
    assert "Gedeelde selectie ‘Gedeeld’ verwijderen?" in asked.content.decode()
    assert SavedView.objects.filter(pk=view.pk).exists()
    assert client.post(url, {"confirmed": "1"}).status_code == 302
    assert not SavedView.objects.filter(pk=view.pk).exists()


def test_the_feed_link_of_a_saved_view_names_the_calendar(client_for, advisor):
    FeedToken.renew(advisor)
    SavedView.objects.create(kind="commitments", name="Open", query="status=open", owner=advisor)
    html = client_for(advisor).get(reverse("commitments:list"), {"status": "open"}).content
    assert b"deadlines.ics?status=open&amp;naam=Open" in html
