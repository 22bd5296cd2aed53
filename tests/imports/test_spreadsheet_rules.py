"""The spreadsheet import's rules for existing rows: empty cells, the delivery, done, writing."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.urls import reverse

from commitments import spreadsheet
from commitments.models import Commitment, SpreadsheetUpload, Status
from register.history import save_with_history
from register.models import Committee, Document, Party
from tests import factories
from tests.imports.helpers import plan_import, snapshot


@pytest.fixture
def existing(clerk):
    return factories.commitment(
        clerk, title="Bestaand", deadline_text="in maart 2021", tk_number="TZ202012-001",
        to_party=Party.objects.create(abbreviation="PVV"),
        committee=Committee.objects.create(abbreviation="VWS", name="Commissie VWS"))


@pytest.fixture
def done(clerk, existing):
    document = factories.document("468")
    return existing.change_status("done", by=clerk, reason="brief", document=document)


def csv_bytes(text):
    return ("\ufeff" + text).encode("utf-8")


def plan(text, name="lijst.csv"):
    return plan_import(csv_bytes(text), name)


def row_errors(text):
    (row,) = plan(text).rows
    return [(str(column), message) for column, message in row.errors]


def import_refused(tmp_path, text):
    """The command's message; asserts nothing was written."""
    path = tmp_path / "lijst.csv"
    path.write_bytes(csv_bytes(text))
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("import_spreadsheet", str(path), user="griffie")
    assert snapshot() == before
    return str(error.value)


# --- Empty cells --------------------------------------------------------------------------------

@pytest.mark.parametrize("column", ["Titel", "Tekst", "Bewindspersoon", "Ministerie",
                                    "Datum toezegging", "Status"])
def test_an_empty_required_cell_on_an_existing_row_is_an_error(column, existing, tmp_path):
    text = f"Nummer;{column}\n{existing.number};\n"
    errors = row_errors(text)
    assert errors == [(column, "Mag niet leeg zijn: dit veld is verplicht. Vul de huidige "
                               "waarde in, of lees deze kolom niet in.")]
    assert "1 rij(en) met fouten" in import_refused(tmp_path, text)


def test_an_empty_optional_cell_clears_the_field_as_the_preview_shows(clerk, existing, tmp_path):
    text = f"Nummer;Fractie;Commissie;Termijn;Nummer Tweede Kamer\n{existing.number};;;;\n"
    (row,) = plan(text).rows
    assert row.action == "update"
    assert [(str(label), old, new) for label, old, new in row.changes] == [
        ("Nummer Tweede Kamer", "TZ202012-001", "—"), ("Fractie", "PVV", "—"),
        ("Commissie", "Commissie VWS", "—"), ("Termijn", "in maart 2021", "—")]
    path = tmp_path / "leeg.csv"
    path.write_bytes(csv_bytes(text))
    call_command("import_spreadsheet", str(path), user="griffie")
    existing.refresh_from_db()
    assert (existing.to_party, existing.committee, existing.deadline_text, existing.tk_number,
            existing.deadline_end) == (None, None, "", "", None)
    assert existing.title == "Bestaand" and existing.history.count() == 2


def test_an_empty_status_on_a_new_row_means_open(clerk, existing):
    (row,) = plan("Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging;Status\n"
                  "Nieuw;Tekst;P. Blokhuis;VWS;18-12-2020;\n").rows
    assert row.action == "create" and not row.errors


def test_a_too_long_title_is_a_row_error_not_a_database_error(existing):
    errors = row_errors(f"Nummer;Titel\n{existing.number};{'x' * 201}\n")
    assert errors[0][0] == "Titel" and "200" in errors[0][1]


# --- The delivery follows the status -------------------------------------------------------------

def test_a_delivery_date_without_a_status_change_is_refused(done, tmp_path):
    text = f"Nummer;Status;Nagekomen op\n{done.number};Afgedaan;01-02-2021\n"
    errors = row_errors(text)
    assert errors == [("Nagekomen op", "Nagekomen op verandert alleen samen met de status, naar "
                                       "‘Afgedaan’ of ‘Deels afgedaan’ (zoals op de "
                                       "statuspagina).")]
    import_refused(tmp_path, text)
    assert done.history.count() == 2


def test_a_lapse_keeps_the_partial_delivery_its_row_still_shows(clerk, existing, tmp_path):
    """The export's row of a partly done commitment, lapsed in Excel: its delivery date cell
    shows what stays recorded, so it is no date typed for the lapse."""
    existing.change_status("partly_done", by=clerk, reason="deels", remaining="De rest.",
                           on=datetime.date(2021, 3, 1))
    path = tmp_path / "vervallen.csv"
    path.write_bytes(csv_bytes(f"Nummer;Status;Nagekomen op\n{existing.number};Vervallen;"
                               f"01-03-2021\n"))
    call_command("import_spreadsheet", str(path), user="griffie")
    existing.refresh_from_db()
    assert (existing.status, existing.delivered_on) == ("lapsed", datetime.date(2021, 3, 1))


def test_emptying_the_delivery_of_a_done_commitment_is_refused(done):
    errors = row_errors(f"Nummer;Nagekomen op;Nagekomen met\n{done.number};;\n")
    assert [column for column, _message in errors] == ["Nagekomen op", "Nagekomen met"]


def test_a_status_change_writes_the_delivery_the_preview_shows(clerk, existing, tmp_path):
    text = (f"Nummer;Status;Nagekomen op;Nagekomen met\n"
            f"{existing.number};Afgedaan;01-02-2021;Kamerstuk 24 077, nr. 999\n")
    (row,) = plan(text).rows
    assert [(str(label), old, new) for label, old, new in row.changes] == [
        ("Status", "Openstaand", "Afgedaan"), ("Nagekomen op", "—", "01-02-2021"),
        ("Nagekomen met", "—", "Kamerstuk 24 077, nr. 999")]
    path = tmp_path / "af.csv"
    path.write_bytes(csv_bytes(text))
    call_command("import_spreadsheet", str(path), user="griffie")
    existing.refresh_from_db()
    assert (existing.status, existing.delivered_on, str(existing.delivered_by)) == (
        "done", datetime.date(2021, 2, 1), "Kamerstuk 24 077, nr. 999")
    assert existing.history.count() == 2  # the registration and the status change, no empty row


def test_reopening_with_the_old_delivery_still_in_the_cells_is_refused(done):
    errors = row_errors(f"Nummer;Status;Nagekomen op\n{done.number};In uitvoering;18-12-2020\n")
    assert errors == [("Nagekomen op", "Bij de status ‘In uitvoering’ wordt Nagekomen op ‘—’; "
                                       "maak de cel leeg.")]


def test_reopening_with_empty_delivery_cells_clears_the_delivery(done):
    (row,) = plan(f"Nummer;Status;Nagekomen op;Nagekomen met\n{done.number};In uitvoering;;\n"
                  ).rows
    assert [(str(label), new) for label, _old, new in row.changes] == [
        ("Status", "In uitvoering"), ("Nagekomen op", "—"), ("Nagekomen met", "—")]


DONE_NEEDS_A_DOCUMENT = ("Bij ‘Afgedaan’ hoort het document waarmee de toezegging is nagekomen: "
                         "kies er een of typ een verwijzing.")


@pytest.mark.parametrize("text", [
    "Nummer;Status\n{number};Afgedaan\n",
    "Nummer;Status;Nagekomen op;Nagekomen met\n{number};Afgedaan;01-02-2021;\n",
])
def test_done_without_a_delivering_document_is_refused_as_on_the_status_form(
        text, existing, tmp_path):
    text = text.format(number=existing.number)
    errors = row_errors(text)
    assert errors == [("Nagekomen met", DONE_NEEDS_A_DOCUMENT)]
    import_refused(tmp_path, text)


def test_partly_done_needs_no_document(clerk, existing):
    existing.remaining = "Het tweede rapport."
    save_with_history(existing, by=clerk, reason="resteert")
    (row,) = plan(f"Nummer;Status\n{existing.number};Deels afgedaan\n").rows
    assert row.action == "update" and not row.errors


def test_partly_done_without_what_remains_is_refused_by_preview_and_command(existing, tmp_path):
    """Partly done states what remains (Commitment.check_transition), and a spreadsheet has no
    column for it: the status page is where it is said."""
    text = f"Nummer;Status\n{existing.number};Deels afgedaan\n"
    (column, message), = row_errors(text)
    assert column == "Status" and "geen kolom" in message and "statuspagina" in message
    assert "1 rij(en) met fouten" in import_refused(tmp_path, text)
    new = row_errors("Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging;Status\n"
                     "Nieuw;Tekst;P. Blokhuis;VWS;18-12-2020;Deels afgedaan\n")
    assert new == [("Status", message)]


def test_a_new_row_that_is_done_needs_a_document_too(existing):
    errors = row_errors("Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging;Status\n"
                        "Nieuw;Tekst;P. Blokhuis;VWS;18-12-2020;Afgedaan\n")
    assert errors == [("Nagekomen met", DONE_NEEDS_A_DOCUMENT)]


def in_status(commitment, status, *, by, remaining):
    """`commitment` brought to `status` by allowed changes; what remains kept or not."""
    path = {Status.IN_PROGRESS: ["in_progress"], Status.PARTLY_DONE: ["partly_done"],
            Status.DONE: ["done"], Status.LAPSED: ["lapsed"]}.get(status, [])
    for step in path:
        document = factories.document("400") if step in ("done", "partly_done") else None
        commitment.change_status(step, by=by, reason="eerder", remaining="Eerder gezegd.",
                                 document=document)
    if not remaining:
        Commitment.objects.filter(pk=commitment.pk).update(remaining="")
    return Commitment.objects.get(pk=commitment.pk)


@pytest.mark.parametrize("remaining", [True, False], ids=["remaining stated", "none stated"])
@pytest.mark.parametrize("document", [True, False], ids=["document", "no document"])
@pytest.mark.parametrize("new", list(Status))
@pytest.mark.parametrize("old", list(Status))
def test_the_preview_refuses_exactly_what_the_import_refuses(old, new, document, remaining,
                                                             clerk, existing):
    """Every status change, with and without a delivering document and what remains: the
    preview (the model's check on a copy) and the import's writing (change_status) agree."""
    commitment = in_status(existing, old, by=clerk, remaining=remaining)
    # The document in its column only where the status changes to one that delivers: the
    # cells of the delivery follow the status (a rule of the cells, not of the statuses).
    columns, cells = ["Nummer", "Status"], [commitment.number, str(Status(new).label)]
    if document and old != new and new in (Status.DONE, Status.PARTLY_DONE):
        columns, cells = [*columns, "Nagekomen met"], [*cells, "Kamerstuk 24 077, nr. 999"]
    (row,) = plan(f"{';'.join(columns)}\n{';'.join(cells)}\n").rows
    try:
        with transaction.atomic():
            spreadsheet.apply_row(row, by=clerk, reason="import spreadsheet")
    except ValidationError:
        written = False
    else:
        written = True
    assert (not row.errors) == written, row.errors
    assert Commitment.objects.get(pk=commitment.pk).status == (new if written else old)


# --- Delivering documents as our export writes them ----------------------------------------------

@pytest.mark.parametrize("cell", ["2024D40123", "brief-2024D40123", "Voortgangsbrief drugbeleid"])
def test_a_document_without_a_reference_is_found_by_what_the_export_writes(cell, clerk, existing):
    Document.objects.create(kind="brief", kenmerk="2024D40123", title="Voortgangsbrief drugbeleid",
                            date=datetime.date(2024, 10, 1))
    (row,) = plan(f"Nummer;Status;Nagekomen met\n{existing.number};Afgedaan;{cell}\n").rows
    assert not row.errors
    assert row.changes[-1][2] == "Voortgangsbrief drugbeleid"


def test_two_documents_with_the_same_title_are_an_error(existing):
    Document.objects.create(kind="brief", title="Brief")
    Document.objects.create(kind="brief", title="Brief")
    errors = row_errors(f"Nummer;Status;Nagekomen met\n{existing.number};Afgedaan;Brief\n")
    assert errors[0][0] == "Nagekomen met" and "Meer dan één document" in errors[0][1]


def test_the_csv_formula_quote_is_taken_off_again(existing):
    (row,) = plan(f"Nummer;Titel;Tekst\n{existing.number};'-5 jaar;'hallo\n").rows
    assert (row.values["title"], row.values["text"]) == ("-5 jaar", "'hallo")


# --- Writing never crashes -----------------------------------------------------------------------

def test_a_database_error_is_a_row_message_and_nothing_is_written(clerk, existing, monkeypatch):
    plan_ = plan("Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging\n"
                 "Een;Tekst;P. Blokhuis;VWS;18-12-2020\nTwee;Tekst;P. Blokhuis;VWS;18-12-2020\n")
    save = Commitment.save

    def failing(self, *args, **kwargs):
        if self.title == "Twee":
            raise IntegrityError("NOT NULL constraint failed: commitments_commitment.made_on")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Commitment, "save", failing)
    before = snapshot()
    with pytest.raises(spreadsheet.PlanFailed):
        spreadsheet.apply_plan(plan_, by=clerk)
    assert snapshot() == before
    assert [row.action for row in plan_.rows] == ["create", "error"]
    assert "De database weigerde deze rij" in plan_.rows[1].errors[0][1]


def test_the_confirm_screen_shows_a_database_error_instead_of_failing(
        client_for, clerk, existing, monkeypatch):
    client = client_for(clerk)
    upload = SpreadsheetUpload.objects.create(
        user=clerk, filename="lijst.csv",
        content=csv_bytes(f"Nummer;Titel\n{existing.number};Nieuwe titel\n"))
    monkeypatch.setattr(Commitment, "save", lambda self, *args, **kwargs: (_ for _ in ()).throw(
        IntegrityError("NOT NULL constraint failed")))
    seen = plan_import(bytes(upload.content), upload.filename).fingerprint
    response = client.post(reverse("commitments:spreadsheet-preview", args=[upload.pk]),
                           {"confirm": "1", "seen": seen})
    page = response.content.decode()
    assert response.status_code == 200
    assert "er is niets ingelezen" in page and "De database weigerde deze rij" in page
    assert Commitment.objects.get().title == "Bestaand"


def test_the_preview_shows_row_errors_of_a_bad_file(client_for, clerk, done):
    client = client_for(clerk)
    upload = io.BytesIO(csv_bytes(f"Nummer;Titel;Nagekomen op\n{done.number};;18-12-2020\n"
                                  f"{done.number};Titel;02-02-2021\n"))
    upload.name = "fout.csv"
    preview_url = client.post(reverse("commitments:spreadsheet-upload"),
                              {"file": upload})["Location"]
    page = client.get(preview_url).content.decode()
    assert "kolom Titel: Mag niet leeg zijn" in page
    assert "kolom Nagekomen op: Nagekomen op verandert alleen samen met de status" in page
    assert "Bevestig en lees in" not in page
    client.post(preview_url, {"confirm": "1"})
    assert done.history.count() == 2


def test_a_commitment_changed_after_planning_is_refused_not_overwritten(clerk, existing):
    plan_ = plan(f"Nummer;Tekst\n{existing.number};Nieuwe tekst\n")
    existing.text = "Intussen gewijzigd"
    existing.save()
    with pytest.raises(spreadsheet.PlanFailed):
        spreadsheet.apply_plan(plan_, by=clerk)
    assert "Iemand anders heeft deze toezegging intussen gewijzigd" in plan_.rows[0].errors[0][1]
    existing.refresh_from_db()
    assert existing.text == "Intussen gewijzigd"
