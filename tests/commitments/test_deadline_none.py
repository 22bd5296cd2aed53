"""The clerk's "Geen termijn": the words hold a date but name no deadline ("de onderbesteding in
2027": the year of the money).

The parser reads "richting 2070" and "met het oog op 2070" as a horizon or aim itself; "de
onderbesteding in 2027" it still reads as the year, so the clerk's override is what keeps it off
the overdue lists."""

import datetime
import re

import pytest
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse
from icalendar import Calendar

from commitments.filters import CommitmentFilter
from commitments.forms import CommitmentForm
from commitments.models import Commitment
from register.models import FeedToken
from tests import factories

D = datetime.date


@pytest.fixture
def horizon(clerk):
    """Words with a year that is the money's, not a deadline: parsed as the year 2021."""
    return factories.commitment(clerk, title="Horizon", made_on=D(2020, 12, 18),
                                deadline_text="de onderbesteding in 2021")


def form_data(commitment, **changes):
    data = {"title": commitment.title, "text": commitment.text,
            "bewindspersoon": commitment.bewindspersoon_id, "ministry": commitment.ministry_id,
            "made_on": commitment.made_on.isoformat(), "deadline_text": commitment.deadline_text,
            "dossier": commitment.dossier_id, "version": commitment.version, "topic_list": "",
            "reason": ""}
    return {**data, **changes}


def test_no_deadline_gives_no_period_and_keeps_the_parsed_one(horizon):
    assert horizon.deadline_end == D(2021, 12, 31)
    horizon.deadline_none = True
    horizon.save()
    horizon.refresh_from_db()
    assert (horizon.deadline_start, horizon.deadline_end) == (None, None)
    assert (horizon.deadline_parsed_start, horizon.deadline_parsed_end) == (D(2021, 1, 1),
                                                                            D(2021, 12, 31))
    assert horizon.deadline_overridden
    assert horizon.deadline_text == "de onderbesteding in 2021"
    assert not horizon.is_overdue(today=D(2023, 1, 1))
    assert not Commitment.objects.overdue(today=D(2023, 1, 1)).exists()


def test_unticking_brings_the_parsed_period_back(horizon):
    horizon.deadline_none = True
    horizon.save()
    horizon.deadline_none = False
    horizon.save()
    assert horizon.deadline_end == D(2021, 12, 31) and not horizon.deadline_overridden


def test_the_database_refuses_no_deadline_with_override_dates(horizon):
    horizon.deadline_none = True
    horizon.deadline_override_end = D(2021, 6, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        horizon.save()


def test_form_refuses_no_deadline_together_with_dates(horizon):
    form = CommitmentForm(form_data(horizon, deadline_none="on",
                                    deadline_override_end="2021-06-01"), instance=horizon)
    assert not form.is_valid()
    assert form.errors == {"deadline_none": [
        "Kies óf ‘Geen termijn’ óf een handmatige termijn met data, niet allebei."]}


def test_the_page_gives_the_refusal_at_the_checkbox_and_keeps_what_was_typed(client_for, clerk,
                                                                             horizon):
    url = reverse("commitments:edit", args=[horizon.pk])
    response = client_for(clerk).post(url, form_data(horizon, deadline_none="on",
                                                     deadline_override_end="2021-06-01"))
    assert response.status_code == 200
    page = response.content.decode()
    message = "Kies óf ‘Geen termijn’ óf een handmatige termijn met data, niet allebei."
    assert page.count(message) == 1
    checkbox = page.index('name="deadline_none"')
    field = page.rindex('<div class="field has-error">', 0, checkbox)
    assert field < page.index(message) < checkbox
    assert 'value="2021-06-01"' in page
    horizon.refresh_from_db()
    assert not horizon.deadline_none and horizon.deadline_override_end is None


def test_clerk_sets_no_deadline_with_a_reason(client_for, clerk, horizon):
    url = reverse("commitments:edit", args=[horizon.pk])
    data = form_data(horizon, deadline_none="on", reason="‘Met het oog op 2021’ is een horizon")
    response = client_for(clerk).post(url, data)
    assert response.status_code == 302
    horizon.refresh_from_db()
    assert horizon.deadline_none and horizon.deadline_end is None
    latest = horizon.history.latest()
    assert (latest.history_user, latest.history_change_reason, latest.deadline_none) == (
        clerk, "‘Met het oog op 2021’ is een horizon", True)
    page = client_for(clerk).get(horizon.get_absolute_url()).content.decode()
    assert "Geen termijn (handmatig)" in page
    assert "afgeleid uit de woorden: 1 januari 2021 – 31 december 2021" in page


def test_the_timeline_shows_the_change_old_to_new(client_for, clerk, advisor, horizon):
    client_for(clerk).post(reverse("commitments:edit", args=[horizon.pk]),
                           form_data(horizon, deadline_none="on", reason="horizon"))
    response = client_for(advisor).get(horizon.get_absolute_url())
    (entry, changes) = response.context["deadline_moves"][-1]
    moved = {change.label: (change.old, change.new) for change in changes}
    assert moved["Geen termijn (de woorden noemen geen termijn)"] == ("nee", "ja")
    assert moved["termijn einde"] == ("31 december 2021", "—")
    assert entry.record.history_change_reason == "horizon"


def test_edit_form_shows_the_checkbox_and_the_manual_preview(client_for, clerk, horizon):
    horizon.deadline_none = True
    horizon.save()
    page = client_for(clerk).get(reverse("commitments:edit", args=[horizon.pk])).content.decode()
    assert 'name="deadline_none"' in page and "checked" in page
    assert "Geen termijn (handmatig); afgeleid uit de woorden:" in page
    assert "Afgeleid: 1 januari 2021 – 31 december 2021." in page
    assert Commitment.objects.get(pk=horizon.pk).version == horizon.version


def test_live_preview_says_no_deadline_when_ticked(client_for, advisor):
    url = reverse("period-preview")
    query = {"words_name": "deadline_text", "deadline_text": "de onderbesteding in 2070",
             "said_on": "2025-01-01", "none_name": "deadline_none"}
    plain = client_for(advisor).get(url, query).content.decode()
    ticked = client_for(advisor).get(url, {**query, "deadline_none": "on"}).content.decode()
    assert not plain.startswith("Geen termijn")
    assert ticked.startswith("Geen termijn (handmatig); afgeleid uit de woorden:")


def test_advisor_cannot_set_no_deadline(client_for, advisor, horizon):
    response = client_for(advisor).post(reverse("commitments:edit", args=[horizon.pk]),
                                        form_data(horizon, deadline_none="on"))
    assert response.status_code == 403
    horizon.refresh_from_db()
    assert not horizon.deadline_none and horizon.history.count() == 1


def test_user_without_a_role_cannot_set_no_deadline(client_for, norole, horizon):
    response = client_for(norole).post(reverse("commitments:edit", args=[horizon.pk]),
                                       form_data(horizon, deadline_none="on"))
    assert response.status_code == 403
    horizon.refresh_from_db()
    assert not horizon.deadline_none


def test_overdue_and_due_filters_and_the_calendar_leave_it_out(client, clerk, advisor, horizon):
    late = factories.commitment(clerk, title="Te laat", deadline_text="in juni 2021")
    horizon.deadline_none = True
    horizon.save()

    def titles(query):
        filterset = CommitmentFilter(QueryDict(query), queryset=Commitment.objects.all(),
                                     today=D(2022, 1, 1))
        assert filterset.is_valid(), filterset.errors
        return [c.title for c in filterset.qs]

    assert titles("overdue=1") == [late.title]
    assert titles("due_from=2021-01-01&due_to=2021-12-31") == [late.title]
    token = FeedToken.renew(advisor)
    feed = client.get(reverse("commitments:feed-ics", args=[token.token]))
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [f"Termijn {late.number}: Te laat"]


def test_the_help_texts_examples_are_words_the_parser_still_reads_as_a_deadline():
    # An example the parser already reads as no deadline would tell the clerk to tick a box
    # that changes nothing ("richting 2070", "voortaan op Prinsjesdag", "met het oog op 2070" and
    # "de afspraak om in 2030 … te halen" were such examples).
    from register.periods import parse_period

    help_text = str(Commitment._meta.get_field("deadline_none").help_text)
    examples = re.findall(r"‘([^’]+)’", help_text)
    assert len(examples) == 2
    for example in examples:
        assert parse_period(example, datetime.date(2026, 3, 1)) is not None, example
