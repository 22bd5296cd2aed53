"""The demo commitments and motion are the reference letter's, as of 18 December 2020."""

import datetime

from commitments.models import Commitment, Motion

LETTER = "kst-24077-468"


def by_title(start):
    return Commitment.objects.get(title__startswith=start)


def test_the_letters_promises_with_their_deadlines_and_periods(demo):
    d = datetime.date
    expected = {
        "Uitkomsten persona onderzoek": ("in het voorjaar van 2021", d(2021, 3, 1),
                                         d(2021, 5, 31)),
        "Gerichte preventieaanpak": ("in de tweede helft van 2021", d(2021, 7, 1),
                                     d(2021, 12, 31)),
        "Eindrapportage pilots IJslandse": ("in juni 2022", d(2022, 6, 1), d(2022, 6, 30)),
        "Brief over genomen stappen": ("In het eerste kwartaal van 2021", d(2021, 1, 1),
                                       d(2021, 3, 31)),
        "Informeren over het implementatieplan NEED": ("Zodra over dit traject meer bekend is",
                                                       None, None),
    }
    for title, (words, start, end) in expected.items():
        commitment = by_title(title)
        assert (commitment.deadline_text, commitment.deadline_start, commitment.deadline_end) \
            == (words, start, end), title
        assert words in commitment.text, title
        assert commitment.made_on == d(2020, 12, 18) and commitment.status == "open", title
        assert commitment.made_in.ident == LETTER, title


def test_what_the_letter_delivered_is_done_with_the_letter(demo):
    delivered = Commitment.objects.filter(delivered_by__ident=LETTER)
    assert {c.status for c in delivered} == {"done", "partly_done"}
    assert all(c.delivered_on == datetime.date(2020, 12, 18) for c in delivered)
    explore = by_title("Resultaten EXPLORE")
    assert explore.status == "partly_done" and "begin 2021" in explore.remaining
    ed = by_title("In gesprek met de spoedeisende")
    assert (ed.to_member.surname, ed.to_party.abbreviation) == ("Graaf", "ChristenUnie")
    assert ed.debate.date == datetime.date(2019, 11, 7)


def test_the_jenv_commitment_of_26_november_2020(demo):
    jenv = by_title("Voortgang plaatsing lachgas")
    assert jenv.made_on == datetime.date(2020, 11, 26)
    assert jenv.ministry.abbreviation == "JenV"
    assert "Justitie en Veiligheid" in str(jenv.bewindspersoon.offices.get())
    assert jenv.debate.kind == "budget"  # begrotingsbehandeling
    assert jenv.status == "done" and jenv.delivered_by.ident == LETTER


def test_the_motion_on_drug_free_school_grounds(demo):
    motion = Motion.objects.get(dossier__number="24077", number="453")
    submitters = [(row.person.surname, row.party.abbreviation)
                  for row in motion.submitter_rows.all()]
    assert submitters == [("Mulder", "PVV"), ("Staaij", "SGP")]
    assert (motion.vote_outcome, motion.execution_status) == ("adopted", "executed")
    assert motion.reported_by.ident == LETTER
