"""The letter screens per STYLE.md: the happy path, GET on POST-only steps, anonymous, the wrong
role; database state and history rows; pinned query counts."""

import hashlib
import re
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment
from letters.models import LetterItem, LetterStatus, ProgressLetter
from letters.services import letter_approve, letter_finalise, letter_submit
from register.dates import next_reference_date
from tests import factories
from tests.history_audit import history_audit
from tests.letters.conftest import item_for, reload

STEPS = ["letters:submit", "letters:approve", "letters:send-back", "letters:kamerstuk",
         "letters:add-item"]


def url(name, letter):
    return reverse(name, args=[letter.pk])


# --- List and detail ------------------------------------------------------------------------


def test_the_list_groups_letters_per_dossier(client_for, advisor, letter_writer, demo):
    from letters.compose import letter_compose

    letter_compose(dossier=demo["dossiers"]["24077"], by=letter_writer)
    page = client_for(advisor).get(reverse("letters:list")).content.decode()
    assert "24 077 Drugbeleid" in page and "Voortgangsbrief drugsbeleid" in page
    assert "Vastgesteld" in page and "Concept" in page
    assert "Nieuwe voortgangsbrief" not in page  # advisors do not compose
    filtered = client_for(advisor).get(reverse("letters:list") + "?dossier=29248")
    assert "In dit dossier zijn nog geen brieven" in filtered.content.decode()


def test_list_query_count_does_not_grow_with_letters(client_for, advisor, register_24077,
                                                     letter_writer, django_assert_max_num_queries):
    from letters.compose import letter_compose

    client = client_for(advisor)
    letter_compose(dossier=register_24077["dossier"], by=letter_writer)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("letters:list"))
    for _ in range(4):
        letter_compose(dossier=register_24077["dossier"], by=letter_writer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("letters:list"))


def test_the_detail_is_the_preview_with_status_items_and_history(client_for, advisor, draft):
    response = client_for(advisor).get(url("letters:detail", draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<article class="kamerbrief' in page and "Geachte voorzitter," in page
    assert "Concept" in page and "Brief opgesteld vanuit het register" in page
    assert "TZ-VWS-2019-001" in page  # the items
    assert "Kamerstuk 24 077, nr. 453" in page  # cited in the motion's text
    assert f'href="/brieven/{draft.pk}/teksten/"' in page  # advisors write progress texts
    assert "Ter goedkeuring aanbieden" not in page and "Bewerken" not in page


def test_only_a_drafts_preview_says_concept(client_for, advisor, draft, demo):
    # DESIGN.md "Letters": CONCEPT only on drafts, on the letter's page as in its PDF.
    client = client_for(advisor)
    assert 'class="concept-band"' in client.get(url("letters:detail", draft)).content.decode()
    final = client.get(url("letters:detail", demo["letter"])).content.decode()
    assert '<article class="kamerbrief' in final and 'class="concept-band"' not in final
    assert "is-draft" not in final


def test_detail_query_count_does_not_grow_with_items(client_for, advisor, draft, clerk,
                                                     letter_writer, django_assert_max_num_queries):
    from tests.letters.conftest import commitment

    client = client_for(advisor)
    with django_assert_max_num_queries(30) as few:
        client.get(url("letters:detail", draft))
    section = draft.sections.first()
    for n in range(6):
        made = commitment(clerk, title=f"Nog een {n}", text=f"Tekst {n} (Kamerstuk 24 077, nr. "
                                                             f"{470 + n}).")
        LetterItem.objects.create(letter=draft, section=section, commitment=made, order=100 + n,
                                  progress_text=f"Voortgang {n}.[^Noot {n}]")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("letters:detail", draft))


@pytest.mark.parametrize("name", ["letters:list", "letters:detail", "letters:pdf"])
def test_anonymous_users_are_sent_to_the_login(client, draft, name):
    target = reverse(name) if name == "letters:list" else url(name, draft)
    response = client.get(target)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_users_without_a_role_see_no_letters(client_for, norole, draft):
    assert client_for(norole).get(url("letters:detail", draft)).status_code == 403


# --- Compose --------------------------------------------------------------------------------


def test_letter_staff_compose_a_progress_letter(client_for, letter_writer, register_24077):
    client = client_for(letter_writer)
    assert client.get(reverse("letters:compose") + "?dossier=24077").status_code == 200
    with history_audit() as records:
        response = client.post(reverse("letters:compose"),
                               {"kind": "voortgangsbrief", "dossier": "24077"})
    letter = ProgressLetter.objects.get()
    assert response.status_code == 302 and response["Location"] == url("letters:edit", letter)
    assert letter.author == letter_writer and letter.items.count() == 5
    assert records and {r.history_user for r in records} == {letter_writer}


def test_compose_asks_for_the_dossier_of_a_progress_letter(client_for, letter_writer, db):
    response = client_for(letter_writer).post(reverse("letters:compose"),
                                              {"kind": "voortgangsbrief"})
    assert response.status_code == 200 and "Kies het dossier" in response.content.decode()
    assert not ProgressLetter.objects.exists()


@pytest.mark.parametrize("role", ["advisor", "clerk"])
def test_only_letter_staff_compose(client_for, role, request, register_24077):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("letters:compose")).status_code == 403
    assert client.post(reverse("letters:compose"), {"kind": "voortgangsbrief",
                                                    "dossier": "24077"}).status_code == 403
    assert client.post(reverse("letters:compose-selection"), {"query": ""}).status_code == 403
    assert not ProgressLetter.objects.exists()


def test_a_letter_from_a_filtered_list(client_for, letter_writer, register_24077):
    client = client_for(letter_writer)
    listing = client.get(reverse("commitments:list") + "?status=open&dossier=24077")
    assert "Voortgangsbrief van deze selectie" in listing.content.decode()
    assert client.get(reverse("letters:compose-selection")).status_code == 405
    response = client.post(reverse("letters:compose-selection"),
                           {"query": "status=open&dossier=24077"})
    letter = ProgressLetter.objects.get()
    assert response["Location"] == url("letters:edit", letter)
    assert [i.commitment for i in letter.items.filter(commitment__isnull=False)] == [
        register_24077["open"]]
    assert letter.dossier == register_24077["dossier"]


def test_an_invalid_filter_makes_no_letter(client_for, letter_writer, register_24077):
    response = client_for(letter_writer).post(reverse("letters:compose-selection"),
                                              {"query": "due_from=morgen"})
    assert response.status_code == 302 and not ProgressLetter.objects.exists()


# --- Edit -----------------------------------------------------------------------------------


def edit_data(letter, **changes):
    """The edit screen's form as the browser would post it, with `changes` applied."""
    data = {"subject": letter.subject, "kenmerk": letter.kenmerk, "date": letter.date.isoformat(),
            "addressee": letter.addressee, "ministry": letter.ministry_id,
            "signatory": letter.signatory_id or "", "signatory_office": letter.signatory_office,
            "signatory_name": letter.signatory_name, "uw_brief": "", "bijlagen": "",
            "opening": letter.opening, "closing": letter.closing, "annex": "on", "kamerstuk": "",
            "version": letter.version, "reason": ""}
    data.update(changes)
    return data


def test_letter_staff_edit_the_letters_own_fields(client_for, letter_writer, draft):
    data = edit_data(draft, subject="Voortgangsbrief drugsbeleid 2021",
                     closing="Tot zover.", reason="Tekst bijgewerkt")
    with history_audit() as records:
        response = client_for(letter_writer).post(url("letters:edit", draft), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    letter = reload(draft)
    assert (letter.subject, letter.closing) == ("Voortgangsbrief drugsbeleid 2021", "Tot zover.")
    assert [r.history_change_reason for r in records] == ["Tekst bijgewerkt"]


def test_the_editor_lists_the_sections_without_order_numbers(
        client_for, letter_writer, draft, django_assert_max_num_queries):
    from letters.services import letter_add_section

    client = client_for(letter_writer)
    with django_assert_max_num_queries(20) as few:
        client.get(url("letters:edit", draft))
    for n in range(3):
        letter_add_section(letter=draft, title=f"Extra {n}", by=letter_writer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url("letters:edit", draft)).content.decode()
    for section in draft.sections.all():
        assert f'id="sectie-{section.pk}"' in page and section.title in page
        assert reverse("letters:section-edit", args=[draft.pk, section.pk]) in page
    assert "Volgorde" not in page and "order" not in re.findall(r'name="([^"]+)"', page)
    assert 'textarea name="sections-' not in page


def test_a_letter_published_before_it_is_finalised_is_linked_to_its_kamerstuk(
        client_for, letter_writer, draft):
    existing = factories.document("468")
    client_for(letter_writer).post(url("letters:edit", draft),
                                   edit_data(draft, kamerstuk="468"))
    assert reload(draft).document == existing
    page = client_for(letter_writer).get(url("letters:edit", draft)).content.decode()
    assert 'name="kamerstuk" value="468"' in page
    client_for(letter_writer).post(url("letters:edit", draft),
                                   edit_data(reload(draft), kamerstuk="471"))
    assert reload(draft).document.ident == "kst-24077-471"


def test_an_edit_from_an_old_version_keeps_the_typed_values_and_shows_the_conflict(
        client_for, letter_writer, advisor, draft):
    stale = edit_data(draft, subject="Mijn titel")
    client_for(advisor).post(url("letters:texts", draft), texts_data(draft, "Tekst van beleid"))
    response = client_for(letter_writer).post(url("letters:edit", draft), stale)
    page = response.content.decode()
    assert response.status_code == 200 and "Intussen gewijzigd door een ander" in page
    assert 'value="Mijn titel"' in page and "Voortgangsteksten bijgewerkt" in page
    assert reload(draft).subject == "Voortgangsbrief drugbeleid"


@pytest.mark.parametrize("role", ["advisor", "clerk"])
def test_advisors_and_clerks_do_not_edit_the_letter(client_for, role, request, draft):
    client = client_for(request.getfixturevalue(role))
    assert client.get(url("letters:edit", draft)).status_code == 403
    assert client.post(url("letters:edit", draft), edit_data(draft, subject="X")).status_code == 403
    assert reload(draft).subject == "Voortgangsbrief drugbeleid"


def test_a_letter_for_approval_or_final_shows_no_edit_form(client_for, letter_writer, draft):
    letter_submit(letter=draft, by=letter_writer)
    client = client_for(letter_writer)
    page = client.get(url("letters:edit", draft)).content.decode()
    assert "ligt ter goedkeuring" in page and 'id="letter-form"' not in page
    response = client.post(url("letters:edit", draft), edit_data(reload(draft), subject="X"))
    assert response.status_code == 200 and reload(draft).subject == "Voortgangsbrief drugbeleid"


def test_items_are_added_by_number_or_reference(client_for, letter_writer, draft, clerk):
    from tests.letters.conftest import commitment

    made = commitment(clerk, title="Later toegevoegd")
    section = draft.sections.get(title="Afsluiting")
    client = client_for(letter_writer)
    assert client.get(url("letters:add-item", draft)).status_code == 405
    client.post(url("letters:add-item", draft), {"text": made.number, "section": section.pk,
                                                 "version": draft.version})
    item = draft.items.get(commitment=made)
    assert item.section == section and item.progress_text.startswith("Op 7 november 2019")
    response = client.post(url("letters:add-item", draft), {
        "text": "Kamerstuk 24 077, nr. 453", "section": section.pk,
        "version": reload(draft).version}, follow=True)
    assert "staat al in deze brief" in response.content.decode()


# --- The advisors' progress texts ----------------------------------------------------------


def texts_data(letter, text):
    items = list(letter.items.order_by("section__order", "order", "pk"))
    data = {"version": letter.version, "items-TOTAL_FORMS": len(items),
            "items-INITIAL_FORMS": len(items)}
    for n, item in enumerate(items):
        data.update({f"items-{n}-id": item.pk, f"items-{n}-letter": letter.pk,
                     f"items-{n}-progress_text": text if n == 0 else item.progress_text})
    return data


def test_advisors_write_the_progress_texts_of_a_draft_and_nothing_else(client_for, advisor,
                                                                       draft):
    data = texts_data(draft, "Beleid schrijft dit.")
    data.update({"subject": "Gekaapt", "items-0-delivers": "on"})
    with history_audit() as records:
        response = client_for(advisor).post(url("letters:texts", draft), data)
    assert response.status_code == 302
    letter = reload(draft)
    first = letter.items.order_by("section__order", "order", "pk").first()
    assert first.progress_text == "Beleid schrijft dit." and not first.delivers
    assert letter.subject == "Voortgangsbrief drugbeleid"
    assert [r.history_user for r in records] == [advisor, advisor]


@pytest.fixture
def other_letter(register_24077, letter_writer):
    import datetime

    from letters.compose import letter_compose

    return letter_compose(dossier=register_24077["dossier"], by=letter_writer,
                          today=datetime.date(2021, 2, 1))


def test_the_texts_form_refuses_an_item_of_another_letter(client_for, advisor, draft,
                                                          other_letter):
    """A hand-made POST naming another letter's item: a message, nothing written, no 500."""
    stranger = other_letter.items.order_by("pk").first()
    data = texts_data(draft, "Ingebroken")
    data["items-0-id"] = stranger.pk
    before = (LetterItem.objects.count(), LetterItem.history.count())
    response = client_for(advisor).post(url("letters:texts", draft), data, follow=True)
    assert response.redirect_chain == [(url("letters:texts", draft), 302)]
    assert "hoort niet bij deze brief" in response.content.decode()
    assert (LetterItem.objects.count(), LetterItem.history.count()) == before
    assert not LetterItem.objects.filter(progress_text="Ingebroken").exists()


def test_the_texts_form_refuses_more_items_than_the_letter_has(client_for, advisor, draft):
    data = texts_data(draft, "Beleid schrijft dit.")
    extra = data["items-TOTAL_FORMS"]
    data.update({"items-TOTAL_FORMS": extra + 1, f"items-{extra}-letter": draft.pk,
                 f"items-{extra}-progress_text": "Een nieuw onderdeel"})
    before = (LetterItem.objects.count(), LetterItem.history.count())
    response = client_for(advisor).post(url("letters:texts", draft), data, follow=True)
    assert "hoort niet bij deze brief" in response.content.decode()
    assert (LetterItem.objects.count(), LetterItem.history.count()) == before


def form_data(page):
    """The values a browser would post from the first form with a version on the page."""
    import html
    import re

    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data.setdefault(name, html.unescape(value))
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page,
                                  re.DOTALL):
        data[name] = html.unescape(value)
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page,
                                 re.DOTALL):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = html.unescape(chosen[1]) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_letter_staff_use_the_edit_screen_not_the_texts_screen(client_for, letter_writer, draft):
    assert client_for(letter_writer).get(url("letters:texts", draft)).status_code == 403


def test_texts_of_a_letter_for_approval_are_not_changed(client_for, advisor, letter_writer,
                                                        draft):
    letter_submit(letter=draft, by=letter_writer)
    response = client_for(advisor).post(url("letters:texts", draft),
                                        texts_data(reload(draft), "Te laat"))
    assert response.status_code == 200
    assert not draft.items.filter(progress_text="Te laat").exists()


# --- The steps ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", STEPS)
def test_steps_are_posted(client_for, letter_writer, draft, name):
    assert client_for(letter_writer).get(url(name, draft)).status_code == 405


def test_submit_approve_and_finalise_through_the_screens(client, letter_writer, letter_writer2,
                                                         draft, register_24077):
    item = item_for(draft, register_24077["open"])
    item.delivers = True
    item.save()
    client.force_login(letter_writer)
    with history_audit():
        client.post(url("letters:submit", draft), {"version": reload(draft).version})
    assert reload(draft).status == LetterStatus.FOR_APPROVAL
    page = client.get(url("letters:detail", draft)).content.decode()
    assert "Goedkeuren" not in page  # not for the author
    client.force_login(letter_writer2)
    with history_audit():
        client.post(url("letters:approve", draft), {"version": reload(draft).version})
    assert reload(draft).is_approved
    client.force_login(letter_writer)
    confirm = client.get(url("letters:finalise", draft)).content.decode()
    assert "TZ-VWS-2019-001" in confirm and "Afgedaan" in confirm
    assert "Persona onderzoek" in confirm and "Preventieaanpak" not in confirm
    assert "nieuw document" in confirm
    with history_audit():
        response = client.post(url("letters:finalise", draft), {"version": reload(draft).version})
    assert response.status_code == 302
    letter = reload(draft)
    assert letter.is_final
    assert Commitment.objects.get(pk=register_24077["open"].pk).delivered_by == letter.document


def failing_storage(self, name, content):
    raise OSError(30, "Read-only file system")


def failing_renderer(content, **options):
    raise ValueError("a font WeasyPrint cannot read")


@pytest.mark.parametrize(("target", "replacement", "message"), [
    ("django.core.files.storage.FileSystemStorage._save", failing_storage,
     "De PDF kon niet worden opgeslagen (Read-only file system)"),
    ("letters.services.render_letter_pdf", failing_renderer,
     "De PDF kon niet worden gemaakt (ValueError: a font WeasyPrint cannot read)"),
])
def test_a_failure_while_finalising_is_a_message_and_nothing_is_written(
        client_for, letter_writer, letter_writer2, draft, register_24077, monkeypatch, target,
        replacement, message):
    item = item_for(draft, register_24077["open"])
    item.delivers = True
    item.save()
    letter_submit(letter=draft, by=letter_writer)
    approved = letter_approve(letter=reload(draft), by=letter_writer2)
    monkeypatch.setattr(target, replacement)
    letter = reload(approved)
    counts = (ProgressLetter.history.count(), Commitment.history.count())
    response = client_for(letter_writer).post(url("letters:finalise", approved),
                                              {"version": letter.version}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "er is niets vastgesteld" in page
    after = reload(approved)
    assert after.status == LetterStatus.FOR_APPROVAL and not after.pdf and not after.document
    assert (ProgressLetter.history.count(), Commitment.history.count()) == counts
    assert reload(register_24077["open"]).status == "open"


def test_send_back_through_the_screen_needs_a_comment(client_for, letter_writer, letter_writer2,
                                                      draft):
    letter_submit(letter=draft, by=letter_writer)
    client = client_for(letter_writer2)
    client.post(url("letters:send-back", draft), {"version": reload(draft).version, "comment": ""})
    assert reload(draft).status == LetterStatus.FOR_APPROVAL
    with history_audit():
        client.post(url("letters:send-back", draft), {"version": reload(draft).version,
                                                      "comment": "Eerst de cijfers checken"})
    assert reload(draft).is_draft
    page = client_for(letter_writer).get(url("letters:detail", draft)).content.decode()
    assert "Eerst de cijfers checken" in page


def test_the_author_is_refused_approval_with_a_message(client_for, letter_writer, draft):
    letter_submit(letter=draft, by=letter_writer)
    response = client_for(letter_writer).post(url("letters:approve", draft),
                                              {"version": reload(draft).version}, follow=True)
    assert "eigen brief" in response.content.decode() and not reload(draft).approved_at


@pytest.mark.parametrize(("role", "name"), [
    ("advisor", "letters:submit"), ("advisor", "letters:approve"), ("advisor", "letters:finalise"),
    ("clerk", "letters:approve"), ("clerk", "letters:send-back"), ("clerk", "letters:kamerstuk")])
def test_other_roles_take_no_steps(client_for, role, name, request, draft):
    response = client_for(request.getfixturevalue(role)).post(url(name, draft),
                                                              {"version": draft.version})
    assert response.status_code == 403
    assert reload(draft).version == draft.version


def test_the_finalise_page_says_why_not_before_approval(client_for, letter_writer, draft):
    page = client_for(letter_writer).get(url("letters:finalise", draft)).content.decode()
    assert "Alleen een goedgekeurde brief" in page and "Vaststellen</button>" not in page


def test_the_kamerstuk_number_through_the_screen(client_for, letter_writer, letter_writer2,
                                                 draft, fake_pdf):
    letter_submit(letter=draft, by=letter_writer)
    letter_approve(letter=draft, by=letter_writer2)
    letter_finalise(letter=reload(draft), by=letter_writer)
    client = client_for(letter_writer)
    assert "Kamerstuknummer vastleggen" in client.get(url("letters:detail", draft)).content.decode()
    with history_audit():
        client.post(url("letters:kamerstuk", draft), {"number": "480"})
    assert reload(draft).document.ident == "kst-24077-480"


# --- PDF ------------------------------------------------------------------------------------


def test_a_draft_pdf_is_rendered_on_the_fly(client_for, advisor, draft):
    response = client_for(advisor).get(url("letters:pdf", draft))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="voortgangsbrief-drugbeleid-2021-01-15-concept.pdf"' in \
        response["Content-Disposition"]


def test_a_renderer_failure_on_a_draft_pdf_is_a_dutch_message_not_a_server_error(
        client_for, advisor, draft):
    before = (draft.version, draft.history.count())
    with mock.patch("letters.views.render_letter_pdf", failing_renderer):
        response = client_for(advisor).get(url("letters:pdf", draft), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(url("letters:detail", draft), 302)]
    assert "De PDF kon niet worden gemaakt (ValueError: a font WeasyPrint cannot read)" in \
        response.content.decode()
    draft = reload(draft)
    assert (draft.version, draft.history.count()) == before


def test_a_final_pdf_is_the_stored_bytes_and_is_never_rendered(client_for, advisor, demo):
    letter = demo["letter"]
    client = client_for(advisor)
    never = mock.Mock(side_effect=AssertionError("rendered"))
    with mock.patch("letters.views.render_letter_pdf", never), \
            mock.patch("letters.services.render_letter_pdf", never):
        first = b"".join(client.get(url("letters:pdf", letter)).streaming_content)
        second = client.get(url("letters:pdf", letter))
        second_bytes = b"".join(second.streaming_content)
    never.assert_not_called()
    with letter.pdf.open("rb") as stored:
        assert first == second_bytes == stored.read()
    assert hashlib.sha256(first).hexdigest() == letter.pdf_sha256
    assert second["ETag"] == f'"{letter.pdf_sha256}"'


def test_letter_staff_compose_an_answer_to_the_rappel(client_for, letter_writer, clerk):
    from letters.forms import ComposeForm
    from tests.letters.conftest import commitment

    overdue = commitment(clerk, title="Te laat", deadline_text="voor de zomer",
                         ek_number="T01970")
    commitment(clerk, title="Aan de Tweede Kamer", deadline_text="voor de zomer")
    reference = ComposeForm().fields["reference_date"].initial
    # The rappel the dashboard shows next.
    assert reference == next_reference_date(timezone.localdate()).isoformat()
    response = client_for(letter_writer).post(reverse("letters:compose"), {
        "kind": "rappel", "dossier": "", "reference_date": reference})
    letter = ProgressLetter.objects.get()
    assert response["Location"] == url("letters:edit", letter)
    assert letter.kind == "rappel" and letter.reference_date.isoformat() == reference
    assert [item.commitment for item in letter.items.all()] == [overdue]
    page = client_for(letter_writer).get(url("letters:detail", letter)).content.decode()
    assert 'class="rappel-item"' in page and "De Voorzitter van de Eerste Kamer" in page
