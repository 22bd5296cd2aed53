"""Words and details on the screens (issue 17, items 5 and 11): names, dates, owners."""

from django.urls import reverse

from commitments.forms import CommitmentForm
from commitments.models import Motion
from register.forms import UserChoiceField
from register.models import Debate, Person
from tests import factories


def test_motion_names_the_first_submitter_with_the_party(client_for, advisor, demo):
    motion = Motion.objects.get()
    html = client_for(advisor).get(reverse("commitments:motion-detail",
                                           args=[motion.pk])).content.decode()
    assert "Edgar Mulder (PVV, eerste indiener); Van der Staaij (SGP)" in html
    assert ") (" not in html


def test_owner_is_shown_by_full_name(client_for, advisor, clerk):
    commitment = factories.commitment(clerk, owner=advisor)
    html = client_for(advisor).get(commitment.get_absolute_url()).content.decode()
    assert "<dd>Bart Beleid</dd>" in html  # no directorate: no "—, Bart Beleid"
    assert ">Bart Beleid</option>" in client_for(advisor).get(
        reverse("commitments:list")).content.decode()  # the owner filter
    field = CommitmentForm().fields["owner"]
    assert isinstance(field, UserChoiceField)
    assert "Bart Beleid" in [label for _value, label in field.choices]


def test_to_member_offers_members_of_parliament_only(demo):
    offered = {label for _value, label in CommitmentForm().fields["to_member"].choices}
    assert "Van der Graaf" in offered
    assert "P. Blokhuis" not in offered
    assert not any(label.startswith("Minister") for label in offered)


def test_dates_are_written_in_dutch_words(demo, client_for, advisor):
    debate = Debate.objects.first()
    when = str(debate).rsplit("(", 1)[1]
    assert "-" not in when  # "(31 maart 2021)", never "31-03-2021"
    html = client_for(advisor).get(reverse("commitments:list")).content.decode()
    for english_style in ("Mrt ", "Jan ", "Dec ", "Okt "):
        assert english_style not in html


def test_members_and_bewindspersonen(demo):
    assert set(Person.objects.members().values_list("surname", flat=True)) == {
        "Graaf", "Mulder", "Staaij"}
    assert "Blokhuis" in Person.objects.bewindspersonen().values_list("surname", flat=True)
