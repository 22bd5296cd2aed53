"""Each filter of both lists against a small hand-built register, its rows worked out by hand."""

import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from commitments.filters import CommitmentFilter, MotionFilter
from commitments.models import Commitment, Motion, MotionSubmitter
from register.models import (
    Committee,
    Debate,
    Directorate,
    Party,
    PartyMembership,
    Person,
    Topic,
)
from register.widgets import forget_choices
from tests import factories

D = datetime.date


def titles(filter_class, query):
    """The titles the filter lists, sorted: a row listed twice would show twice."""
    filterset = filter_class(QueryDict(query), queryset=filter_class._meta.model.objects.all())
    assert filterset.is_valid(), filterset.errors
    return sorted(record.title for record in filterset.qs)


def member(surname, party, prefix=""):
    person = Person.objects.create(surname=surname, prefix=prefix, initials="X.")
    PartyMembership.objects.create(person=person, party=party)
    return person


@pytest.fixture
def commitments(clerk, advisor):
    """a: Blokhuis, VWS, owned by beleid; b: Grapperhaus, JenV, owned by griffie; c: neither."""
    vws, jenv = factories.ministry("VWS"), factories.ministry("JenV")
    cu = Party.objects.create(abbreviation="ChristenUnie")
    debate = {kind: Debate.objects.create(kind=kind, title=f"Debat {kind}", date=D(2020, 11, 1))
              for kind in ("ao", "budget")}
    a = factories.commitment(
        clerk, title="a", ministry=vws, owner=advisor, debate=debate["ao"],
        committee=Committee.objects.create(abbreviation="VWS", name="Commissie VWS"),
        directorate=Directorate.objects.create(abbreviation="VGP", name="Directie VGP"),
        to_member=member("Graaf", cu, prefix="van der"))
    b = factories.commitment(
        clerk, title="b", bewindspersoon=factories.bewindspersoon("Grapperhaus"), ministry=jenv,
        owner=clerk, debate=debate["budget"],
        committee=Committee.objects.create(abbreviation="JenV", name="Commissie JenV"),
        directorate=Directorate.objects.create(abbreviation="DJZ", name="Directie DJZ"),
        to_member=member("Kuik", Party.objects.create(abbreviation="CDA")))
    c = factories.commitment(clerk, title="c")
    return {"a": a, "b": b, "c": c, "debates": debate}


def test_bewindspersoon(commitments):
    blokhuis = commitments["a"].bewindspersoon
    assert titles(CommitmentFilter, f"bewindspersoon={blokhuis.pk}") == ["a", "c"]
    grapperhaus = commitments["b"].bewindspersoon
    assert titles(CommitmentFilter, f"bewindspersoon={grapperhaus.pk}") == ["b"]


def test_ministry_committee_and_directorate(commitments):
    assert titles(CommitmentFilter, "ministry=VWS") == ["a", "c"]
    assert titles(CommitmentFilter, "ministry=JenV") == ["b"]
    assert titles(CommitmentFilter, "committee=VWS") == ["a"]
    assert titles(CommitmentFilter, "committee=JenV") == ["b"]
    assert titles(CommitmentFilter, "directorate=DJZ") == ["b"]
    assert titles(CommitmentFilter, "ministry=VWS&directorate=DJZ") == []


def test_debate(commitments):
    assert titles(CommitmentFilter, f"debate={commitments['debates']['budget'].pk}") == ["b"]
    assert titles(CommitmentFilter, f"debate={commitments['debates']['ao'].pk}") == ["a"]


def test_owner_and_no_owner(commitments):
    assert titles(CommitmentFilter, "owner=beleid") == ["a"]
    assert titles(CommitmentFilter, "owner=griffie") == ["b"]
    assert titles(CommitmentFilter, "owner=null") == ["c"]


def test_to_member(commitments):
    assert titles(CommitmentFilter, f"to_member={commitments['a'].to_member.pk}") == ["a"]
    assert titles(CommitmentFilter, f"to_member={commitments['b'].to_member.pk}") == ["b"]


def test_delivered_between_is_inclusive(commitments, clerk):
    commitments["a"].change_status("done", by=clerk, reason="x",
                                   document=factories.document(on=D(2021, 2, 1)))
    commitments["b"].change_status("done", by=clerk, reason="x", on=D(2021, 4, 1),
                                   document=factories.document(on=D(2021, 4, 1)))
    assert titles(CommitmentFilter, "delivered_from=2021-01-01&delivered_to=2021-03-31") == ["a"]
    assert titles(CommitmentFilter, "delivered_from=2021-02-01") == ["a", "b"]
    assert titles(CommitmentFilter, "delivered_to=2021-02-01") == ["a"]
    assert titles(CommitmentFilter, "delivered_from=2021-04-02") == []


def test_delivered_range_ending_before_it_starts_is_refused(commitments):
    filterset = CommitmentFilter(QueryDict("delivered_from=2021-04-01&delivered_to=2021-03-31"),
                                 queryset=Commitment.objects.all())
    assert not filterset.is_valid()
    assert "delivered_to" in filterset.errors
    assert list(filterset.qs) == []


@pytest.fixture
def motions(clerk):
    """Five motions; who filed what, how it was voted and how far it got, by hand."""
    pvv = Party.objects.create(abbreviation="PVV")
    sgp = Party.objects.create(abbreviation="SGP")
    cu = Party.objects.create(abbreviation="ChristenUnie")
    mulder = member("Mulder", pvv)
    staaij = member("Staaij", sgp, prefix="van der")
    graaf = member("Graaf", cu, prefix="van der")
    budget = factories.dossier("35570-XVI")

    def motion(title, number, submitters=(), dossier=None, topic=None, **fields):
        record = factories.motion(clerk, title=title, number=number,
                                  dossier=dossier or factories.dossier(), **fields)
        for order, (person, party) in enumerate(submitters):
            MotionSubmitter.objects.create(motion=record, person=person, party=party,
                                           order=order)
        if topic:
            record.topics.set([Topic.objects.create(name=topic)])
        return record

    rows = {
        "schoolpleinen": motion("Motie over drugsvrije schoolpleinen", "453",
                                [(mulder, pvv), (staaij, sgp)], topic="onderwijs",
                                filed_on=D(2019, 12, 11), appreciation="oordeel_kamer"),
        "lachgas": motion("Motie over een verbod op lachgas", "470", [(graaf, cu)],
                          topic="lachgas", filed_on=D(2020, 11, 26), appreciation="ontraden"),
        "cocaine": motion("Motie over cocaïne in het uitgaansleven", "12", [(mulder, pvv)],
                          dossier=budget, filed_on=D(2021, 3, 1), appreciation="ontraden"),
        "held": motion("Motie over preventie", "13", dossier=budget),
        "submitted": motion("Motie over de monitor", "480", [(staaij, sgp)],
                            filed_on=D(2021, 1, 15)),
    }
    for key, outcome in [("schoolpleinen", "adopted"), ("lachgas", "adopted"),
                         ("cocaine", "rejected"), ("held", "held")]:
        rows[key].record_vote(outcome, by=clerk, reason="Stemming", on=D(2021, 3, 9))
    rows["schoolpleinen"].change_status("executed", by=clerk, reason="Uitgevoerd",
                                        document=factories.document("468"))
    rows["lachgas"].change_status("in_progress", by=clerk, reason="Wordt uitgevoerd")
    rows["people"] = {"mulder": mulder, "staaij": staaij, "graaf": graaf}
    return rows


def motion_titles(query):
    return [title.removeprefix("Motie over ") for title in titles(MotionFilter, query)]


def test_several_vote_outcomes_at_once(motions):
    assert motion_titles("vote_outcome=adopted&vote_outcome=rejected") == [
        "cocaïne in het uitgaansleven", "drugsvrije schoolpleinen", "een verbod op lachgas"]
    assert motion_titles("vote_outcome=held") == ["preventie"]
    assert motion_titles("vote_outcome=submitted") == ["de monitor"]
    assert motion_titles("vote_outcome=withdrawn") == []


def test_execution_status(motions):
    assert motion_titles("execution_status=in_progress") == ["een verbod op lachgas"]
    assert motion_titles("execution_status=executed&execution_status=open") == [
        "drugsvrije schoolpleinen"]
    assert motion_titles("execution_status=partly_executed") == []


def test_appreciation(motions):
    assert motion_titles("appreciation=ontraden") == ["cocaïne in het uitgaansleven",
                                                      "een verbod op lachgas"]
    assert motion_titles("appreciation=oordeel_kamer") == ["drugsvrije schoolpleinen"]


def test_submitter(motions):
    people = motions["people"]
    assert motion_titles(f"submitter={people['staaij'].pk}") == ["de monitor",
                                                                "drugsvrije schoolpleinen"]
    assert motion_titles(f"submitter={people['graaf'].pk}") == ["een verbod op lachgas"]


def test_party_lists_a_motion_once_whatever_its_number_of_submitters(motions):
    MotionSubmitter.objects.create(motion=motions["schoolpleinen"], order=2,
                                   person=member("Wilders", Party.objects.get(abbreviation="PVV")),
                                   party=Party.objects.get(abbreviation="PVV"))
    assert motion_titles("party=PVV") == ["cocaïne in het uitgaansleven",
                                          "drugsvrije schoolpleinen"]
    assert motion_titles("party=SGP") == ["de monitor", "drugsvrije schoolpleinen"]


def test_dossier_and_topic(motions):
    assert motion_titles("dossier=35570-XVI") == ["cocaïne in het uitgaansleven", "preventie"]
    assert motion_titles("dossier=24077&topic=lachgas") == ["een verbod op lachgas"]
    assert motion_titles("dossier=35570-XVI&topic=lachgas") == []


def test_filed_between_is_inclusive(motions):
    assert motion_titles("made_from=2020-01-01&made_to=2020-12-31") == ["een verbod op lachgas"]
    assert motion_titles("made_from=2021-01-15") == ["cocaïne in het uitgaansleven",
                                                     "de monitor"]
    assert motion_titles("made_to=2019-12-11") == ["drugsvrije schoolpleinen"]


def test_changed_since_starts_at_midnight_amsterdam_time(motions):
    def changed(key, *moment):
        Motion.objects.filter(pk=motions[key].pk).update(
            updated_at=timezone.make_aware(datetime.datetime(*moment)))

    Motion.objects.update(updated_at=timezone.make_aware(datetime.datetime(2021, 1, 1)))
    changed("lachgas", 2021, 6, 1, 0, 0)
    changed("schoolpleinen", 2021, 5, 31, 23, 59)
    assert motion_titles("changed_since=2021-06-01") == ["een verbod op lachgas"]
    assert motion_titles("changed_since=2021-05-31") == ["drugsvrije schoolpleinen",
                                                         "een verbod op lachgas"]


def test_free_text(motions):
    assert motion_titles("q=lachgas") == ["een verbod op lachgas"]
    assert motion_titles("q=school drugsvrij") == ["drugsvrije schoolpleinen"]
    assert motion_titles("q=cocaine") == ["cocaïne in het uitgaansleven"]  # accents do not matter
    assert motion_titles("q=35570") == ["cocaïne in het uitgaansleven", "preventie"]
    assert motion_titles("q=lachgas schoolpleinen") == []


@pytest.mark.parametrize("query, field", [
    ("vote_outcome=maybe", "vote_outcome"), ("execution_status=done", "execution_status"),
    ("appreciation=great", "appreciation"), ("party=XYZ", "party"), ("submitter=0", "submitter"),
    ("dossier=null", "dossier"), ("made_from=2021-01-01&made_to=2020-01-01", "made_to"),
    ("sort=random", "sort"),
])
def test_invalid_motion_filter_shows_nothing(query, field, motions):
    filterset = MotionFilter(QueryDict(query), queryset=Motion.objects.all())
    assert not filterset.is_valid()
    assert field in filterset.errors
    assert list(filterset.qs) == []


def motion_counts(query):
    filterset = MotionFilter(QueryDict(query), queryset=Motion.objects.all())
    assert filterset.is_valid(), filterset.errors
    return filterset.counts()


def test_motion_counts_follow_every_filter_but_their_own(motions):
    everything = motion_counts("")
    assert [everything[f"vote_outcome_{outcome}"] for outcome in
            ("submitted", "held", "adopted", "rejected", "withdrawn")] == [1, 1, 2, 1, 0]
    assert [everything[f"execution_status_{status}"] for status in
            ("open", "in_progress", "partly_executed", "executed")] == [0, 1, 0, 1]
    # An outcome's count ignores the chosen outcomes but follows the chosen executions.
    counts = motion_counts("vote_outcome=rejected&execution_status=in_progress")
    assert (counts["vote_outcome_adopted"], counts["vote_outcome_rejected"]) == (1, 0)
    assert (counts["execution_status_in_progress"], counts["execution_status_executed"]) == (0, 0)
    counts = motion_counts("vote_outcome=adopted&party=SGP")
    assert (counts["vote_outcome_adopted"], counts["vote_outcome_submitted"]) == (1, 1)
    assert counts["execution_status_executed"] == 1


@pytest.mark.parametrize("query", [
    "", "vote_outcome=adopted", "vote_outcome=adopted&vote_outcome=held", "party=PVV",
    "execution_status=in_progress", "vote_outcome=rejected&execution_status=executed",
    "q=motie", "party=SGP&dossier=24077", "topic=lachgas&vote_outcome=adopted",
])
def test_the_motion_total_from_the_counts_equals_the_count(query, motions):
    filterset = MotionFilter(QueryDict(query), queryset=Motion.objects.all())
    assert filterset.is_valid()
    assert filterset.total_from(filterset.counts()) == filterset.qs.count()


def test_motions_sort_by_execution_in_workflow_order(motions):
    filterset = MotionFilter(QueryDict("sort=status"), queryset=Motion.objects.all())
    assert filterset.is_valid()
    # In progress before executed; motions without an execution last, oldest record first.
    assert [motion.number for motion in filterset.qs] == ["470", "453", "12", "13", "480"]
    # With a filter that joins the submitters (DISTINCT) and a search: both databases accept it.
    filterset = MotionFilter(QueryDict("sort=status&party=SGP&q=motie"),
                             queryset=Motion.objects.all())
    assert filterset.is_valid()
    assert [motion.number for motion in filterset.qs] == ["453", "480"]


def test_motion_list_shows_the_counts_and_htmx_updates_them(client_for, advisor, motions):
    client = client_for(advisor)
    response = client.get(reverse("commitments:motion-list"), {"vote_outcome": "adopted"})
    page = response.content.decode()
    assert response.context["page"].paginator.count == 2
    assert '<span class="count" id="count-vote_outcome_rejected">1</span>' in page
    assert reverse("commitments:motion-export-xlsx") + "?vote_outcome=adopted" in page
    fragment = client.get(reverse("commitments:motion-list"), {"party": "SGP"},
                          headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "moties</h2>" in fragment
    assert ('<span class="count" id="count-vote_outcome_adopted" hx-swap-oob="true">1</span>'
            in fragment)


def test_invalid_motion_filter_on_the_page(client_for, advisor, motions):
    response = client_for(advisor).get(reverse("commitments:motion-list"),
                                       {"vote_outcome": "maybe"})
    page = response.content.decode()
    assert "Dit filter klopt niet" in page and "export.xlsx" not in page
    assert response.context["page"].paginator.count == 0


@pytest.mark.parametrize("per_page", [25, 100])
def test_motion_list_query_count_is_constant(per_page, client_for, advisor, clerk,
                                             django_assert_max_num_queries):
    """Same number of queries for 3 motions and for 120, at both page sizes."""
    client = client_for(advisor)
    url = (reverse("commitments:motion-list")
           + f"?per_page={per_page}&vote_outcome=submitted&q=motie&sort=status")
    party = Party.objects.create(abbreviation="PVV")

    def add(index):
        motion = factories.motion(clerk)
        motion.topics.set([Topic.objects.get_or_create(name=f"t{index % 5}")[0]])
        MotionSubmitter.objects.create(motion=motion, person=member(f"M{index}", party),
                                       party=party)

    for index in range(3):
        add(index)
    client.get(url)
    forget_choices()  # measure both requests with the filter's choices read afresh
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for index in range(3, 120):
        add(index)
    forget_choices()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].object_list) == min(per_page, 120)
