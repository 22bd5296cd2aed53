"""Composing: what a new letter proposes, the window since the previous final letter, the
pre-filled texts, and the rappel selection with its 1 January / 1 July boundary."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from commitments.models import Commitment
from letters.compose import letter_compose
from letters.models import LetterKind, LetterStatus, ProgressLetter
from register.history import save_with_history
from register.models import Document
from tests import factories
from tests.letters.conftest import commitment, item_for, moment

TODAY = datetime.date(2021, 1, 15)


def sections_of(letter):
    return {section.title: [item.subject for item in section.items.order_by("order")]
            for section in letter.sections.order_by("order")}


def final_letter(dossier, by, *, on, finalised_at, **fields):
    """A previous final letter on the dossier, as finalising leaves it."""
    document = factories.document("460", on=on)
    return save_with_history(ProgressLetter(
        kind=LetterKind.PROGRESS, status=LetterStatus.FINAL, dossier=dossier, subject="Vorige",
        kenmerk="VORIGE-1", date=on, ministry=factories.ministry(), author=by, document=document,
        pdf_sha256="0" * 64, finalised_at=finalised_at, **fields), by=by, reason="Vastgesteld")


def test_without_a_previous_letter_everything_open_or_changed_is_proposed(draft, register_24077):
    r = register_24077
    assert sections_of(draft) == {
        "Afgedane en gewijzigde toezeggingen": [r["in_progress"], r["lapsed"]],
        "Openstaande toezeggingen": [r["open"]],
        "Moties": [r["motion"]],
        "Wet- en regelgeving": [r["track"]],
        "Afsluiting": [],
    }
    assert draft.since is None
    assert draft.status == LetterStatus.DRAFT and draft.kind == LetterKind.PROGRESS
    assert draft.subject == "Voortgangsbrief drugbeleid"
    assert draft.annex and draft.dossier == r["dossier"] and draft.date == TODAY
    assert draft.signatory_office == "De Staatssecretaris van VWS,"
    assert draft.signatory_name == "P. Blokhuis" and draft.ministry.abbreviation == "VWS"
    assert draft.kenmerk == "VWS-2021-0001"


def test_progress_texts_are_prefilled_as_prose_never_with_the_status_reasons(draft,
                                                                            register_24077):
    """Sentences a civil servant would write, in the signatory's voice; the reasons typed at a
    status change ("Trimbos is begonnen", "Ingehaald door de wet") are internal."""
    r = register_24077
    assert item_for(draft, r["open"]).progress_text == (
        "Op 7 november 2019 heb ik toegezegd: ‘Ik informeer de Kamer over het onderzoek.’ Deze "
        "toezegging staat nog open. De termijn is in het voorjaar van 2021.")
    assert item_for(draft, r["in_progress"]).progress_text.endswith(
        "heb ik toegezegd: ‘Ik stuur de Kamer een brief.’ Hieraan wordt gewerkt.")
    assert item_for(draft, r["lapsed"]).progress_text.endswith(
        "Deze toezegging is vervallen.")
    assert item_for(draft, r["motion"]).progress_text == (
        "De motie van het lid Edgar Mulder (PVV) over drugsvrije schoolpleinen (Kamerstuk "
        "24 077, nr. 453) is op 17 december 2019 aangenomen. De uitvoering staat nog open.")
    assert item_for(draft, r["track"]).progress_text == "Het ontwerpbesluit wordt voorbereid."
    texts = " ".join(item.progress_text for item in draft.items.all())
    assert "Trimbos is begonnen" not in texts and "Ingehaald door de wet" not in texts
    assert "Stand van zaken:" not in texts and "Termijn:" not in texts
    assert not any(item.delivers for item in draft.items.all())


def test_the_window_starts_when_the_previous_letter_was_finalised(clerk, letter_writer,
                                                                  register_24077):
    r = register_24077
    previous = final_letter(r["dossier"], letter_writer, on=datetime.date(2020, 6, 1),
                            finalised_at=moment(datetime.date(2020, 6, 1), 16))
    # Delivered by the previous letter itself, at the moment it was finalised: reported there.
    by_previous = commitment(clerk, title="Afgedaan met de vorige brief",
                                       made_on=datetime.date(2019, 1, 1))
    by_previous.change_status("done", by=clerk, reason="Vorige brief", document=previous.document,
                              at=previous.finalised_at)
    # Done after it: news for the next letter.
    after = commitment(clerk, title="Sindsdien afgedaan", made_on=datetime.date(2019, 1, 1))
    after.change_status("done", by=clerk, reason="Rapport gestuurd",
                        document=factories.document("470"), at=moment(datetime.date(2020, 9, 1)))
    letter = letter_compose(dossier=r["dossier"], by=letter_writer, today=TODAY)
    assert letter.since == datetime.date(2020, 6, 1)
    proposed = sections_of(letter)
    assert proposed["Afgedane en gewijzigde toezeggingen"] == [after]
    # Changed before the window: in progress is still open; the lapsed one is not news.
    assert proposed["Openstaande toezeggingen"] == [r["open"], r["in_progress"]]
    assert r["lapsed"] not in {s for subjects in proposed.values() for s in subjects}
    assert by_previous not in {s for subjects in proposed.values() for s in subjects}
    assert "sinds mijn brief van 1 juni 2020 (Kamerstuk 24 077, nr. 460)." in letter.opening


@pytest.mark.parametrize(("office", "words"), [
    ("De Staatssecretaris van VWS,", "sinds de brief van mijn ambtsvoorganger van 1 juni 2020"),
    ("De Minister voor Medische Zorg en Sport,", "sinds de brief van 1 juni 2020"),
])
def test_the_opening_does_not_call_another_signatorys_letter_mine(
        register_24077, letter_writer, office, words):
    final_letter(register_24077["dossier"], letter_writer,
                            on=datetime.date(2020, 6, 1),
                            finalised_at=moment(datetime.date(2020, 6, 1), 16),
                            signatory_name="A. Ander", signatory_office=office)
    letter = letter_compose(dossier=register_24077["dossier"], by=letter_writer, today=TODAY)
    assert letter.signatory_name == "P. Blokhuis"
    assert f"{words} (Kamerstuk 24 077, nr. 460)." in letter.opening
    assert "mijn brief" not in letter.opening


def test_a_letter_on_a_selection_has_only_those_commitments(register_24077, letter_writer):
    r = register_24077
    r["track"].commitments.add(r["open"])
    letter = letter_compose(commitments=Commitment.objects.filter(pk=r["open"].pk),
                            by=letter_writer, today=TODAY)
    assert sections_of(letter) == {"Openstaande toezeggingen": [r["open"]],
                                   "Wet- en regelgeving": [r["track"]], "Afsluiting": []}
    assert letter.dossier is None and not letter.annex
    assert letter.subject == "Voortgangsbrief toezeggingen"


def test_a_selection_too_large_for_a_letter_is_refused(register_24077, letter_writer,
                                                       monkeypatch):
    monkeypatch.setattr("letters.compose.MAX_ITEMS", 2)
    with pytest.raises(ValidationError, match="Verfijn het filter"):
        letter_compose(commitments=Commitment.objects.all(), by=letter_writer)
    assert not ProgressLetter.objects.exists()


@pytest.mark.parametrize("user", ["advisor", "clerk"])
def test_only_letter_staff_compose(user, request, register_24077):
    with pytest.raises(ValidationError, match="brieven"):
        letter_compose(dossier=register_24077["dossier"], by=request.getfixturevalue(user))


def test_compose_writes_history_for_every_row(register_24077, letter_writer):
    from tests.history_audit import history_audit

    with history_audit() as records:
        letter = letter_compose(dossier=register_24077["dossier"], by=letter_writer)
    assert len(records) == 1 + letter.sections.count() + letter.items.count()
    assert {r.history_user for r in records} == {letter_writer}


# --- The answer to the rappel ---------------------------------------------------------------


def deadline(clerk, words, *, made_on=datetime.date(2020, 6, 1), status="open", **fields):
    made = commitment(clerk, title=f"Termijn {words}", deadline_text=words, made_on=made_on,
                      **fields)
    if status != "open":
        delivered = status in ("done", "partly_done")  # only a delivery has a date
        made.change_status(status, by=clerk, reason="Deels nagekomen",
                           on=datetime.date(2020, 9, 1) if delivered else None,
                           remaining="het tweede deel", at=moment(datetime.date(2020, 9, 1)))
    return made


@pytest.mark.parametrize(("reference", "before", "on_the_day"), [
    (datetime.date(2021, 1, 1), "31 december 2020", "1 januari 2021"),
    (datetime.date(2021, 7, 1), "30 juni 2021", "1 juli 2021"),
])
def test_rappel_takes_eerste_kamer_commitments_whose_deadline_passed_by_t_number(
        clerk, letter_writer, reference, before, on_the_day):
    passed = deadline(clerk, before, ek_number="T01970")
    partly = deadline(clerk, "in september 2020", status="partly_done", ek_number="T01235")
    tweede_kamer = deadline(clerk, "in september 2020", tk_number="TZ202009-001")
    deadline(clerk, on_the_day, ek_number="T02000")  # ends on the reference date: not passed
    deadline(clerk, "in augustus 2020", status="lapsed", ek_number="T02001")
    deadline(clerk, "zo spoedig mogelijk", ek_number="T02002")  # no deadline at all
    letter = letter_compose(kind=LetterKind.RAPPEL, reference_date=reference, by=letter_writer,
                            today=datetime.date(2021, 1, 20))
    items = list(letter.items.order_by("order"))
    # The Eerste Kamer's own commitments only, by its T-number.
    assert [item.commitment for item in items] == [partly, passed]
    assert tweede_kamer not in [item.commitment for item in items]
    assert letter.kind == LetterKind.RAPPEL and letter.addressee == "ek"
    assert letter.reference_date == reference and letter.dossier is None
    # What remains, never the internal reason of the status change ("Deels nagekomen").
    assert items[0].explanation == "Het tweede deel."
    assert items[0].section is None and not items[0].progress_text
    assert str(reference.year) in letter.subject


@pytest.mark.parametrize("day", [datetime.date(2021, 3, 1), datetime.date(2021, 1, 2), None])
def test_rappel_reference_date_is_1_january_or_1_july(clerk, letter_writer, day):
    factories.commitment(clerk)
    with pytest.raises(ValidationError, match="1 januari of 1 juli"):
        letter_compose(kind=LetterKind.RAPPEL, reference_date=day, by=letter_writer)


def test_no_document_is_created_while_composing(register_24077, letter_writer):
    count = Document.objects.count()
    letter_compose(dossier=register_24077["dossier"], by=letter_writer)
    assert Document.objects.count() == count


def test_a_signatory_known_only_by_office_is_named_in_dutch_on_english_screens(
        register_24077, letter_writer):
    """The letter goes to the Kamer in Dutch: a bewindspersoon the register knows only by office
    signs with the Dutch title, also when the composer's screens are English."""
    blokhuis = Commitment.objects.filter(dossier=register_24077["dossier"]).first().bewindspersoon
    blokhuis.first_name = blokhuis.initials = blokhuis.prefix = blokhuis.surname = ""
    blokhuis.save()
    with translation.override("en"):
        assert not blokhuis.full_name.startswith("Staatssecretaris")  # the screens' name
        letter = letter_compose(dossier=register_24077["dossier"], by=letter_writer, today=TODAY)
    assert letter.signatory_name.startswith("Staatssecretaris")
