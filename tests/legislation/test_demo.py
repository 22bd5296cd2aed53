import datetime
import re

from django.urls import reverse

from commitments.models import Commitment
from legislation.models import LawTrack

D = datetime.date
LETTER = D(2020, 12, 18)


def by_kind(track):
    return {stage.kind: stage for stage in track.stages.all()}


def stage_row(page, stage):
    """The stage's row in the stages table of the track page."""
    return re.search(rf'<tr id="fase-{stage.pk}".*?</tr>', page, re.DOTALL).group()


def test_the_lachgas_decree_as_the_letter_reports_it(demo):
    track = LawTrack.objects.get(short_name="Lachgasbesluit")
    assert (track.instrument, track.ministry.abbreviation) == ("amvb", "VWS")
    assert [m.abbreviation for m in track.co_ministries.all()] == ["JenV"]
    stages = by_kind(track)
    consultation = stages["consultation"]
    assert (consultation.actual_start, consultation.actual_end) == (D(2020, 6, 12),
                                                                    D(2020, 7, 10))
    assert [str(d) for d in consultation.documents.all()] == [
        "Kamerstuk 24 077, nr. 465", "Internetconsultatie Besluit lachgas"]
    page = consultation.documents.get(kind="other")
    assert page.url == "https://www.internetconsultatie.nl/lachgas"
    tests_ = stages["implementation_tests"]
    assert tests_.is_running and tests_.actual_end is None
    submission = stages["pre_submission"]
    assert "naar verwachting in het voorjaar 2021" in submission.planned_text
    assert (submission.planned_on, submission.planned_start, submission.planned_end) == (
        LETTER, D(2021, 3, 1), D(2021, 5, 31))
    entry = stages["entry_into_force"]
    assert (entry.planned_text, entry.planned_start, entry.planned_end) == (
        "in de tweede helft van 2021", D(2021, 7, 1), D(2021, 12, 31))
    assert track.state == "consultation"
    assert track.current_stage == tests_
    assert track.next_milestone == submission
    # On the letter's date nothing was late yet.
    assert not track.slip(LETTER)
    assert track.slip(D(2021, 6, 1)).words == "1 dag later dan gepland"


def test_the_nps_group_ban_bill(demo):
    track = LawTrack.objects.get(short_name="Groepsverbod NPS")
    assert track.instrument == "wetsvoorstel"
    stages = by_kind(track)
    assert "vertraging" in stages["implementation_tests"].note
    assert "coronacrisis" in stages["implementation_tests"].note
    submission = stages["submission"]
    assert (submission.planned_text, submission.planned_on) == ("komend voorjaar", LETTER)
    assert (submission.planned_start, submission.planned_end) == (D(2021, 3, 1), D(2021, 5, 31))
    assert track.current_stage == stages["implementation_tests"]
    assert track.state == "consultation"
    # Under way on the letter's date; the letter gives no start, the note says it is estimated.
    assert stages["implementation_tests"].is_running
    assert stages["implementation_tests"].actual_start == LETTER
    assert "schatting" in stages["implementation_tests"].note


def test_the_track_pages_show_the_running_nps_stage_and_the_consultation_page(
        demo, client_for, advisor):
    client = client_for(advisor)
    nps = LawTrack.objects.get(short_name="Groepsverbod NPS")
    page = client.get(nps.get_absolute_url()).content.decode()
    row = stage_row(page, by_kind(nps)["implementation_tests"])
    assert "loopt</span>" in row and "nog niet begonnen" not in row
    assert "18 december 2020 – loopt" in row
    lachgas = LawTrack.objects.get(short_name="Lachgasbesluit")
    page = client.get(lachgas.get_absolute_url()).content.decode()
    row = stage_row(page, by_kind(lachgas)["consultation"])
    assert ('<a href="https://www.internetconsultatie.nl/lachgas" rel="noopener noreferrer">'
            'Internetconsultatie Besluit lachgas</a></li>') in row
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-24077-465"' in row


def test_the_wkkgz_change_for_ladis_and_ltr(demo):
    track = LawTrack.objects.get(short_name="Wkkgz LADIS/LTR")
    assert track.dossier is None  # not in the letter: not invented
    stages = by_kind(track)
    assert stages["submission"].actual_end == D(2020, 8, 31)
    assert stages["house"].is_running
    assert "terugwerkende kracht" in stages["entry_into_force"].note
    assert track.state == "house"
    assert "LADIS" in track.description and "LTR" in track.description


def test_the_jenv_commitment_is_linked_to_lachgas_and_nps(demo, client_for, advisor):
    commitment = Commitment.objects.get(made_on=D(2020, 11, 26))
    assert sorted(t.short_name for t in commitment.law_tracks.all()) == [
        "Groepsverbod NPS", "Lachgasbesluit"]
    page = client_for(advisor).get(commitment.get_absolute_url()).content.decode()
    assert "Lachgasbesluit" in page and "Groepsverbod NPS" in page


def test_demo_history_is_dated_when_things_happened(demo, clerk):
    track = LawTrack.objects.get(short_name="Lachgasbesluit")
    assert track.history.earliest().history_date.date() == D(2020, 6, 12)
    consultation = by_kind(track)["consultation"]
    dates = [r.history_date.date() for r in consultation.history.order_by("history_date")]
    assert dates == sorted(dates) and D(2020, 7, 10) in dates
    for record in track.history.all():
        assert record.history_user == clerk and record.history_change_reason


def test_demo_track_pages_render_for_every_role(demo, client_for, advisor):
    client = client_for(advisor)
    assert client.get(reverse("legislation:list")).status_code == 200
    for track in demo["law_tracks"]:
        page = client.get(track.get_absolute_url()).content.decode()
        assert "<svg" in page and track.short_name in page


def test_the_track_page_writes_every_date_in_words(demo, client_for, advisor):
    """"Planning zoals genoemd op 18-12-2020" stood in the history beside "18 december 2020"
    (issue 17, item 11: one way of writing dates on every page)."""
    track = LawTrack.objects.get(short_name="Lachgasbesluit")
    page = client_for(advisor).get(track.get_absolute_url()).content.decode()
    assert "Planning zoals genoemd op 18 december 2020" in page
    assert not re.search(r"\b[0-9]{2}-[0-9]{2}-[0-9]{4}\b", page)
