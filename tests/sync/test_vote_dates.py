"""A vote the Kamer dates before the motion was filed is refused by the motion's own rule
(Motion.check_vote_date): our outcome and date stay, the Kamer's record of the vote is kept as it
gives it, and the difference is in the command's output, the run log and on /verschillen/."""

import datetime

from django.urls import reverse

from commitments.models import Motion, MotionVote, SyncRun
from tests.sync import data
from tests.sync.helpers import sync
from tests.sync.test_deltas import changed, find

FILED = datetime.date(2019, 4, 25)  # GestartOp of Zaak 2019Z08689 (Maeijer, pulsvisserij)
BEFORE = "2019-04-16"


def vote_on(zaak, on):
    return [data.besluit(zaak, "Stemmen - verworpen", "Verworpen.", {"VVD", "CDA", "D66"}, on)]


def zaak_log():
    return SyncRun.objects.order_by("started_at").last().entities.get(entity="Zaak")


def test_a_new_motion_voted_before_it_was_filed_keeps_no_vote(clerk, client_for, replay):
    zaak = find(replay.sets["Zaak"], Nummer="2019Z08689")
    zaak["Besluit"] = vote_on(zaak, BEFORE)

    output = sync(replay, "Zaak")

    motion = Motion.objects.get(tk_zaak_number="2019Z08689")
    assert (motion.filed_on, motion.vote_outcome, motion.voted_on) == (FILED, "submitted", None)
    assert [row.vote_outcome for row in motion.history.all()] == ["submitted"]
    # The Kamer's record of the vote is kept as it gives it, shown beside ours.
    vote = MotionVote.objects.get(motion=motion)
    assert (vote.outcome, vote.decided_on) == ("rejected", datetime.date(2019, 4, 16))
    assert vote.history.count() == 1
    line = ("De datum van de uitslag (16 april 2019) ligt vóór de indiening van de motie (25 "
            "april 2019). De uitslag van de Kamer (‘Verworpen’) is niet overgenomen; de onze "
            "blijft.")
    assert line in output
    assert any(line in problem for problem in zaak_log().problem_lines())
    page = client_for(clerk).get(reverse("commitments:differences")).content.decode()
    assert "Moties waarvan de stemming bij de Kamer anders is" in page
    assert "Verworpen, 16 april 2019" in page
    log = client_for(clerk).get(reverse("commitments:sync-log")).content.decode()
    assert "Verschil: " in log and "ligt vóór de indiening" in log


def test_a_changed_vote_date_before_filing_leaves_ours(clerk, replay):
    sync(replay, "Zaak")
    motion = Motion.objects.get(tk_zaak_number="2019Z08689")
    assert (motion.vote_outcome, motion.voted_on) == ("rejected", datetime.date(2019, 5, 7))
    rows = motion.history.count()
    zaak = find(replay.sets["Zaak"], Nummer="2019Z08689")
    changed(zaak, Besluit=vote_on(zaak, BEFORE))

    output = sync(replay, "Zaak")

    motion.refresh_from_db()
    assert (motion.vote_outcome, motion.voted_on) == ("rejected", datetime.date(2019, 5, 7))
    assert motion.history.count() == rows
    assert motion.vote.decided_on == datetime.date(2019, 4, 16)
    assert "ligt vóór de indiening van de motie (25 april 2019)" in output
    # Run again: nothing changes, the difference is still reported.
    assert "ligt vóór de indiening" in sync(replay, "Zaak")
    motion.refresh_from_db()
    assert motion.history.count() == rows


def test_a_vote_after_filing_is_still_taken_over(clerk, client_for, replay):
    sync(replay, "Zaak")
    motion = Motion.objects.get(tk_zaak_number="2019Z08689")
    assert (motion.vote_outcome, motion.voted_on) == ("rejected", datetime.date(2019, 5, 7))
    page = client_for(clerk).get(reverse("commitments:differences")).content.decode()
    assert "Moties waarvan de stemming bij de Kamer anders is" not in page
