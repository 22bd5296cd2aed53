"""Debate reports found by sync_tk become proposals (issue 14 §3): every new report of a
committee the ministry follows goes to the review at /toezeggingen/voorstellen/, played back from
the seven real VLOS reports of July 2025 (tests/sync/data.py)."""

import datetime
from xml.sax.saxutils import escape

import pytest

from commitments.models import CommitmentProposal, ProposalStatus, SyncCursor, SyncRunEntity
from commitments.proposals import proposal_reject, proposals_from_report
from commitments.tk_sync.client import ODataClient
from commitments.tk_sync.reports import follows
from register.extraction import toezeggingen_from_report
from tests.sync import data
from tests.sync.helpers import sync

# Staat van de Economie (EZ) and Slachtofferbeleid (J&V), 2 July 2025.
ECONOMY = "f001a349-4315-43f6-a818-54b711d8e588"
VICTIMS = "d972288f-fcc1-493b-b38d-0fa400343608"


def chairs_list(tk_id):
    return toezeggingen_from_report(data.reports()[tk_id][1])


@pytest.fixture
def follows_ez_and_jv(settings):
    settings.TK_FOLLOWED_COMMITTEES = ["EZ", "vaste commissie voor Justitie en Veiligheid"]
    settings.TK_REPORTS_FIRST_DAYS = 100_000  # the recorded reports are of July 2025


def test_reports_of_followed_committees_become_proposals(clerk, replay, follows_ez_and_jv):
    output = sync(replay, "Verslag")
    expected = len(chairs_list(ECONOMY)) + len(chairs_list(VICTIMS))
    proposals = CommitmentProposal.objects.all()
    assert len(proposals) == expected and expected > 6
    assert {p.source_title for p in proposals} == {"Staat van de Economie", "Slachtofferbeleid"}
    assert {p.status for p in proposals} == {ProposalStatus.OPEN}
    economy = proposals.filter(source_title="Staat van de Economie").first()
    assert economy.said_on == datetime.date(2025, 7, 2)
    assert economy.source_id == "5ae9a66d-4078-4401-90cd-b4aa6c35fdf7"  # the meeting
    record = economy.history.get()
    assert record.history_user == clerk
    assert record.history_change_reason == (
        "Voorgesteld uit het verslag ‘Staat van de Economie’ van 2 juli 2025 "
        f"(5ae9a66d-4078-4401-90cd-b4aa6c35fdf7) (sync_tk, Verslag {ECONOMY})")
    log = SyncRunEntity.objects.get(entity="Verslag")
    assert (log.read, log.created) == (7, expected)
    # MIVD, MIRT, Internationale fiscaliteit, EUFOR Althea: other committees; one plenary.
    assert log.skipped == {"committee": 4, "meeting:Plenair": 1}
    assert log.skipped_reasons() == [("commissie niet gevolgd", 4), ("vergadering Plenair", 1)]
    assert SyncCursor.objects.filter(entity="Verslag").exists()
    assert f"Verslag: 1 pagina('s), 7 gelezen, {expected} nieuw" in output
    # Only the reports of a committee debate were read, each once.
    files = [path for path in replay.requests if "/resource" in path]
    assert len(files) == 6


def test_a_second_run_offers_nothing_twice(clerk, replay, follows_ez_and_jv):
    sync(replay, "Verslag")
    before = CommitmentProposal.history.count()
    sync(replay, "Verslag")
    assert CommitmentProposal.objects.count() == len(chairs_list(ECONOMY)) + len(
        chairs_list(VICTIMS))
    assert CommitmentProposal.history.count() == before


def test_a_new_version_of_a_report_adds_nothing_twice(clerk, replay, follows_ez_and_jv):
    """The Kamer publishes the corrected report as a new Verslag of the same meeting: items
    already offered are not offered again; an open one whose words were corrected is brought up
    to date, with history; one the clerk decided stays as decided."""
    sync(replay, "Verslag")
    first, second = CommitmentProposal.objects.filter(
        source_title="Staat van de Economie").order_by("id")[:2]
    proposal_reject(proposal=second, reason="Geen toezegging van ons ministerie", by=clerk)
    record, xml = data.reports()[ECONOMY]
    corrected = xml.decode("utf-8-sig").replace(escape(first.text), escape(
        first.text[:-1] + " en de Kamer daarover informeren."), 1)
    corrected = corrected.replace(escape(second.text),
                                  escape(second.text[:-1] + " (gecorrigeerd)."), 1)
    assert corrected.count("daarover informeren.") > xml.decode("utf-8-sig").count(
        "daarover informeren.")
    corrected = corrected.replace('soort="Tussenpublicatie" status="Ongecorrigeerd"',
                                  'soort="Eindpublicatie" status="Gecorrigeerd"', 1)
    version = {**record, "Id": data.made_up_id("verslag economie eindpublicatie"),
               "Soort": "Eindpublicatie", "Status": "Gecorrigeerd",
               "ApiGewijzigdOp": "2025-08-01T10:00:00.0000000Z"}
    replay.sets["Verslag"].append(version)
    replay.serve_resource(f"Verslag({version['Id']})/resource", corrected.encode())
    count = CommitmentProposal.objects.count()
    output = sync(replay, "Verslag")
    assert CommitmentProposal.objects.count() == count  # nothing offered twice
    first.refresh_from_db()
    assert first.text.endswith("en de Kamer daarover informeren.")
    assert first.history.first().history_change_reason.startswith(
        "Bijgewerkt naar een nieuwe versie van het verslag ‘Staat van de Economie’")
    second.refresh_from_db()
    assert second.status == ProposalStatus.REJECTED and "(gecorrigeerd)" not in second.text
    assert "1 bijgewerkt" in output


def test_an_uploaded_report_is_not_offered_again_by_the_sync(clerk, replay, follows_ez_and_jv):
    new, _known = proposals_from_report(xml=data.reports()[ECONOMY][1], by=clerk)
    sync(replay, "Verslag")
    assert CommitmentProposal.objects.filter(source_title="Staat van de Economie").count() == new


def test_without_followed_committees_no_report_is_read(clerk, replay):
    output = sync(replay)
    assert "Verslag: overgeslagen, er zijn geen gevolgde commissies ingesteld " \
           "(TK_FOLLOWED_COMMITTEES)." in output
    assert not [path for path in replay.requests if "Verslag" in path]
    assert not CommitmentProposal.objects.exists()


def test_a_first_run_reads_only_recent_reports(clerk, replay, settings):
    settings.TK_FOLLOWED_COMMITTEES = ["EZ"]  # TK_REPORTS_FIRST_DAYS: 30 days back from now
    sync(replay, "Verslag")
    assert SyncRunEntity.objects.get(entity="Verslag").read == 0
    assert not CommitmentProposal.objects.exists()


def test_a_dry_run_writes_no_proposal(clerk, replay, follows_ez_and_jv):
    output = sync(replay, "Verslag", args=["--dry-run"])
    assert not CommitmentProposal.objects.exists()
    assert f"{len(chairs_list(ECONOMY)) + len(chairs_list(VICTIMS))} nieuw" in output


def test_an_unreadable_report_is_listed_and_the_rest_applied(clerk, replay, follows_ez_and_jv):
    replay.serve_resource(f"Verslag({VICTIMS})/resource", b"<vlosCoreDocument><niet af")
    output = sync(replay, "Verslag", expect=3)
    assert "het verslag is geen leesbare VLOS-XML" in output
    assert CommitmentProposal.objects.count() == len(chairs_list(ECONOMY))


def test_a_report_with_a_doctype_is_listed_and_not_read(clerk, replay, follows_ez_and_jv):
    """What the Kamer's service sends is parsed as safely as an upload: a DTD in a UTF-16 file
    (which a search of the bytes did not see) is refused, the other reports are read."""
    text = data.reports()[VICTIMS][1].decode("utf-8-sig").replace(
        'encoding="UTF-8" standalone="no"?>',
        'encoding="UTF-16"?><!DOCTYPE vlosCoreDocument [<!ENTITY a "aaaaaaaaaa">]>', 1)
    replay.serve_resource(f"Verslag({VICTIMS})/resource", text.encode("utf-16"))
    output = sync(replay, "Verslag", expect=3)
    assert "het verslag is geen leesbare VLOS-XML: Dit verslag bevat een DOCTYPE" in output
    assert CommitmentProposal.objects.count() == len(chairs_list(ECONOMY))


def test_a_reports_file_is_asked_again_while_the_service_is_busy(replay):
    client = ODataClient(replay.base_url, timeout=1.0, first_pause=0.01)
    replay.fail(("status", 503), ("status", 429, 0), ("drop",))
    try:
        xml = client.resource(f"Verslag({ECONOMY})/resource")
    finally:
        client.close()
    assert xml == data.reports()[ECONOMY][1]
    assert len(replay.requests) == 4


@pytest.mark.parametrize(("committees", "followed", "expected"), [
    ([("I&W", "vaste commissie voor Infrastructuur en Waterstaat")], ["IenW"], True),
    ([("I&W", "vaste commissie voor Infrastructuur en Waterstaat")],
     ["Infrastructuur en Waterstaat"], True),
    ([("Def", "vaste commissie voor Defensie"), ("BiZa", "vaste commissie voor Binnenlandse "
                                                         "Zaken")], ["biza"], True),
    ([("EZ", "vaste commissie voor Economische Zaken")], ["VWS", "J&V"], False),
    ([], ["EZ"], False),
])
def test_committees_are_compared_as_the_kamer_writes_them(committees, followed, expected):
    assert follows(committees, followed) is expected
