"""The examples under deadline and planning fields name no year: 'voorjaar 2021' read as a
suggestion in 2026 points the clerk at a period long past."""

import re

import pytest
from django.core.exceptions import ValidationError

from commitments.models import Commitment
from legislation.forms import StagePlanForm
from legislation.models import Stage
from letters.models import LetterItem
from tests.legislation.builders import law_track, stages

YEAR = re.compile(r"\b(19|20)\d\d\b")


@pytest.mark.parametrize("help_text", [
    Commitment._meta.get_field("deadline_text").help_text,
    Stage._meta.get_field("planned_text").help_text,
    LetterItem._meta.get_field("new_expected").help_text,
    StagePlanForm.base_fields["planned_text"].help_text,
], ids=["commitment", "stage", "rappel answer", "stage plan form"])
def test_the_example_under_the_words_names_no_year(help_text):
    assert "bijvoorbeeld" in str(help_text).casefold()
    assert not YEAR.search(str(help_text))


@pytest.mark.django_db
def test_the_refusals_of_a_plan_suggest_words_without_a_year(clerk):
    stage = stages(law_track(clerk))[0]
    with pytest.raises(ValidationError) as refused:
        stage.replan("", by=clerk, reason="x")
    assert not YEAR.search(refused.value.messages[0])
    form = StagePlanForm({"version": stage.version, "planned_text": "na de verkiezingen",
                          "stated_on": "2020-12-18", "reason": "x"}, record=stage)
    assert not form.is_valid()
    assert "valt geen periode af te leiden" in form.errors["planned_text"][0]
    assert not YEAR.search(form.errors["planned_text"][0])
