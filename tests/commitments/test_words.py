"""Words and details on the screens (issue 17, items 5 and 11): names, dates, owners."""

import re

from django.urls import reverse

from commitments.forms import CommitmentForm, CommitmentStatusForm, MotionForm
from commitments.models import Motion
from register.forms import UserChoiceField
from register.models import Debate, Document, Person
from register.offices import official_name
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


def test_english_says_state_secretary_and_one_word_for_done(demo, client_for, advisor):
    client = client_for(advisor)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("commitments:list"), {"status": "done"}).content.decode()
    assert "Minister or State Secretary" in html
    text = re.sub(r"<[^>]*>", " ", html)  # what the reader sees, not the field names
    assert "Fulfilled" in text and "elivered" not in text
    assert official_name("Staatssecretaris van Volksgezondheid, Welzijn en Sport") == \
        "State Secretary for Health, Welfare and Sport"


def test_office_titles_stay_as_recorded_in_dutch():
    assert official_name("Staatssecretaris van VWS") == "Staatssecretaris van VWS"
    assert official_name("Minister voor Medische Zorg") == "Minister voor Medische Zorg"


def test_the_motion_form_does_not_ask_about_a_deadline():
    assert "termijn" not in str(MotionForm().fields["reason"].help_text)


def test_hints_are_not_placeholders(client_for, advisor):
    html = client_for(advisor).get(reverse("commitments:list")).content.decode()
    assert " placeholder=" not in html  # (data-placeholder: "type to search", not a value)
    assert "Bijvoorbeeld: Mijn directie, open, dit kwartaal" in html


def test_examples_under_fields_say_they_are_examples():
    form = CommitmentForm()
    assert form.fields["tk_number"].help_text == "Bijvoorbeeld: TZ202412-116."
    assert MotionForm().fields["tk_document_number"].help_text == "Bijvoorbeeld: 2023D03544."


def test_the_bewindspersoon_filter_offers_the_office_too(client_for, advisor, demo):
    html = client_for(advisor).get(reverse("commitments:list")).content.decode()
    assert "P. Blokhuis (Staatssecretaris van Volksgezondheid, Welzijn en Sport)</option>" in html
    assert ">Minister van Justitie en Veiligheid</option>" in html  # known by office: once


def test_the_document_choice_offers_only_the_dossiers_papers(clerk):
    commitment = factories.commitment(clerk)  # dossier 24077
    own = factories.document("468")
    other_dossier = factories.dossier("31839")
    other = Document.objects.create(kind="brief", dossier=other_dossier, number="12")
    offered = set(CommitmentStatusForm(record=commitment).fields["document"].queryset)
    assert own in offered and other not in offered
