import datetime

from legislation.history import plan_summaries, stage_records, track_history
from legislation.models import Stage
from tests.legislation.builders import law_track, stages

LETTER = datetime.date(2020, 12, 18)


def test_template_stages_added_together_are_one_history_entry(clerk):
    track = law_track(clerk, instrument="regeling")
    items = track_history(track)
    assert [item.added_names for item in items if item.stage_name] == [[
        "Ontwerp", "Internetconsultatie", "Ondertekening", "Publicatie in de Staatscourant",
        "Inwerkingtreding"]]
    assert items[-1].stage_name == "" and items[-1].entry.created


def test_stage_entries_show_old_and_new_values_per_stage(clerk):
    track = law_track(clerk)
    draft, consultation = stages(track)[:2]
    draft.replan("eind 2020", by=clerk, reason="eerste", stated_on=LETTER)
    consultation.replan("begin 2021", by=clerk, reason="tweede", stated_on=LETTER)
    draft.replan("begin 2021", by=clerk, reason="derde", stated_on=LETTER)
    newest = track_history(track)[0]
    assert (newest.stage_name, newest.record.history_change_reason) == ("Ontwerp", "derde")
    changes = {change.label: (change.old, change.new) for change in newest.entry.changes}
    assert changes["planning (zoals gezegd)"] == ("eind 2020", "begin 2021")
    assert changes["gepland einde"] == ("31 december 2020", "31 maart 2021")


def test_plan_summaries_count_replans_and_how_far_they_moved(clerk):
    track = law_track(clerk)
    submission = track.stages.get(kind="submission")
    submission.replan("komend voorjaar", by=clerk, reason="a", stated_on=LETTER)
    submission.replan("na de zomer", by=clerk, reason="b", stated_on=datetime.date(2021, 3, 1))
    submission.replan("eind 2021", by=clerk, reason="c", stated_on=datetime.date(2021, 9, 1))
    summary = plan_summaries(stage_records(Stage, track.pk))[submission.pk]
    assert summary.replans == 2
    assert summary.shift_words == "7 maanden later dan eerst gepland"
    submission.replan("in april 2021", by=clerk, reason="d", stated_on=LETTER)
    summary = plan_summaries(stage_records(Stage, track.pk))[submission.pk]
    assert summary.shift_words == "1 maand eerder dan eerst gepland"
    # "na de zomer": 7 September - 6 November 2021, after the zomerreces that ended 6 September
    assert [(move.new_end - move.old_end).days if move.old_end else None
            for move in summary.moves] == [None, 159, 55, -245]
