"""History is read-only (issue 12, item 1): the admin's history view writes nothing, for every
model and every user, and a final letter stays frozen on every path — the check is made against
the stored row, not against a flag on the object in memory."""

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from simple_history.admin import SimpleHistoryAdmin

from commitments.models import Commitment
from letters.models import LetterStatus
from register.history import save_with_history
from register.models import Directorate

HISTORY_ADMINS = sorted(
    ((model, model_admin) for model, model_admin in admin.site._registry.items()
     if isinstance(model_admin, SimpleHistoryAdmin)), key=lambda pair: pair[0]._meta.label)


def history_url(record, history_id):
    meta = record._meta
    return f"/beheer/{meta.app_label}/{meta.model_name}/{record.pk}/history/{history_id}/"


def recorded(model):
    """A record of `model` that exists and has history."""
    ids = model.history.values_list(model._meta.pk.attname, flat=True)
    return model._default_manager.filter(pk__in=ids).order_by("pk").first()


def snapshot(record):
    fresh = type(record)._default_manager.get(pk=record.pk)
    return model_to_dict(fresh), fresh.history.count()


def post_history_form(client, record, history_id, **changes):
    """What an attacker posts: the history view's own form, with changes."""
    url = history_url(record, history_id)
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {form.add_prefix(name): form[name].value() for name in form.fields
            if form[name].value() is not None}
    data.update(change_reason="Teruggezet", **changes)
    return client.post(url, data)


@pytest.fixture
def staff_clerk(clerk):
    clerk.is_staff = True
    clerk.save()
    return clerk


@pytest.mark.parametrize("model", [model for model, _admin in HISTORY_ADMINS],
                         ids=lambda model: model._meta.label)
def test_no_history_view_writes_for_any_model_not_even_for_a_superuser(client_for, superuser,
                                                                        demo, model):
    record = recorded(model)
    if record is None:
        pytest.skip(f"no {model._meta.label} in the demo data")
    oldest = record.history.order_by("history_date", "history_id").first()
    before = snapshot(record)
    response = post_history_form(client_for(superuser), record, oldest.history_id)
    assert response.status_code == 405
    assert snapshot(record) == before


def test_every_history_admin_of_the_register_is_covered(demo):
    """The parametrised test above skips models without demo records: keep that list short."""
    skipped = [model._meta.label for model, _admin in HISTORY_ADMINS if recorded(model) is None]
    assert len(HISTORY_ADMINS) >= 15
    assert skipped == []


def test_a_clerk_cannot_unfreeze_a_final_letter_through_its_history(client_for, staff_clerk, demo):
    letter = demo["letter"]
    draft_row = letter.history.filter(status=LetterStatus.DRAFT).earliest("history_date")
    before = snapshot(letter)
    response = post_history_form(client_for(staff_clerk), letter, draft_row.history_id)
    assert response.status_code == 405
    assert snapshot(letter) == before
    letter.refresh_from_db()
    assert letter.status == LetterStatus.FINAL and letter.pdf_sha256


def test_a_clerk_cannot_reopen_a_done_commitment_through_its_history(client_for, staff_clerk,
                                                                      demo):
    commitment = Commitment.objects.filter(status="done").first()
    open_row = commitment.history.filter(status="open").earliest("history_date")
    response = post_history_form(client_for(staff_clerk), commitment, open_row.history_id)
    assert response.status_code == 405
    assert Commitment.objects.get(pk=commitment.pk).status == "done"


def test_a_directorate_is_not_renamed_through_its_history_without_change_permission(
        client_for, staff_clerk, superuser):
    directorate = save_with_history(Directorate(abbreviation="DGV", name="Volksgezondheid"),
                                    by=superuser, reason="Aangemaakt")
    row = directorate.history.get()
    response = post_history_form(client_for(staff_clerk), directorate, row.history_id,
                                 name="Hernoemd")
    assert response.status_code == 405
    assert Directorate.objects.get().name == "Volksgezondheid"


def test_the_history_view_still_shows_a_past_version(client_for, superuser, demo):
    letter = demo["letter"]
    row = letter.history.earliest("history_date")
    response = client_for(superuser).get(history_url(letter, row.history_id))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
