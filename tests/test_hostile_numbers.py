"""Ids, versions and page sizes typed by hand into a URL or a posted form.

"²" passes `str.isdigit()` and fails `int()`; a number of 5,000 digits fails `int()`; one of 23
digits passes `int()` and no database column holds it. Each was a server error (500) somewhere:
the searchable selects' look-up and their widget, the period preview, the lists' page size,
the bulk changes' chosen records, a status change's version, moving a letter's item. Now each is
an ordinary answer (register.ids.typed_id) and nothing changes.
"""

import pytest
from django.urls import reverse

from commitments.models import Commitment
from tests.test_access import first_item

HOSTILE = ["²", "9" * 5000, "9" * 23]


@pytest.fixture
def clerk_client(client_for, clerk, demo):
    return client_for(clerk)


@pytest.mark.parametrize("number", HOSTILE)
@pytest.mark.parametrize("url", [
    "/keuzes/documenten/?q=a&dossier={}",
    "/termijn/uitleg/?words_name=w&w=voor+de+zomer&ministry_name=m&m={}",
    "/toezeggingen/?per_page={}",
    "/toezeggingen/in-een-keer/?pk={}:1",
    "/toezeggingen/in-een-keer/?pk=1:{}",
    "/moties/in-een-keer/?pk={}:1",
])
def test_a_hand_typed_number_in_a_url_is_no_server_error(clerk_client, url, number):
    assert clerk_client.get(url.format(number)).status_code == 200


@pytest.mark.parametrize("number", HOSTILE)
def test_a_hand_typed_id_in_a_bulk_change_selects_nothing(clerk_client, demo, number):
    commitment = demo["commitments"][0]
    for items in (f"{number}:1", f"{commitment.pk}:{number}"):
        response = clerk_client.post(reverse("commitments:bulk"), {
            "items": items, "action": "topic", "topic": "Gekaapt", "reason": "x",
            "step": "apply"})
        assert response.status_code == 200
    assert not Commitment.objects.filter(topics__name="Gekaapt").exists()


@pytest.mark.parametrize("number", HOSTILE)
def test_a_hand_typed_version_or_choice_is_a_form_error(clerk_client, demo, number):
    commitment = demo["commitments"][0]
    before = Commitment.objects.count(), commitment.history.count()
    response = clerk_client.post(reverse("commitments:change-status", args=[commitment.pk]),
                                 {"version": number, "status": "done", "reason": "x"})
    assert response.status_code == 200
    response = clerk_client.post(reverse("commitments:create"),
                                 {"title": "x", "dossier": number, "bewindspersoon": number})
    assert response.status_code == 200
    assert (Commitment.objects.count(), commitment.history.count()) == before


@pytest.mark.parametrize("number", HOSTILE)
def test_a_hand_typed_section_for_a_letter_item_is_a_bad_request(client_for, letter_writer,
                                                                  demo, number):
    url = reverse("letters:item-move", kwargs=first_item(demo))
    response = client_for(letter_writer).post(url, {"direction": "section", "section": number})
    assert response.status_code == 400
