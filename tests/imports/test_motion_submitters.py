"""Submitters as the Kamer writes them: one person per member, however the record spells the name
(issue 15: "Boswijk.", "Dassen,", "\\Van Baarle", "Kostic" beside "Kostić", "Klaver c.s..")."""

from commitments.models import Motion
from register.models import Person
from tests.imports.helpers import records, run, write


def motie(number, onderwerp, text=None, **changes):
    """A real Document record (the first of the real page) with another number and subject."""
    base = records("real/document_motie_page.json")[0]
    return {**base, "Id": f"00000000-0000-4000-8000-{number:012d}",
            "DocumentNummer": f"2025D9{number:04d}", "Volgnummer": number,
            "Onderwerp": onderwerp, "text": text, **changes}


def names(motion):
    return [row.person.full_name for row in motion.submitter_rows.select_related("person")]


def test_stray_characters_make_no_second_person(clerk, tmp_path):
    run("import_tk_moties", write(tmp_path, "a.json", [
        motie(1, "Motie van de leden Boswijk en Dassen over de NAVO-norm"),
        motie(2, "Motie van de leden Boswijk. en Dassen, over de luchtmacht"),
        motie(3, "Motie van het lid \\Van Baarle over Oeigoeren"),
        motie(4, "Motie van het lid Van Baarle over Tibet"),
    ]))
    assert sorted(Person.objects.values_list("surname", flat=True)) == ["Baarle", "Boswijk",
                                                                         "Dassen"]
    assert names(Motion.objects.get(number="2")) == ["Boswijk", "Dassen"]
    assert names(Motion.objects.get(number="3")) == ["Van Baarle"]


def test_a_name_with_and_without_accent_is_one_person(clerk, tmp_path):
    run("import_tk_moties", write(tmp_path, "a.json", [
        motie(1, "Motie van het lid Kostić over zorg"),
        motie(2, "Motie van het lid Kostic over dierenwelzijn")]))
    (person,) = Person.objects.all()
    assert person.surname == "Kostić"  # as the first record wrote it
    assert names(Motion.objects.get(number="2")) == ["Kostić"]


SIGNED = """Tweede Kamer der Staten-Generaal

MOTIE VAN HET LID KLAVER C.S.
De Kamer,
gehoord de beraadslaging,
verzoekt de regering iets te doen,
en gaat over tot de orde van de dag.
Klaver.
Jetten
Bontenbal
Dassen,
Bikker

kst-36410-89
"""


def test_the_signers_of_x_cs_are_kept_when_the_record_lists_them(clerk, tmp_path):
    run("import_tk_moties", write(tmp_path, "cs.json", [
        motie(89, "Motie van het lid Klaver c.s.. over iets", text=SIGNED)]))
    motion = Motion.objects.get()
    assert names(motion) == ["Klaver", "Jetten", "Bontenbal", "Dassen", "Bikker"]
    assert not Person.objects.filter(surname__endswith=".").exists()


def test_x_cs_without_the_signers_keeps_the_first_submitter(clerk, tmp_path):
    run("import_tk_moties", write(tmp_path, "cs.json", [
        motie(89, "Motie van het lid Klaver c.s. over iets")]))
    assert names(Motion.objects.get()) == ["Klaver"]


def test_a_replaced_motions_reference_and_a_slash_make_no_bogus_person(clerk, tmp_path):
    """Real Zaak subjects (shared/data/real/tk-opendata/zaak_page_mixed.json): "(t.v.v. 30597,
    nr. 402)" made the people "Voortman 30597" and "nr. 402)"; "Braakhuis/Klaver" one person."""
    run("import_tk_moties", write(tmp_path, "a.json", [
        motie(1, "Gewijzigde motie van het lid Voortman  (t.v.v. 30597, nr. 402) over onderzoek "
                 "naar voor-en nadelen van een verplicht eigen risico"),
        motie(2, "Gewijzigde motie Lodders c.s. (t.v.v. 33037, nr. 92) over jaarlijkse "
                 "monitoring"),
        motie(3, "Motie Braakhuis/Klaver over de OCW-meevaller van 22,3 mln. ")]))
    assert names(Motion.objects.get(number="1")) == ["Voortman"]
    assert Motion.objects.get(number="1").title.startswith("onderzoek naar voor-en nadelen")
    assert names(Motion.objects.get(number="2")) == ["Lodders"]
    assert names(Motion.objects.get(number="3")) == ["Braakhuis", "Klaver"]
    assert sorted(Person.objects.values_list("surname", flat=True)) == [
        "Braakhuis", "Klaver", "Lodders", "Voortman"]
