"""import_tk_toezeggingen: the relations between commitments (IsHerhalingVan, IsWijzigingVan,
IsAanvullingOp) and whom a commitment was made to (ToegezegdAan), in both of the Kamer's shapes."""

import pytest

from commitments.models import Commitment, CommitmentRelation, Status
from register.history import ChangeSource
from register.models import Party, Person
from tests.history_audit import history_audit
from tests.imports.helpers import record, run, snapshot, write

TZ116 = "5f3c0e3a-7d1b-4a8e-9c62-0b1f7e2d4a11"
PVV = "0f2d9a61-4c3b-4e8a-9d7f-1a2b3c4d5e01"
WESTERVELD = "c3a4b5d6-8e9f-4a0b-9c1d-3c4d5e6f7a03"
UNKNOWN = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7cbb"


def relations():
    return {(r.source.tk_number, r.kind, r.target.tk_number)
            for r in CommitmentRelation.objects.select_related("source", "target")}


def commitment(tk_number):
    return Commitment.objects.select_related("to_member", "to_party").get(tk_number=tk_number)


@pytest.fixture
def imported(clerk, pages):
    with history_audit():
        return run("import_tk_toezeggingen", *pages)


def test_relations_in_both_shapes_within_a_file_and_across_pages(imported):
    assert relations() == {
        # Expanded Toezegging records, in the same file and in the other page.
        ("TZ202412-118", "supplement_to", "TZ202412-117"),
        ("TZ202412-120", "change_of", "TZ202412-116"),
        # A plain Id.
        ("TZ202410-202", "repeat_of", "TZ202410-201"),
    }
    assert "relaties vastgelegd: 3" in imported


def test_a_relation_to_a_record_we_do_not_have_is_a_warning(imported):
    assert (f"toezeggingen-page2.json, record 2 (TZ202410-202), veld IsWijzigingVan: de "
            f"toezegging met Id {UNKNOWN} hebben we niet; de relatie is niet vastgelegd"
            ) in imported
    assert "Import geweigerd" not in imported
    assert commitment("TZ202410-202").relations.count() == 1


def test_a_relation_to_a_commitment_we_already_hold(clerk, pages, tmp_path):
    run("import_tk_toezeggingen", pages[0])
    held = commitment("TZ202412-116")
    path = write(tmp_path, "aanvulling.json", [record(
        "TZ202410-201", name="toezeggingen-page2.json", IsAanvullingOp=[TZ116])])
    output = run("import_tk_toezeggingen", path)
    relation = CommitmentRelation.objects.get(target=held)
    assert (relation.source.tk_number, relation.kind) == ("TZ202410-201", "supplement_to")
    row = relation.history.get()
    assert (row.history_user, row.change_source, row.history_type) == (clerk, ChangeSource.IMPORT,
                                                                       "+")
    assert row.history_change_reason == (f"import TK aanvulling.json: relatie "
                                         f"{relation.source.number} aanvulling op {held.number}")
    assert "relaties vastgelegd: 1" in output


def test_every_relation_has_a_history_row_naming_the_user_and_the_file(imported, clerk):
    for relation in CommitmentRelation.objects.all():
        row = relation.history.get()
        assert row.history_user == clerk and row.change_source == ChangeSource.IMPORT
        assert row.history_change_reason.startswith("import TK toezeggingen-page")
    for model in (Party, Person):
        for row in model.history.all():
            assert row.history_user == clerk and row.change_source == ChangeSource.IMPORT
            assert row.history_change_reason.startswith("import TK toezeggingen-page")


def test_a_second_run_writes_no_relation_party_or_person(imported, pages,
                                                         django_assert_max_num_queries):
    before = snapshot()
    with django_assert_max_num_queries(15):
        output = run("import_tk_toezeggingen", *pages)
    assert snapshot() == before
    assert "relaties vastgelegd" not in output and "ongewijzigd: 8" in output


def test_a_relation_to_itself_is_a_warning(clerk, tmp_path):
    path = write(tmp_path, "zelf.json", [record("TZ202412-116", IsHerhalingVan=[{"Id": TZ116}])])
    output = run("import_tk_toezeggingen", path)
    assert "veld IsHerhalingVan: verwijst naar de toezegging zelf; niet vastgelegd" in output
    assert not CommitmentRelation.objects.exists()


def test_dry_run_lists_the_relations_and_writes_none(clerk, pages):
    output = run("import_tk_toezeggingen", *pages, dry_run=True)
    assert "Relaties vastgelegd (3):" in output
    assert "(TZ202412-118) aanvulling op TZ-VWS-2024-001 (TZ202412-117)" in output
    assert not CommitmentRelation.objects.exists() and not Party.objects.exists()


def test_an_expanded_recipient_creates_the_member_and_the_party(imported):
    made = commitment("TZ202412-117")
    member = made.to_member
    assert (member.surname, member.initials, member.first_name, member.prefix, member.tk_id) == (
        "Westerveld", "L.", "Lisa", "", WESTERVELD)
    assert (made.to_party.abbreviation, made.to_party.name) == ("GroenLinks-PvdA",
                                                                "GroenLinks-PvdA")
    assert member.history.get().history_change_reason == (
        "import TK toezeggingen-page1.json: bij toezegging TZ202412-117: toegezegd aan")
    pvv = commitment("TZ202412-116")
    assert (pvv.to_member, pvv.to_party.abbreviation, pvv.to_party.name) == (
        None, "PVV", "Partij voor de Vrijheid")


def test_ids_only_find_what_the_same_import_expanded(imported):
    # TZ202412-118 names Westerveld and her party by Id only; so does page 2 for the PVV.
    assert commitment("TZ202412-118").to_member == commitment("TZ202412-117").to_member
    assert commitment("TZ202412-118").to_party == commitment("TZ202412-117").to_party
    assert commitment("TZ202412-120").to_party == commitment("TZ202412-116").to_party
    assert Person.objects.filter(surname="Westerveld").count() == 1
    assert Party.objects.count() == 2


def test_a_persoon_id_finds_a_member_we_hold_and_an_alias_finds_the_party(clerk, tmp_path):
    lisa = Person.objects.create(surname="Westerveld", initials="L.", tk_id=WESTERVELD)
    cu = Party.objects.create(abbreviation="ChristenUnie", aliases="CU")
    path = write(tmp_path, "ids.json", [record("TZ202412-116", ToegezegdAan={
        "Persoon_Id": WESTERVELD, "Fractie": {"Afkorting": "cu", "NaamNL": "ChristenUnie"}})])
    run("import_tk_toezeggingen", path)
    made = commitment("TZ202412-116")
    assert (made.to_member, made.to_party) == (lisa, cu)
    assert Party.objects.count() == 1


def test_ids_nobody_here_knows_are_warnings(clerk, tmp_path):
    path = write(tmp_path, "ids.json", [record("TZ202412-116", ToegezegdAan={
        "Persoon_Id": WESTERVELD, "Fractie_Id": PVV})])
    output = run("import_tk_toezeggingen", path)
    made = commitment("TZ202412-116")
    assert (made.to_member, made.to_party) == (None, None)
    assert (f"ids.json, record 1 (TZ202412-116), veld ToegezegdAan: Persoon_Id {WESTERVELD} "
            f"kennen we niet") in output
    assert f"veld ToegezegdAan: Fractie_Id {PVV} kennen we niet" in output


def test_a_member_matched_by_name_is_given_the_kamers_id(imported, clerk, tmp_path):
    lisa = Person.objects.get(surname="Westerveld")
    lisa.tk_id = ""
    lisa.save()
    path = write(tmp_path, "naam.json", [record("TZ202412-117")])
    run("import_tk_toezeggingen", path)
    lisa.refresh_from_db()
    assert lisa.tk_id == WESTERVELD
    row = lisa.history.latest()
    assert row.history_change_reason.endswith("(Persoon-Id van de Kamer)")
    assert (row.history_user, row.change_source) == (clerk, ChangeSource.IMPORT)


def test_a_namesake_with_another_kamer_id_is_someone_else(clerk, tmp_path):
    other = Person.objects.create(surname="Westerveld", initials="L.", tk_id="iemand-anders")
    path = write(tmp_path, "naam.json", [record("TZ202412-117")])
    run("import_tk_toezeggingen", path)
    member = commitment("TZ202412-117").to_member
    assert member != other and member.tk_id == WESTERVELD


def test_a_recipient_set_here_is_kept_unless_the_commitment_follows_the_kamer(imported, clerk,
                                                                              tmp_path):
    ours = Party.objects.create(abbreviation="SP")
    followed, kept = commitment("TZ202412-116"), commitment("TZ202412-119")
    kept.change_status(Status.IN_PROGRESS, by=clerk, reason="Gestart")
    for item in (followed, kept):
        item.refresh_from_db()
        item.to_party = ours
        item.save()
    fractie = {"Fractie": {"Afkorting": "PVV", "NaamNL": "Partij voor de Vrijheid"}}
    path = write(tmp_path, "fractie.json", [record("TZ202412-116", ToegezegdAan=fractie),
                                            record("TZ202412-119", ToegezegdAan=fractie)])
    run("import_tk_toezeggingen", path)
    assert commitment("TZ202412-116").to_party.abbreviation == "PVV"
    assert commitment("TZ202412-119").to_party == ours
    assert commitment("TZ202412-116").history.latest().history_change_reason == (
        "import TK fractie.json: gegevens bijgewerkt (to_party_id)")


def test_a_recipient_is_filled_in_where_a_person_set_the_status(imported, clerk, tmp_path):
    kept = commitment("TZ202412-119")
    kept.change_status(Status.IN_PROGRESS, by=clerk, reason="Gestart")
    path = write(tmp_path, "fractie.json", [record("TZ202412-119", ToegezegdAan={
        "Fractie_Id": PVV, "Fractie": {"Id": PVV, "Afkorting": "PVV"}})])
    run("import_tk_toezeggingen", path)
    assert commitment("TZ202412-119").to_party.abbreviation == "PVV"
    assert commitment("TZ202412-119").status == Status.IN_PROGRESS


def test_a_record_that_names_nobody_keeps_ours(imported, tmp_path):
    path = write(tmp_path, "leeg.json", [record("TZ202412-117", ToegezegdAan=None)])
    run("import_tk_toezeggingen", path)
    assert commitment("TZ202412-117").to_member.surname == "Westerveld"


def test_several_recipients_keep_the_first_with_a_warning(clerk, tmp_path):
    path = write(tmp_path, "twee.json", [record("TZ202412-116", ToegezegdAan=[
        {"Fractie": {"Afkorting": "SP"}}, {"Fractie": {"Afkorting": "PVV"}}])])
    output = run("import_tk_toezeggingen", path)
    assert commitment("TZ202412-116").to_party.abbreviation == "SP"
    assert "veld ToegezegdAan: noemt 2 ontvangers; alleen de eerste is vastgelegd" in output
