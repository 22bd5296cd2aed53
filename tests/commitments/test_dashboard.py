import datetime
from unittest import mock

import pytest
from django.urls import reverse

from commitments.dashboard import dashboard
from letters.compose import rappel_commitments
from tests import factories

D = datetime.date


@pytest.fixture
def spread(clerk, advisor):
    made = D(2020, 12, 18)
    late = factories.commitment(clerk, title="late", made_on=made, owner=advisor,
                                deadline_text="in maart 2021")
    soon = factories.commitment(clerk, title="soon", made_on=made,
                                deadline_text="15 juni 2021")
    later = factories.commitment(clerk, title="later", made_on=made,
                                 deadline_text="in oktober 2021")
    done = factories.commitment(clerk, title="done", made_on=made,
                                deadline_text="in maart 2021")
    done.change_status("done", by=clerk, reason="x",
                       document=factories.document(on=D(2021, 2, 1)))
    return late, soon, later


def test_counts_per_bewindspersoon_dossier_and_owner(spread):
    data = dashboard(D(2021, 6, 1))
    assert (data["totals"]["open"], data["totals"]["overdue"], data["totals"]["due_soon"]) == (
        3, 1, 1)
    (person,) = data["per_bewindspersoon"]
    assert (person.label, person.open, person.overdue, person.due_soon) == ("P. Blokhuis", 3, 1, 1)
    assert [row.label for row in data["per_dossier"]] == ["24 077 Drugbeleid"]
    owners = {row.label: (row.open, row.overdue) for row in data["per_owner"]}
    assert owners == {"Bart Beleid": (1, 1), "(geen eigenaar)": (2, 0)}


def made_to_the_eerste_kamer(*commitments):
    for number, commitment in enumerate(commitments, 3211):
        commitment.ek_number = f"T0{number}"
        commitment.save()


def test_rappel_list_is_open_items_with_a_deadline_before_the_reference_date(spread):
    made_to_the_eerste_kamer(*spread)
    assert [c.title for c in dashboard(D(2021, 6, 1))["rappel"]] == ["late", "soon"]
    assert dashboard(D(2021, 6, 1))["reference_date"] == D(2021, 7, 1)
    assert [c.title for c in dashboard(D(2021, 7, 1))["rappel"]] == ["late", "soon", "later"]


def test_the_rappel_list_is_what_the_answer_to_the_rappel_lists(client_for, advisor, clerk,
                                                                spread):
    """Only commitments made to the Eerste Kamer (with its T-number) are on its rappel: the
    dashboard's list, its count and its link show what the answer to the rappel proposes."""
    late, soon, _later = spread
    made_to_the_eerste_kamer(soon)
    done = factories.commitment(clerk, title="done to the EK", deadline_text="in maart 2021",
                                ek_number="T03300")
    done.change_status("done", by=clerk, reason="x", document=factories.document())
    today = D(2021, 6, 1)
    data = dashboard(today)
    answer = rappel_commitments(None, data["reference_date"])
    assert [c.title for c in data["rappel"]] == [c.title for c in answer] == ["soon"]
    assert data["rappel_count"] == 1
    client = client_for(advisor)
    with mock.patch("django.utils.timezone.localdate", return_value=today):
        listed = client.get(reverse("commitments:list") + "?" + data["rappel_link"])
    assert [c.title for c in listed.context["page"].object_list] == ["soon"]
    assert listed.context["page"].paginator.count == data["rappel_count"]


def test_longest_overdue_first(spread, clerk):
    factories.commitment(clerk, title="older", made_on=D(2020, 1, 1), deadline_text="in mei 2020")
    assert [c.title for c in dashboard(D(2021, 6, 1))["longest_overdue"]] == ["older", "late"]


def test_chart_made_and_delivered_per_quarter(spread):
    bars = {bar["label"]: (bar["made"], bar["delivered"])
            for bar in dashboard(D(2021, 6, 1))["chart"]["bars"]}
    assert bars["K4 2020"] == (4, 0)
    assert bars["K1 2021"] == (0, 1)


def test_every_number_links_to_the_list_behind_it(client_for, advisor, spread):
    client = client_for(advisor)
    response = client.get(reverse("commitments:dashboard"))
    data = response.context
    person = data["per_bewindspersoon"][0]
    listed = client.get(reverse("commitments:list") + "?" + person.links["open"])
    assert listed.context["page"].paginator.count == person.open
    nobody = next(row for row in data["per_owner"] if row.label == "(geen eigenaar)")
    listed = client.get(reverse("commitments:list") + "?" + nobody.links["open"])
    assert listed.context["page"].paginator.count == nobody.open == 2
    overdue = client.get(reverse("commitments:list") + "?" + data["total_links"]["overdue"])
    assert overdue.context["page"].paginator.count == data["totals"]["overdue"]
    rappel = client.get(reverse("commitments:list") + "?" + data["rappel_link"])
    assert rappel.context["page"].paginator.count == data["rappel_count"]
    assert "<svg" in response.content.decode()


def test_dashboard_query_count_is_constant(client_for, advisor, clerk,
                                           django_assert_max_num_queries):
    client = client_for(advisor)
    factories.commitment(clerk, deadline_text="in maart 2021")
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("commitments:dashboard"))
    for index in range(30):
        factories.commitment(clerk, deadline_text="in maart 2021", owner=advisor,
                             bewindspersoon=factories.bewindspersoon(f"P{index}"),
                             dossier=factories.dossier(f"{30000 + index}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("commitments:dashboard"))


def test_each_quarters_delivered_bar_links_to_the_commitments_delivered_then(
        client_for, advisor, clerk, spread):
    # Partly done with a delivery date: not counted as delivered, so not listed either.
    partly = factories.commitment(clerk, title="partly", made_on=D(2020, 12, 18))
    partly.change_status("partly_done", by=clerk, reason="x", on=D(2021, 3, 1), remaining="rest")
    client = client_for(advisor)
    response = client.get(reverse("commitments:dashboard"))
    bars = [bar for bar in response.context["chart"]["bars"] if bar["made"] or bar["delivered"]]
    assert [(bar["label"], bar["delivered"]) for bar in bars] == [("K4 2020", 0), ("K1 2021", 1)]
    for bar in bars:
        listed = client.get(reverse("commitments:list") + "?" + bar["delivered_link"])
        assert listed.context["page"].paginator.count == bar["delivered"]
        assert [c.title for c in listed.context["page"].object_list] == (
            ["done"] if bar["delivered"] else [])
        made = client.get(reverse("commitments:list") + "?" + bar["made_link"])
        assert made.context["page"].paginator.count == bar["made"]
    assert f'href="{reverse("commitments:list")}?{bars[1]["delivered_link"]}"'.replace(
        "&", "&amp;") in response.content.decode()


def test_commitments_without_dossier_are_named_as_the_filter_names_them(spread, clerk):
    """The row read "—" beside "(geen eigenaar)"; its link filters on "(zonder dossier)"."""
    factories.commitment(clerk, title="loose", dossier=None, deadline_text="in oktober 2021")
    rows = {row.label: row for row in dashboard(D(2021, 6, 1))["per_dossier"]}
    assert list(rows) == ["24 077 Drugbeleid", "(zonder dossier)"]
    assert rows["(zonder dossier)"].open == 1

