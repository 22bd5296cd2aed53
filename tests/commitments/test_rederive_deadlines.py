"""Deadlines on estimated recess dates are derived again once the calendar data gives that year
(issue 14): `manage.py rederive_deadlines --user …`, run after a calendar update."""

import datetime
import json

import pytest
from django.core.management import call_command

from commitments.models import Commitment
from register import parliamentary_calendar
from tests import factories


@pytest.fixture
def calendar_2027(tmp_path, monkeypatch):
    """The calendar data as it will be once the Kamer publishes its recesses of 2027."""
    def publish(start, end):
        data = json.loads(parliamentary_calendar.DATA_FILE.read_text(encoding="utf-8"))
        data["sources"]["tk-2027"] = "Recesdata 2027, vastgesteld door het Presidium (test)"
        data["recesses"].append({"name": "kerstreces", "year": 2027, "start": start,
                                 "end": end, "source": "tk-2027"})
        path = tmp_path / "parliamentary_calendar.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        monkeypatch.setattr(parliamentary_calendar, "DATA_FILE", path)
        parliamentary_calendar._data.cache_clear()

    yield publish
    parliamentary_calendar._data.cache_clear()


def test_a_deadline_on_an_estimated_recess_says_so(clerk):
    estimated = factories.commitment(clerk, deadline_text="voor het kerstreces",
                                     made_on=datetime.date(2027, 3, 1))
    known = factories.commitment(clerk, deadline_text="voor het kerstreces",
                                 made_on=datetime.date(2025, 3, 1))
    assert estimated.deadline_estimated and estimated.deadline_end == datetime.date(2027, 12, 16)
    assert not known.deadline_estimated


def test_published_recess_dates_rederive_with_a_history_row(clerk, calendar_2027):
    estimated = factories.commitment(clerk, deadline_text="voor het kerstreces",
                                     made_on=datetime.date(2027, 3, 1))
    known = factories.commitment(clerk, deadline_text="voor het kerstreces",
                                 made_on=datetime.date(2025, 3, 1))
    later = factories.commitment(clerk, deadline_text="voor het meireces",
                                 made_on=datetime.date(2029, 1, 5))  # still estimated
    calendar_2027("2027-12-10", "2028-01-10")
    call_command("rederive_deadlines", user="griffie")
    estimated.refresh_from_db()
    assert estimated.deadline_end == datetime.date(2027, 12, 9)
    assert not estimated.deadline_estimated
    record = estimated.history.first()
    assert (record.history_user, record.history_change_reason) == (
        clerk, "termijn herberekend: recesdata 2027 vastgesteld")
    assert estimated.history.count() == 2
    assert known.history.count() == 1 and later.history.count() == 1  # untouched
    later.refresh_from_db()
    assert later.deadline_estimated


def test_dry_run_writes_nothing(clerk, calendar_2027):
    estimated = factories.commitment(clerk, deadline_text="voor het kerstreces",
                                     made_on=datetime.date(2027, 3, 1))
    calendar_2027("2027-12-10", "2028-01-10")
    call_command("rederive_deadlines", user="griffie", dry_run=True)
    estimated.refresh_from_db()
    assert estimated.deadline_end == datetime.date(2027, 12, 16) and estimated.deadline_estimated
    assert estimated.history.count() == 1


def test_an_override_stays_the_deadline(clerk, calendar_2027):
    overridden = factories.commitment(clerk, deadline_text="voor het kerstreces",
                                      made_on=datetime.date(2027, 3, 1),
                                      deadline_override_end=datetime.date(2027, 6, 1))
    calendar_2027("2027-12-10", "2028-01-10")
    call_command("rederive_deadlines", user="griffie")
    overridden.refresh_from_db()
    assert overridden.deadline_end == datetime.date(2027, 6, 1)
    assert overridden.deadline_parsed_end == datetime.date(2027, 12, 9)


def test_nothing_estimated_nothing_to_do(clerk, capsys):
    factories.commitment(clerk, deadline_text="in maart 2021")
    call_command("rederive_deadlines", user="griffie")
    assert "0 toezegging(en) herberekend" in capsys.readouterr().out
    assert Commitment.objects.get().history.count() == 1
