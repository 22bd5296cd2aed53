import datetime

import pytest
from django.core.exceptions import ValidationError

from commitments.models import COMMITMENT_TRANSITIONS, Commitment, Status
from register.history import ChangeSource
from tests import factories

REMAINING = "De cijfers over 2021 volgen."
ALL_PAIRS = [(old, new) for old in Status for new in Status]
ALLOWED = [(old, new) for old, new in ALL_PAIRS if new in COMMITMENT_TRANSITIONS[old]]
REFUSED = [(old, new) for old, new in ALL_PAIRS if new not in COMMITMENT_TRANSITIONS[old]]
DELIVERED = (Status.DONE, Status.PARTLY_DONE)  # the statuses that keep a document


def in_status(status, clerk):
    """A commitment brought to `status` through allowed changes."""
    commitment = factories.commitment(clerk)
    path = {Status.OPEN: [], Status.IN_PROGRESS: [Status.IN_PROGRESS],
            Status.PARTLY_DONE: [Status.PARTLY_DONE], Status.DONE: [Status.DONE],
            Status.LAPSED: [Status.LAPSED]}[status]
    for step in path:
        document = factories.document() if step in DELIVERED else None
        commitment.change_status(step, by=clerk, reason="voorbereiding", document=document,
                                 remaining=REMAINING)
    return commitment


def test_the_design_table_of_transitions():
    assert set(ALLOWED) == {
        ("open", "in_progress"), ("in_progress", "open"),
        ("open", "partly_done"), ("open", "done"), ("open", "lapsed"),
        ("in_progress", "partly_done"), ("in_progress", "done"), ("in_progress", "lapsed"),
        ("partly_done", "partly_done"), ("partly_done", "done"), ("partly_done", "lapsed"),
        ("done", "in_progress"), ("lapsed", "open"),
    }


@pytest.mark.parametrize("old, new", ALLOWED)
def test_allowed_transition_is_saved_with_history(old, new, clerk):
    commitment = in_status(old, clerk)
    letter = factories.document() if new in DELIVERED else None
    commitment.change_status(new, by=clerk, reason="Stand van zaken", document=letter,
                             remaining=REMAINING)
    commitment.refresh_from_db()
    assert commitment.status == new
    latest = commitment.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason,
            latest.change_source) == (new, clerk, "Stand van zaken", ChangeSource.PERSON)


@pytest.mark.parametrize("old, new", REFUSED)
def test_refused_transition_raises_and_changes_nothing(old, new, clerk):
    commitment = in_status(old, clerk)
    rows = commitment.history.count()
    with pytest.raises(ValidationError, match="kan niet naar"):
        commitment.change_status(new, by=clerk, reason="poging", document=factories.document(),
                                 remaining=REMAINING)
    commitment.refresh_from_db()
    assert commitment.status == old
    assert commitment.history.count() == rows


def test_every_status_has_a_dutch_explanation(clerk):
    commitment = factories.commitment(clerk)
    for status in Status:
        commitment.status = status
        assert commitment.status_explanation.endswith(".")


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_change_needs_a_reason(reason, clerk):
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError, match="reden"):
        commitment.change_status("in_progress", by=clerk, reason=reason)
    assert Commitment.objects.get().status == "open"


def test_clerk_cannot_fulfil_without_document(clerk):
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError, match="document"):
        commitment.change_status("done", by=clerk, reason="klaar")
    assert Commitment.objects.get().status == "open"


def test_done_records_the_document_and_its_date(clerk):
    commitment = factories.commitment(clerk)
    letter = factories.document(on=datetime.date(2021, 3, 30))
    commitment.change_status("done", by=clerk, reason="brief verstuurd", document=letter)
    assert (commitment.delivered_by, commitment.delivered_on) == (letter,
                                                                 datetime.date(2021, 3, 30))


def test_an_import_through_change_status_names_the_document_too(clerk):
    """The spreadsheet import changes statuses here, as an import (its history says so), under
    the same rules as a person. Only the Kamer's own register may record done with just a date,
    and its import does not come here (tests/imports/test_toezeggingen_mapping.py)."""
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError) as refused:
        commitment.change_status("done", by=clerk, reason="import", on=datetime.date(2021, 5, 1),
                                 source=ChangeSource.IMPORT)
    assert refused.value.code == "document"
    letter = factories.document()
    commitment.change_status("done", by=clerk, reason="import", document=letter,
                             source=ChangeSource.IMPORT)
    assert (commitment.status, commitment.delivered_by) == ("done", letter)
    assert commitment.history.latest().change_source == ChangeSource.IMPORT


@pytest.mark.parametrize("source", list(ChangeSource))
@pytest.mark.parametrize("remaining", [None, "", "   "])
def test_partly_done_is_refused_without_what_remains(remaining, source, clerk):
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError, match="Vermeld wat nog resteert") as refused:
        commitment.change_status("partly_done", by=clerk, reason="deel", remaining=remaining,
                                 document=factories.document(), source=source)
    assert refused.value.code == "remaining"
    commitment.refresh_from_db()
    assert (commitment.status, commitment.history.count()) == ("open", 1)


def test_what_remains_stated_before_still_counts(clerk):
    commitment = factories.commitment(clerk)
    commitment.change_status("partly_done", by=clerk, reason="deel", remaining=REMAINING)
    commitment.change_status("partly_done", by=clerk, reason="nog een deel")
    assert (commitment.status, commitment.remaining) == ("partly_done", REMAINING)


def test_reopening_clears_the_delivery_but_history_keeps_it(clerk):
    commitment = factories.commitment(clerk)
    letter = factories.document()
    commitment.change_status("done", by=clerk, reason="brief", document=letter)
    commitment.change_status("in_progress", by=clerk, reason="Kamer vindt het onvoldoende")
    assert commitment.delivered_by is None
    assert commitment.history.filter(delivered_by=letter).exists()


def test_partly_done_states_what_remains(clerk):
    commitment = factories.commitment(clerk)
    commitment.change_status("partly_done", by=clerk, reason="deel geleverd",
                             remaining="De cijfers over 2021 volgen.")
    assert commitment.remaining == "De cijfers over 2021 volgen."


def test_unknown_status_is_a_validation_error(clerk):
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError, match="Onbekende waarde"):
        commitment.change_status("finished", by=clerk, reason="x")


def test_change_status_does_not_write_back_stale_fields(clerk):
    """A status change applies to the current row: another person's edit is kept."""
    commitment = factories.commitment(clerk, title="Oud")
    other_copy = Commitment.objects.get()
    other_copy.title = "Nieuw"
    other_copy.save()
    commitment.change_status("in_progress", by=clerk, reason="bezig")
    assert Commitment.objects.get().title == "Nieuw"
