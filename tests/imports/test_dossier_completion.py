"""Motions imported without their dossier: listed on /verschillen/ by the title the Kamer gave
their dossier, and placed by a clerk one group at a time (issue 15)."""

import pytest
from django.urls import reverse

from commitments.models import Motion
from register.models import Dossier
from tests import factories
from tests.imports.helpers import DATA, run

URL = reverse("commitments:motion-complete-dossier")
DIFFERENCES = reverse("commitments:differences")


@pytest.fixture
def unplaced(clerk):
    run("import_tk_moties", DATA / "real" / "document_motie_page.json")
    return Motion.objects.dossier_missing()


def test_the_motions_to_complete_are_listed_by_the_kamers_title(
        client_for, clerk, unplaced, django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(20):  # however many motions wait
        page = client.get(DIFFERENCES).content.decode()
    assert "Moties waarvan het dossier nog moet worden aangevuld" in page
    assert "<h3>China</h3>" in page
    assert "nr. 89, dossier nog aan te vullen (2025D15879)" in page


def test_clerk_places_a_group_of_motions_in_their_dossier(client_for, clerk, unplaced):
    china = list(unplaced.filter(tk_dossier_title="China").order_by("pk"))
    response = client_for(clerk).post(URL, {"title": "China", "dossier": "36 410"}, follow=True)
    assert "8 moties in dossier 36 410 geplaatst." in response.content.decode()
    dossier = Dossier.objects.get(number="36410")
    assert dossier.title == "China"
    assert dossier.motions.count() == len(china) == 8
    for motion in china:
        motion.refresh_from_db()
        assert (motion.dossier, motion.tk_dossier_title) == (dossier, "")
        row = motion.history.latest()
        assert row.history_user == clerk and row.change_source == "person"
        assert row.history_change_reason == ("Dossier aangevuld: 36 410 (titel bij de Kamer: "
                                             "‘China’)")
    assert unplaced.filter(tk_dossier_title="China").count() == 0
    assert unplaced.count() == 500 - 8


def test_a_number_the_dossier_holds_already_is_left_and_said(client_for, clerk, unplaced):
    factories.motion(clerk, dossier=factories.dossier("36410"), number="89")
    response = client_for(clerk).post(URL, {"title": "China", "dossier": "36410"}, follow=True)
    assert "Dossier 36 410 heeft al een motie met nummer 89" in response.content.decode()
    assert unplaced.filter(tk_dossier_title="China").get().number == "89"


def test_a_malformed_dossier_number_is_refused_in_its_group_with_what_was_typed(
        client_for, clerk, unplaced, django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(20):
        response = client.post(URL, {"title": "China", "dossier": "36 41O"})
    assert response.status_code == 200  # no redirect, which would lose what was typed
    page = response.content.decode()
    china = page[page.index("<h3>China</h3>"):]
    china = china[:china.index("</section>")]
    assert 'value="36 41O"' in china and 'aria-invalid="true"' in china
    assert "Een dossiernummer bestaat uit cijfers" in china
    assert page.count('aria-invalid="true"') == 1  # the other groups' forms are fresh
    assert unplaced.count() == 500


def test_a_refusal_for_a_group_placed_meanwhile_is_said_above_the_page(client_for, clerk,
                                                                       unplaced):
    response = client_for(clerk).post(URL, {"title": "Al geplaatst", "dossier": "China"})
    assert response.status_code == 200
    assert "Een dossiernummer bestaat uit cijfers" in response.content.decode()
    assert unplaced.count() == 500


def test_get_is_refused(client_for, clerk):
    assert client_for(clerk).get(URL).status_code == 405


def test_advisor_may_not_place_motions(client_for, advisor, unplaced):
    assert client_for(advisor).post(URL, {"title": "China", "dossier": "36410"}).status_code \
        == 403
    assert unplaced.count() == 500


def test_anonymous_is_sent_to_login(client, unplaced):
    response = client.post(URL, {"title": "China", "dossier": "36410"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_withdrawn_motions_are_listed(client_for, clerk, unplaced):
    motion = unplaced.first()
    Motion.objects.filter(pk=motion.pk).update(tk_deleted_at="2025-06-12T10:55:35Z")
    page = client_for(clerk).get(DIFFERENCES).content.decode()
    assert "Moties die de Kamer heeft verwijderd" in page and "verwijderd op 12 juni 2025" in page
