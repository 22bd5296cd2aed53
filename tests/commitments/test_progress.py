"""The progress text (voortgang) of a commitment, a motion and a law-track stage: a field of its
own, kept up by clerks and advisors, with history, shown on the detail pages (issue 16)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Commitment
from legislation.models import Stage
from tests import factories
from tests.conftest import make_user
from tests.legislation.builders import law_track

TEXT = "Het onderzoek loopt; de resultaten verwacht ik in het voorjaar van 2021."


@pytest.fixture(params=["commitment", "motion", "stage"])
def record(request, clerk):
    """(the record, its progress page, its detail page)."""
    if request.param == "commitment":
        made = factories.commitment(clerk)
        return made, reverse("commitments:progress", args=[made.pk]), made.get_absolute_url()
    if request.param == "motion":
        made = factories.motion(clerk)
        return made, reverse("commitments:motion-progress", args=[made.pk]), \
            made.get_absolute_url()
    track = law_track(clerk)
    stage = track.current_stage
    return stage, reverse("legislation:stage-progress", args=[track.pk, stage.pk]), \
        track.get_absolute_url()


def fresh(record):
    return type(record).objects.get(pk=record.pk)


@pytest.mark.parametrize("role", ["griffie", "beleid"])
def test_clerks_and_advisors_keep_up_the_progress_text_with_history(client_for, record, role):
    made, url, detail = record
    user = make_user(f"{role}-x", role)
    client = client_for(user)
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="progress"' in form.content.decode()
    before = made.history.count()

    response = client.post(url, {"progress": TEXT, "version": made.version})
    assert response.status_code == 302
    assert response["Location"].split("#")[0] == detail
    saved = fresh(made)
    assert saved.progress == TEXT
    latest = saved.history.latest()
    assert made.history.count() == before + 1
    assert (latest.progress, latest.history_user, latest.history_change_reason) == (
        TEXT, user, "Voortgang bijgewerkt")

    again = client.post(url, {"progress": "Afgerond.", "version": saved.version})
    assert again.status_code == 302
    texts = list(fresh(made).history.order_by("-history_date", "-history_id")
                 .values_list("progress", flat=True)[:2])
    assert texts == ["Afgerond.", TEXT]  # the earlier text stays in the history


def test_the_detail_page_shows_the_progress_text_escaped(client_for, clerk, record):
    made, url, detail = record
    made.progress = "<script>alert(1)</script> Loopt."
    made.save()
    page = client_for(clerk).get(detail).content.decode()
    assert "Voortgang (voor brieven)" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Loopt." in page
    assert "<script>alert(1)" not in page
    assert f'href="{url}"' in page


def test_letter_staff_may_read_but_not_keep_up_the_progress_text(client_for, letter_writer,
                                                                record):
    made, url, detail = record
    client = client_for(letter_writer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"progress": TEXT, "version": made.version}).status_code == 403
    assert fresh(made).progress == ""
    page = client.get(detail)
    assert page.status_code == 200 and f'href="{url}"' not in page.content.decode()


def test_without_a_role_nothing_is_shown_or_saved(client_for, norole, record):
    made, url, _detail = record
    assert client_for(norole).post(url, {"progress": TEXT,
                                         "version": made.version}).status_code == 403
    assert fresh(made).progress == ""


def test_two_people_at_once_lose_nothing(clerk, advisor, record):
    """The second save is refused with the conflict shown; what the second person typed stays in
    the form, and saving again with it stores it."""
    made, url, _detail = record
    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(advisor)
    loaded = second.get(url).context["form"]
    base, version = loaded["base"].value(), loaded["version"].value()
    base = base() if callable(base) else base
    assert first.post(url, {"progress": "Tekst van de griffie.",
                            "version": made.version}).status_code == 302

    refused = second.post(url, {"progress": "Tekst van beleid.", "version": version,
                                "base": base})
    assert refused.status_code == 200
    assert "Iemand anders heeft dit record intussen gewijzigd" in refused.content.decode()
    assert "Tekst van de griffie." in refused.content.decode()
    assert fresh(made).progress == "Tekst van de griffie."
    assert "Tekst van beleid." in refused.content.decode()


def test_a_stale_save_keeps_the_typed_text_and_saves_on_the_second_try(clerk, advisor):
    made = factories.commitment(clerk)
    url = reverse("commitments:progress", args=[made.pk])
    second = Client()
    second.force_login(advisor)
    version = made.version
    made.title = "Andere titel"  # someone else changes another field meanwhile
    made.save()
    refused = second.post(url, {"progress": TEXT, "version": version})
    assert refused.status_code == 200
    form = refused.context["form"]
    assert form["progress"].value() == TEXT
    again = second.post(url, {"progress": TEXT, "version": form["version"].value()})
    assert again.status_code == 302
    assert Commitment.objects.get().progress == TEXT


def test_the_progress_form_reads_a_fixed_number_of_queries(client_for, clerk,
                                                          django_assert_max_num_queries):
    made = factories.commitment(clerk)
    client = client_for(clerk)
    url = reverse("commitments:progress", args=[made.pk])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)
    assert len(first.captured_queries) <= 12


def test_a_track_shows_its_current_stages_text_and_each_stages_own(client_for, clerk):
    track = law_track(clerk)
    current = track.current_stage
    later = Stage.objects.filter(track=track, order__gt=current.order).first()
    current.progress, later.progress = "Consultatie loopt.", "Nog niet aan de orde."
    current.save()
    later.save()
    page = client_for(clerk).get(track.get_absolute_url()).content.decode()
    facts = page.split('class="facts"')[1].split("</dl>")[0]
    assert "Consultatie loopt." in facts and "Nog niet aan de orde." not in facts
    assert "Nog niet aan de orde." in page  # in the stage's own row

