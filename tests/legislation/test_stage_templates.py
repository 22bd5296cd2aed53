import datetime
from types import SimpleNamespace

import pytest

from legislation.stage_templates import (
    STAGE_TEMPLATES,
    STATE_OF_KIND,
    Instrument,
    StageKind,
    State,
    derive_state,
    template_for,
)
from tests.legislation.builders import law_track, stages

DONE = datetime.date(2020, 6, 1)


def stage(kind, *, done=False, skipped=False):
    return SimpleNamespace(kind=kind, actual_end=DONE if done else None, skipped=skipped)


@pytest.mark.parametrize("instrument, kinds", [
    ("amvb", ["draft", "consultation", "implementation_tests", "pre_submission",
              "council_advice", "adoption_publication", "entry_into_force"]),
    ("wetsvoorstel", ["draft", "consultation", "implementation_tests", "council_advice",
                      "submission", "house", "senate", "publication_staatsblad",
                      "entry_into_force"]),
    ("regeling", ["draft", "consultation", "signing", "publication_staatscourant",
                  "entry_into_force"]),
])
def test_each_instrument_gets_its_templates_stages_in_order(clerk, instrument, kinds):
    track = law_track(clerk, instrument=instrument)
    created = stages(track)
    assert [s.kind for s in created] == kinds
    assert [s.name for s in created] == [StageKind(kind).label for kind in kinds]
    assert [s.order for s in created] == [10 * n for n in range(1, len(kinds) + 1)]
    assert all(s.history.get().history_user == clerk for s in created)
    assert track.state == State.PREPARATION


def test_the_optional_consultation_of_a_regulation_can_be_left_out(clerk):
    track = law_track(clerk, instrument="regeling", with_stages=False)
    track.add_template_stages(by=clerk, reason="Sjabloon", include_optional=False)
    assert [s.kind for s in stages(track)] == ["draft", "signing", "publication_staatscourant",
                                               "entry_into_force"]
    assert [t.kind for t in template_for("regeling", include_optional=False)] == [
        "draft", "signing", "publication_staatscourant", "entry_into_force"]


def test_the_design_names_each_instruments_stages():
    assert set(STAGE_TEMPLATES) == set(Instrument)
    assert "Voorhang bij de Staten-Generaal" in [t.name for t in STAGE_TEMPLATES["amvb"]]
    assert "Publicatie in de Staatscourant" in [t.name for t in STAGE_TEMPLATES["regeling"]]


def test_every_template_kind_maps_to_a_state():
    kinds = {t.kind for template in STAGE_TEMPLATES.values() for t in template}
    assert kinds <= set(STATE_OF_KIND)
    assert StageKind.OTHER not in STATE_OF_KIND


@pytest.mark.parametrize("kind, state", [
    ("draft", "preparation"),
    ("consultation", "consultation"),
    ("implementation_tests", "consultation"),
    ("pre_submission", "house"),
    ("council_advice", "council_of_state"),
    ("submission", "house"),
    ("house", "house"),
    ("senate", "senate"),
    ("adoption_publication", "adopted"),
    ("publication_staatsblad", "adopted"),
    ("signing", "adopted"),
    ("publication_staatscourant", "adopted"),
    ("entry_into_force", "adopted"),
])
def test_state_is_that_of_the_first_unfinished_stage(kind, state):
    done = [stage("draft", done=True), stage("consultation", done=True)]
    assert derive_state([*done, stage(kind), stage("entry_into_force")]) == state


@pytest.mark.parametrize("instrument, states", [
    # A decree goes before parliament (voorhang) before the Raad van State advises.
    ("amvb", ["preparation", "consultation", "consultation", "house", "council_of_state",
              "adopted", "adopted", "in_force"]),
    ("wetsvoorstel", ["preparation", "consultation", "consultation", "council_of_state",
                      "house", "house", "senate", "adopted", "adopted", "in_force"]),
    ("regeling", ["preparation", "consultation", "adopted", "adopted", "adopted", "in_force"]),
])
def test_finishing_a_templates_stages_one_by_one_walks_through_the_states(instrument, states):
    template = [stage(t.kind) for t in STAGE_TEMPLATES[instrument]]
    seen = []
    for index in range(len(template) + 1):
        for done in template[:index]:
            done.actual_end = DONE
        seen.append(derive_state(template))
    assert seen == states


def test_all_stages_done_is_in_force_and_no_stages_is_preparation():
    assert derive_state([stage("draft", done=True), stage("entry_into_force", done=True)]) \
        == "in_force"
    assert derive_state([]) == "preparation"
    assert derive_state([stage("draft", skipped=True)]) == "preparation"


def test_skipped_stages_do_not_count():
    stages_ = [stage("draft", done=True), stage("consultation", skipped=True),
               stage("council_advice")]
    assert derive_state(stages_) == "council_of_state"
    stages_[2].actual_end = DONE
    assert derive_state(stages_) == "in_force"


def test_an_added_stage_keeps_the_state_of_the_stage_before_it():
    assert derive_state([stage("draft", done=True), stage("council_advice", done=True),
                         stage("other"), stage("submission")]) == "council_of_state"
    assert derive_state([stage("other"), stage("draft")]) == "preparation"


def test_a_withdrawn_track_is_withdrawn_whatever_its_stages():
    assert derive_state([stage("draft")], withdrawn=True) == "withdrawn"
    assert derive_state([stage("draft", done=True)], withdrawn=True) == "withdrawn"

