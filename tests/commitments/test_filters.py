import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse

from commitments.filters import DUE_CHOICES, CommitmentFilter, due_window
from commitments.models import Commitment, Status
from register.dates import next_reference_date
from register.models import Party, PartyMembership, Person, Topic
from register.widgets import forget_choices
from tests import factories

D = datetime.date
TODAY = D(2021, 3, 15)


def numbers(query, today=TODAY):
    filterset = CommitmentFilter(QueryDict(query), queryset=Commitment.objects.all(), today=today)
    assert filterset.is_valid(), filterset.errors
    return [c.title for c in filterset.qs]


@pytest.fixture
def commitments(clerk):
    """Five commitments with hand-picked deadlines around TODAY (15 March 2021)."""
    made = D(2020, 12, 18)
    rows = {
        "ends today": factories.commitment(clerk, title="ends today", made_on=made,
                                           deadline_text="15 maart 2021"),
        "ended yesterday": factories.commitment(clerk, title="ended yesterday", made_on=made,
                                                deadline_text="14 maart 2021"),
        "end of month": factories.commitment(clerk, title="end of month", made_on=made,
                                             deadline_text="eind maart 2021"),
        "june": factories.commitment(clerk, title="june", made_on=made,
                                     deadline_text="in juni 2021"),
        "no deadline": factories.commitment(clerk, title="no deadline", made_on=made),
    }
    rows["done late"] = factories.commitment(clerk, title="done late", made_on=made,
                                             deadline_text="1 februari 2021")
    rows["done late"].change_status("done", by=clerk, reason="x", document=factories.document())
    return rows


def test_overdue_excludes_a_deadline_ending_today_and_delivered_ones(commitments):
    assert numbers("overdue=1") == ["ended yesterday"]


@pytest.mark.parametrize("due, expected", [
    ("month", ["ends today", "end of month"]),
    ("quarter", ["ends today", "end of month"]),
    ("rappel", ["ends today", "end of month", "june"]),
    ("90d", ["ends today", "end of month"]),
])
def test_due_within(due, expected, commitments):
    assert numbers(f"due={due}") == expected


def test_due_90_days_boundary(commitments):
    assert due_window("90d", TODAY) == (TODAY, D(2021, 6, 13))
    assert numbers("due=90d", today=D(2021, 4, 1)) == ["june"]  # 90 days: up to 30 June
    assert numbers("due=90d", today=D(2021, 3, 31)) == ["end of month"]  # up to 29 June


def test_reference_date_boundaries():
    assert next_reference_date(D(2021, 6, 30)) == D(2021, 7, 1)
    assert next_reference_date(D(2021, 7, 1)) == D(2022, 1, 1)
    assert next_reference_date(D(2021, 12, 31)) == D(2022, 1, 1)
    assert next_reference_date(D(2022, 1, 1)) == D(2022, 7, 1)
    assert due_window("rappel", D(2021, 6, 30)) == (D(2021, 6, 30), D(2021, 6, 30))


def test_custom_range_is_inclusive(commitments):
    assert numbers("due_from=2021-03-14&due_to=2021-03-31") == [
        "ended yesterday", "ends today", "end of month"]


def test_several_statuses_at_once(commitments, clerk):
    commitments["june"].change_status("in_progress", by=clerk, reason="x")
    assert numbers("status=in_progress&status=done") == ["done late", "june"]


def test_people_parties_topics_and_dossier(clerk, commitments):
    cu = Party.objects.create(abbreviation="ChristenUnie", aliases="CU")
    graaf = Person.objects.create(prefix="van der", surname="Graaf")
    PartyMembership.objects.create(person=graaf, party=cu)
    target = commitments["june"]
    target.to_member, target.to_party = graaf, cu
    target.save()
    target.topics.set([Topic.objects.create(name="lachgas")])
    assert numbers("to_party=ChristenUnie") == ["june"]
    assert numbers(f"to_member={graaf.pk}") == ["june"]
    assert numbers("topic=lachgas") == ["june"]
    assert len(numbers("dossier=24077")) == 6
    assert numbers("dossier=24077&topic=lachgas&status=open") == ["june"]


def test_made_between_and_changed_since(clerk, commitments):
    factories.commitment(clerk, title="early", made_on=D(2019, 11, 7))
    assert numbers("made_from=2019-01-01&made_to=2019-12-31") == ["early"]
    assert "early" in numbers(f"changed_since={datetime.date.today().isoformat()}")
    assert numbers("changed_since=2999-01-01") == []


@pytest.mark.parametrize("query, field", [
    ("status=finished", "status"), ("overdue=yes", "overdue"), ("due=decade", "due"),
    ("due_from=31-02-2021", "due_from"), ("dossier=99999", "dossier"),
    ("bewindspersoon=abc", "bewindspersoon"), ("sort=random", "sort"),
    ("made_from=2021-01-01&made_to=2020-01-01", "made_to"),
])
def test_invalid_filter_input_shows_a_message_and_never_a_wider_list(query, field, commitments):
    filterset = CommitmentFilter(QueryDict(query), queryset=Commitment.objects.all(),
                                 today=TODAY)
    assert not filterset.is_valid()
    assert field in filterset.errors
    assert list(filterset.qs) == []


def test_invalid_filter_on_the_page(client_for, advisor, commitments):
    response = client_for(advisor).get(reverse("commitments:list"), {"overdue": "yes"})
    page = response.content.decode()
    assert "Dit filter klopt niet" in page
    assert response.context["page"].paginator.count == 0


@pytest.mark.parametrize("sort, first", [("deadline", "done late"), ("-deadline", "june"),
                                         ("status", "done late")])
def test_sorting(sort, first, commitments):
    assert numbers(f"sort={sort}")[0] == first


def test_no_deadline_sorts_last_on_every_database(commitments):
    assert numbers("sort=deadline")[-1] == "no deadline"


def test_filter_lives_in_the_url(client_for, advisor, commitments):
    url = reverse("commitments:list") + "?status=open&due=quarter&sort=-deadline"
    first = client_for(advisor).get(url)
    again = client_for(advisor).get(url)
    titles = [c.title for c in first.context["page"].object_list]
    assert titles == [c.title for c in again.context["page"].object_list]
    assert set(titles) <= {"ends today", "end of month", "ended yesterday", "june"}


def test_htmx_request_gets_only_the_results(client_for, advisor, commitments):
    response = client_for(advisor).get(reverse("commitments:list"), {"status": "open"},
                                       headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page and "toezeggingen</h2>" in page
    assert 'hx-swap-oob="true"' in page  # the counts next to the filters follow


def test_counts_next_to_the_choices(client_for, advisor, commitments):
    counts = client_for(advisor).get(reverse("commitments:list"), {"status": "done"}
                                     ).context["counts"]
    # Each count ignores its own filter: the status counts are not limited to "done".
    assert counts["status_open"] == 5 and counts["status_done"] == 1


def test_pagination_and_page_size(client_for, advisor, clerk):
    for index in range(30):
        factories.commitment(clerk, title=f"t{index:02d}")
    page = client_for(advisor).get(reverse("commitments:list"), {"per_page": "25", "page": "2"}
                                   ).context["page"]
    assert (page.number, len(page.object_list), page.paginator.count) == (2, 5, 30)


@pytest.mark.parametrize("per_page", [25, 100])
def test_list_query_count_is_constant(per_page, client_for, advisor, clerk,
                                      django_assert_max_num_queries):
    """Same number of queries for 3 rows and for 120 rows, at both page sizes."""
    client = client_for(advisor)
    url = reverse("commitments:list") + f"?per_page={per_page}&status=open&q=brief"
    for index in range(3):
        factories.commitment(clerk, bewindspersoon=factories.bewindspersoon(f"B{index}"))
    client.get(url)
    forget_choices()  # measure both requests with the filter's choices read afresh
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for index in range(117):
        factories.commitment(clerk, bewindspersoon=factories.bewindspersoon(f"C{index % 7}"))
    forget_choices()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].object_list) == min(per_page, 120)


@pytest.mark.parametrize("query, length, queries", [
    ("", 30, 11), ("status=open&overdue=1", 20, 11), ("status=open&q=brief", 30, 11),
    ("overdue=1&status=open&status=in_progress", 20, 11),
    ("bewindspersoon=PERSON&status=open", 30, 12)])
def test_the_list_counts_in_one_query_and_reads_only_what_it_shows(
        query, length, queries, client_for, advisor, clerk, django_assert_max_num_queries):
    """Eleven queries once the filters' choices are known: session, user, two for permissions,
    feed token, saved views and the user's groups; for the list itself only the grouped counts
    (which also give its length: no COUNT query), the page's rows, their bewindspersonen and
    those people's offices; and one to check a chosen bewindspersoon."""
    person = factories.bewindspersoon()
    for index in range(30):
        factories.commitment(clerk, made_on=D(2020, 1, 1), deadline_text="1 maart 2020"
                             if index % 3 else "", text="Een brief over lachgas.")
    client = client_for(advisor)
    url = reverse("commitments:list") + "?" + query.replace("PERSON", str(person.pk))
    client.get(url)  # the filters' choices are read once and kept (register/widgets.py)
    with django_assert_max_num_queries(queries) as captured:
        response = client.get(url)
    listed = [sql for sql in (query["sql"] for query in captured.captured_queries)
              if 'FROM "commitments_commitment"' in sql]
    assert len(listed) == 2 and "GROUP BY" in listed[0], listed
    selected = listed[1].split(" FROM ")[0]
    assert all(f'"commitments_commitment"."{column}"' in selected
               for column in ("number", "title", "deadline_text", "deadline_end", "status"))
    assert not any(f'"commitments_commitment"."{column}"' in selected
                   for column in ("text", "search_text", "notes", "tk_notes", "remaining"))
    page = response.context["page"]
    assert (page.paginator.count, len(page.object_list)) == (length, min(length, 25))


QUERIES = ["", "status=open", "status=open&status=done", "overdue=1", "due=quarter",
           "status=open&overdue=1", "due=90d&status=open", "q=toezegging",
           "status=in_progress&due=month", "overdue=1&due=rappel", "status=done&overdue=1",
           "due_to=2021-03-31&status=open", "q=ends&overdue=1&status=open&status=in_progress"]


@pytest.mark.parametrize("query", QUERIES)
def test_the_total_from_the_counts_equals_the_count(query, commitments):
    filterset = CommitmentFilter(QueryDict(query), queryset=Commitment.objects.all(),
                                 today=TODAY)
    assert filterset.is_valid()
    assert filterset.total_from(filterset.counts()) == filterset.qs.count()


@pytest.mark.parametrize("query", QUERIES)
def test_each_count_is_the_length_of_the_list_it_offers(query, commitments, clerk):
    """The count next to a choice is what choosing it instead of its own filter's value lists,
    every other active filter kept: "Openstaand" next to "te laat" counts the late open ones."""
    factories.commitment(clerk, title="in progress, late", made_on=D(2020, 12, 18),
                         deadline_text="1 maart 2021").change_status("in_progress", by=clerk,
                                                                     reason="x")
    filterset = CommitmentFilter(QueryDict(query), queryset=Commitment.objects.all(),
                                 today=TODAY)
    assert filterset.is_valid()
    counts = filterset.counts()
    offered = {f"status_{status}": ("status", status) for status in Status}
    offered |= {"overdue": ("overdue", "1")} | {f"due_{due}": ("due", due)
                                                for due, _ in DUE_CHOICES}
    for key, (name, value) in offered.items():
        others = QueryDict(query, mutable=True)
        others.setlist(name, [value])
        chosen = CommitmentFilter(others, queryset=Commitment.objects.all(), today=TODAY)
        assert chosen.is_valid()
        assert counts[key] == chosen.qs.count(), (key, query)


def test_status_counts_follow_the_overdue_filter(commitments, clerk):
    """The issue's case: with "te laat" on, "Openstaand" counts the open ones that are late,
    the number the list then shows."""
    filterset = CommitmentFilter(QueryDict("overdue=1&status=open"),
                                 queryset=Commitment.objects.all(), today=TODAY)
    assert filterset.is_valid()
    late_open = Commitment.objects.open().overdue(TODAY).filter(status="open").count()
    assert filterset.counts()["status_open"] == late_open == filterset.qs.count()
    assert late_open < Commitment.objects.filter(status="open").count()


def test_filter_choices_follow_new_reference_data(client_for, advisor, clerk):
    client = client_for(advisor)
    assert "99999" not in client.get(reverse("commitments:list")).content.decode()
    factories.dossier("99999")
    assert '<option value="99999"' in client.get(reverse("commitments:list")).content.decode()


@pytest.mark.parametrize("url", ["/toezeggingen/", "/moties/", "/toezeggingen/?due=month",
                                 "/moties/?execution_status=open"])
def test_every_filter_is_on_the_page_once(client_for, advisor, demo, url):
    """Each field once: no duplicate ids, and no filter sent twice when the form is submitted."""
    import re
    from collections import Counter

    page = client_for(advisor).get(url).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    selects = Counter(re.findall(r'<select name="([^"]+)"', page))
    assert [name for name, count in selects.items() if count > 1] == []
