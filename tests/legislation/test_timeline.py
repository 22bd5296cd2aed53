import datetime
from types import SimpleNamespace

import pytest

from legislation.timeline import (
    LABEL_WIDTH,
    MIN_BAR,
    TODAY_LABEL_WIDTH,
    WIDTH,
    Axis,
    axis_for,
    build_chart,
    label_lines,
    ticks,
)

D = datetime.date
TODAY = D(2020, 12, 18)


def stage(name="Fase", planned=(None, None), actual=(None, None), text="", skipped=False):
    return SimpleNamespace(name=name, display_name=name, planned_start=planned[0],
                           planned_end=planned[1],
                           planned_text=text, actual_start=actual[0], actual_end=actual[1],
                           skipped=skipped)


def test_the_axis_spans_whole_quarters_around_every_date_and_today():
    stages = [stage(actual=(D(2020, 6, 12), D(2020, 7, 10))),
              stage(planned=(D(2021, 7, 1), D(2021, 12, 31)))]
    axis = axis_for(stages, TODAY)
    assert (axis.start, axis.end) == (D(2020, 4, 1), D(2022, 1, 1))
    assert axis.x(axis.start) == LABEL_WIDTH
    assert axis.x(axis.end) == axis.right == WIDTH - 16
    later = axis_for(stages, D(2023, 2, 1))
    assert later.end == D(2023, 4, 1)  # today always fits


def test_no_dates_no_chart():
    assert axis_for([stage(), stage(text="zo spoedig mogelijk")], TODAY) is None
    assert build_chart([stage()], TODAY) is None


def test_x_is_proportional_to_days():
    axis = Axis(D(2021, 1, 1), D(2022, 1, 1), left=100, right=465)
    assert axis.x(D(2021, 1, 1)) == 100
    assert axis.x(D(2021, 7, 2)) == 100 + 182
    assert axis.x(D(2022, 1, 1)) == 465


def test_ticks_name_years_and_quarters_when_there_is_room():
    axis = Axis(D(2020, 4, 1), D(2022, 1, 1))
    labels = [(tick.label, tick.major) for tick in ticks(axis)]
    assert labels == [("Q2 2020", False), ("Q3", False), ("Q4", False), ("2021", True),
                      ("Q2", False), ("Q3", False), ("Q4", False), ("", True)]
    long_axis = Axis(D(2015, 1, 1), D(2027, 1, 1))
    assert all(tick.label in ("", *map(str, range(2015, 2027))) for tick in ticks(long_axis))


def test_bars_for_plan_actual_running_and_late():
    stages = [
        stage("Internetconsultatie", planned=(D(2020, 6, 12), D(2020, 7, 10)),
              actual=(D(2020, 6, 12), D(2020, 7, 10)), text="12 juni – 10 juli"),
        stage("Uitvoeringstoetsen", actual=(D(2020, 7, 10), None)),
        stage("Indiening", planned=(D(2020, 9, 1), D(2020, 11, 30)), text="najaar 2020"),
        stage("Inwerkingtreding", planned=(D(2021, 7, 1), D(2021, 12, 31)), skipped=True),
    ]
    chart = build_chart(stages, TODAY)
    consultation, tests_, submission, entry = chart.rows
    assert consultation.planned.x == consultation.actual.x
    assert consultation.planned.width == consultation.actual.width
    assert not consultation.running and consultation.late is None
    assert consultation.planned.title == \
        "Gepland: 12 juni – 10 juli (12 juni 2020 – 10 juli 2020)"
    assert tests_.running and tests_.planned is None
    # Running and late bars end at the today line.
    assert tests_.actual.x + tests_.actual.width == pytest.approx(chart.today_x)
    assert submission.late.x == chart.axis.x(D(2020, 12, 1))
    assert submission.late.x + submission.late.width == pytest.approx(chart.today_x)
    assert submission.late.title == "Te laat: 18 dagen later dan gepland"
    assert submission.actual is None
    assert entry.planned is not None and entry.late is None and entry.actual is None
    assert chart.today_x == chart.axis.x(TODAY)
    assert [row.y for row in chart.rows] == [46, 80, 114, 148]
    assert chart.height == 46 + 4 * 34 + 8


def test_a_finished_stage_without_start_shows_a_minimal_bar():
    chart = build_chart([stage(actual=(None, D(2020, 8, 31)))], TODAY)
    assert chart.rows[0].actual.width >= MIN_BAR
    assert chart.rows[0].actual.title == "Werkelijk: 31 augustus 2020"


def test_long_names_wrap_over_two_lines_and_are_cut_after():
    assert label_lines(6, "Vaststelling en publicatie in het Staatsblad") == [
        "6. Vaststelling en publicatie in", "het Staatsblad"]
    long = label_lines(1, "Een heel lange naam " * 5)
    assert len(long) == 2 and long[1].endswith("…")
    assert label_lines(1, "Ontwerp") == ["1. Ontwerp"]


def test_today_label_stays_inside_the_picture():
    near_end = build_chart([stage(planned=(D(2020, 1, 1), D(2020, 3, 1)))], D(2020, 12, 31))
    assert near_end.today_anchor == "end"
    middle = build_chart([stage(planned=(D(2020, 1, 1), D(2022, 3, 1)))], D(2020, 12, 31))
    assert middle.today_anchor == "start"
    # The whole label, "vandaag, 31 december 2020", fits: near the edge it goes to the left.
    for today in (D(2021, 11, 1), D(2021, 12, 1), D(2022, 1, 15)):
        chart = build_chart([stage(planned=(D(2020, 1, 1), D(2022, 3, 1)))], today)
        if chart.today_anchor == "start":
            assert chart.today_label_x + TODAY_LABEL_WIDTH <= chart.width
        else:
            assert chart.today_label_x - TODAY_LABEL_WIDTH >= 0


def test_summary_reads_the_chart_for_screen_readers():
    chart = build_chart([stage("Indiening", planned=(D(2021, 3, 1), D(2021, 5, 31)),
                               text="komend voorjaar")], TODAY)
    assert chart.summary == ["1. Indiening: Gepland: komend voorjaar (1 maart 2021 – 31 mei "
                             "2021)"]
