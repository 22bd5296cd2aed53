"""Letters written as a civil servant writes them (letters/prose.py, DESIGN.md "Letters"): the
promise in the signatory's voice, where it stands from the progress text or a sentence per
status and kind, relative words resolved to the day they were said."""

import datetime

import pytest

from commitments.models import Status
from letters.compose import letter_compose
from letters.prose import Voice, commitment_prose, law_track_prose, motion_prose, resolve_relative
from register.history import save_with_history
from register.models import Office, Person
from tests import factories
from tests.letters.conftest import commitment, item_for, moment

DEC_2020 = datetime.date(2020, 12, 18)
JUNE_2021 = datetime.date(2021, 6, 1)


@pytest.mark.parametrize("words, said_on, written", [
    ("Ik informeer u komend jaar.", DEC_2020, "Ik informeer u in 2021."),
    ("De uitkomsten verwacht ik komend voorjaar.", DEC_2020,
     "De uitkomsten verwacht ik in het voorjaar van 2021."),
    ("De resultaten volgen begin volgend jaar.", DEC_2020, "De resultaten volgen begin 2021."),
    ("Het rapport komt in maart.", DEC_2020, "Het rapport komt in maart 2021."),
    ("Ik stuur het voor de zomer.", DEC_2020, "Ik stuur het voor de zomer van 2021."),
    ("In het voorjaar van 2021 informeer ik u.", DEC_2020, "In het voorjaar van 2021 informeer "
                                                         "ik u."),
    ("zo spoedig mogelijk", DEC_2020, "zo spoedig mogelijk"),
])
def test_relative_words_are_resolved_to_the_day_they_were_said(words, said_on, written):
    assert resolve_relative(words, said_on) == written


def test_in_a_quotation_the_date_follows_in_brackets():
    assert resolve_relative("Ik ga na het Kerstreces in gesprek; komend jaar vertaal ik het.",
                            DEC_2020, quoted=True) == (
        "Ik ga na het Kerstreces [januari 2021] in gesprek; komend jaar [2021] vertaal ik het.")


@pytest.fixture
def blokhuis(db):
    return factories.bewindspersoon("Blokhuis")


def voice_of(person, on=JUNE_2021):
    return Voice(person.pk if person else None, "Staatssecretaris van VWS", on)


def made(clerk, **fields):
    document = factories.document("468", on=DEC_2020)
    return commitment(clerk, made_on=DEC_2020, made_in=document,
                      text="Ik informeer uw Kamer komend voorjaar over de uitkomsten.",
                      deadline_text="komend voorjaar", **fields)


def test_the_signatorys_own_promise_is_in_the_first_person(clerk, blokhuis):
    text = commitment_prose(made(clerk), voice=voice_of(blokhuis))
    assert text.startswith("In mijn brief van 18 december 2020")
    assert "schreef ik: ‘Ik informeer uw Kamer komend voorjaar [voorjaar 2021] over de " \
           "uitkomsten.’" in text


def test_a_predecessors_promise_is_my_predecessors(clerk, blokhuis):
    successor = Person.objects.create(surname="Karremans", initials="V.P.G.")
    Office.objects.create(person=successor, title="Staatssecretaris van VWS",
                          ministry=factories.ministry())
    text = commitment_prose(made(clerk), voice=voice_of(successor))
    assert "In de brief van 18 december 2020" in text and "schreef mijn ambtsvoorganger" in text


def test_the_kamers_phrasing_is_told_in_the_first_person(clerk, blokhuis):
    promise = commitment(clerk, made_on=DEC_2020, deadline_text="",
                         text="De staatssecretaris zegt toe de Kamer komend jaar te informeren.")
    assert commitment_prose(promise, voice=voice_of(blokhuis)) == (
        "Op 18 december 2020 heb ik toegezegd de Kamer in 2021 te informeren. Deze toezegging "
        "staat nog open.")


@pytest.mark.parametrize("status, extra, says", [
    ("open", {}, "De toegezegde termijn (in het voorjaar van 2021) is verstreken; de "
                 "toezegging staat nog open."),
    ("in_progress", {}, "De toegezegde termijn (in het voorjaar van 2021) is verstreken; "
                        "hieraan wordt nog gewerkt."),
    ("partly_done", {"remaining": "Het tweede deel volgt komend najaar."},
     "Deze toezegging is deels afgedaan. Het tweede deel volgt in het najaar van 2021."),
    ("lapsed", {}, "Deze toezegging is vervallen."),
])
def test_a_sentence_per_status_never_the_reason(clerk, blokhuis, status, extra, says):
    promise = made(clerk)
    if status != "open":
        delivered = status in ("done", "partly_done")  # only a delivery has a date
        promise.change_status(status, by=clerk, reason="Interne reden",
                              on=JUNE_2021 if delivered else None, **extra)
    text = commitment_prose(promise, voice=voice_of(blokhuis, datetime.date(2021, 7, 1)),
                            progress_on=JUNE_2021)
    assert says in text
    assert "Interne reden" not in text


def test_an_open_promise_not_yet_due_names_its_deadline_once(clerk, blokhuis):
    voice = voice_of(blokhuis, datetime.date(2021, 1, 15))
    promise = made(clerk)
    promise.text = "Ik informeer uw Kamer over de uitkomsten."
    assert commitment_prose(promise, voice=voice).endswith(
        "Deze toezegging staat nog open. De termijn is in het voorjaar van 2021.")
    # The quotation says "komend voorjaar" already: not said twice.
    assert commitment_prose(made(clerk), voice=voice).endswith(
        "over de uitkomsten.’ Deze toezegging staat nog open.")


def test_the_progress_text_is_where_it_stands_resolved_to_the_day_it_was_written(clerk,
                                                                                 blokhuis):
    promise = made(clerk)
    promise.progress = "De uitkomsten verwacht ik komend najaar."
    save_with_history(promise, by=clerk, reason="Voortgang bijgewerkt")
    text = commitment_prose(promise, voice=voice_of(blokhuis), progress_on=JUNE_2021)
    assert text.endswith("De uitkomsten verwacht ik in het najaar van 2021.")
    assert "staat nog open" not in text


def test_a_delivering_item_says_so(clerk, blokhuis):
    text = commitment_prose(made(clerk), voice=voice_of(blokhuis), delivers=True)
    assert text.endswith("Hiermee beschouw ik deze toezegging als afgedaan.")


def test_a_motion_is_its_adoption_then_its_execution(draft, register_24077, clerk, blokhuis):
    motion = register_24077["motion"]
    assert motion_prose(motion, voice=voice_of(blokhuis)) == (
        "De motie van het lid Edgar Mulder (PVV) over drugsvrije schoolpleinen (Kamerstuk "
        "24 077, nr. 453) is op 17 december 2019 aangenomen. De uitvoering staat nog open.")
    motion.progress = "Ik heb de scholen komend voorjaar een brief gestuurd."
    assert motion_prose(motion, voice=voice_of(blokhuis), progress_on=DEC_2020).endswith(
        "aangenomen. Ik heb de scholen in het voorjaar van 2021 een brief gestuurd.")


def test_a_law_track_is_its_current_stages_progress_text_or_its_stage_in_words(register_24077,
                                                                              clerk, blokhuis):
    track = register_24077["track"]
    assert law_track_prose(track, voice=voice_of(blokhuis)) == \
        "Het ontwerpbesluit wordt voorbereid."
    stage = track.current_stage
    stage.progress = "Het ontwerpbesluit gaat komend voorjaar in consultatie."
    save_with_history(stage, by=clerk, reason="Voortgang bijgewerkt",
                      at=moment(DEC_2020))
    track.refresh_from_db()
    assert law_track_prose(track, voice=voice_of(blokhuis), progress_on=DEC_2020) == (
        "Het ontwerpbesluit gaat in het voorjaar van 2021 in consultatie.")


def test_composing_counts_a_stages_progress_text_from_the_day_it_was_written(register_24077,
                                                                           clerk, letter_writer):
    track = register_24077["track"]
    stage = track.current_stage
    stage.progress = "De consultatie begint komend voorjaar."
    save_with_history(stage, by=clerk, reason="Voortgang bijgewerkt", at=moment(DEC_2020))
    letter = letter_compose(dossier=register_24077["dossier"], by=letter_writer,
                            today=datetime.date(2022, 3, 1))
    assert item_for(letter, track).progress_text == \
        "De consultatie begint in het voorjaar van 2021."


def test_commitments_progress_text_reaches_the_draft_and_the_reason_does_not(
        register_24077, clerk, letter_writer):
    promise = register_24077["in_progress"]
    promise.progress = "Het Trimbos-instituut is komende zomer begonnen."
    save_with_history(promise, by=clerk, reason="Voortgang bijgewerkt",
                      at=moment(datetime.date(2020, 3, 2)))
    letter = letter_compose(dossier=register_24077["dossier"], by=letter_writer,
                            today=datetime.date(2021, 1, 15))
    text = item_for(letter, promise).progress_text
    assert text.endswith("Het Trimbos-instituut is in de zomer van 2020 begonnen.")
    assert "Trimbos is begonnen" not in text  # the reason typed at the status change
    assert promise.status == Status.IN_PROGRESS
