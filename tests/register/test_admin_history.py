"""Changes made in the admin keep the register's rules: a reason, the user, no lost update."""

from commitments.models import Commitment
from register.models import Dossier
from tests import factories


def form_data(response):
    """What the admin change form would post back unchanged, inlines included."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(item) for item in value]
            elif isinstance(value, bool):
                if value:
                    data[form.add_prefix(name)] = "on"
            else:
                data[form.add_prefix(name)] = str(value)
    return data


def change_url(record):
    meta = record._meta
    return f"/beheer/{meta.app_label}/{meta.model_name}/{record.pk}/change/"


def test_an_admin_change_needs_a_reason_and_records_it(client_for, superuser, clerk):
    commitment = factories.commitment(clerk)
    client = client_for(superuser)
    data = form_data(client.get(change_url(commitment)))
    data["title"] = "Nieuwe titel"
    refused = client.post(change_url(commitment), {**data, "change_reason": ""})
    assert refused.status_code == 200
    assert "change_reason" in refused.context["adminform"].form.errors
    commitment.refresh_from_db()
    assert commitment.title != "Nieuwe titel"
    saved = client.post(change_url(commitment), {**data, "change_reason": "Titel verduidelijkt"})
    assert saved.status_code == 302
    latest = commitment.history.latest()
    assert (latest.title, latest.history_change_reason, latest.history_user) == (
        "Nieuwe titel", "Titel verduidelijkt", superuser)


def test_an_admin_change_from_a_stale_copy_is_refused(client_for, superuser, clerk):
    commitment = factories.commitment(clerk)
    client = client_for(superuser)
    data = form_data(client.get(change_url(commitment)))
    commitment.change_status("in_progress", by=clerk, reason="Gestart")  # meanwhile, elsewhere
    data.update(title="Mijn titel", change_reason="Titel")
    refused = client.post(change_url(commitment), data)
    assert refused.status_code == 200
    assert "Iemand anders heeft dit record intussen gewijzigd" in refused.content.decode()
    assert Commitment.objects.get().title != "Mijn titel"


def test_creating_and_deleting_in_the_admin_is_in_the_history(client_for, superuser):
    client = client_for(superuser)
    assert client.post("/beheer/register/dossier/add/", {
        "number": "12345", "title": "Proef"}).status_code == 302
    dossier = Dossier.objects.get(number="12345")
    assert dossier.history.get().history_change_reason == "Aangemaakt in Beheer"
    assert client.post(f"/beheer/register/dossier/{dossier.pk}/delete/",
                       {"post": "yes"}).status_code == 302
    deleted = Dossier.history.filter(history_type="-").get()
    assert (deleted.history_change_reason, deleted.history_user) == (
        "Verwijderd in Beheer", superuser)
