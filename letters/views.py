"""The letter screens: list per dossier, compose, edit, the advisors' texts, preview, PDF, and the
approval steps. Thin: the work is in letters/services.py and letters/content.py."""

import itertools
import logging

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from commitments.filters import CommitmentFilter
from commitments.models import Commitment
from letters import services
from letters.content import (
    content_sha256,
    letter_file_name,
    letter_items,
    register_changes_since_approval,
    shown_content,
)
from letters.forms import (
    AddItemForm,
    ApproveForm,
    ComposeForm,
    ItemFormSet,
    KamerstukForm,
    LetterForm,
    SectionFormSet,
    SendBackForm,
    TextFormSet,
    TextsVersionForm,
    VersionForm,
)
from letters.layout import letter_context, render_letter_pdf
from letters.models import LetterKind, ProgressLetter
from letters.permissions import finalisable, require, steps_for
from letters.promises import letter_offer_promises, letter_promises
from letters.word import DOCX_CONTENT_TYPE, render_letter_docx
from register.concurrency import merge, remember_base, resolve_choices
from register.editing import form_errors, save_from_form
from register.history import timeline
from register.models import Dossier

logger = logging.getLogger(__name__)


def get_letter(pk):
    queryset = ProgressLetter.objects.select_related(
        "dossier", "ministry", "directorate", "signatory", "author", "approver",
        "document__dossier",
    ).prefetch_related("sections")
    return get_object_or_404(queryset, pk=pk)



def refused(request, error):
    messages.error(request, " ".join(error.messages))


@permission_required("letters.view_progressletter", raise_exception=True)
def letter_list(request):
    """The letters grouped per dossier; the rappel answers, which have none, last."""
    letters_ = ProgressLetter.objects.for_list().order_by("dossier__number", "-date", "-pk")
    number = request.GET.get("dossier", "")
    dossier = Dossier.objects.filter(number=number).first() if number else None
    if number:
        letters_ = letters_.filter(dossier=dossier)
    groups = [(key, list(rows)) for key, rows in
              itertools.groupby(letters_, key=lambda letter: letter.dossier)]
    groups.sort(key=lambda group: group[0] is None)
    return render(request, "letters/letter_list.html", {"groups": groups, "dossier": dossier,
                                                        "number": number})


@permission_required("letters.add_progressletter", raise_exception=True)
def letter_compose(request):
    form = ComposeForm(request.POST or None, initial={"dossier": request.GET.get("dossier")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            letter = services.letter_compose(
                dossier=data["dossier"] if data["kind"] == LetterKind.PROGRESS else None,
                kind=data["kind"], reference_date=data["reference_date"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het concept staat klaar, met een voorstel voor de "
                                        "onderdelen. Pas de teksten aan en bied de brief ter "
                                        "goedkeuring aan."))
            return redirect("letters:edit", letter.pk)
    return render(request, "letters/compose.html", {"form": form})


@require_POST
@permission_required("letters.add_progressletter", raise_exception=True)
def letter_compose_selection(request):
    """A progress letter on the commitments of a filtered list (its query string is posted)."""
    query = request.POST.get("query", "")
    filterset = CommitmentFilter(QueryDict(query), queryset=Commitment.objects.all())
    back = redirect(f"{reverse('commitments:list')}?{query}" if query
                    else "commitments:list")
    if not filterset.is_valid():
        messages.error(request, _("Dit filter klopt niet; verbeter het eerst."))
        return back
    selection = filterset.qs
    dossier = filterset.form.cleaned_data.get("dossier")
    if dossier is None:
        dossiers = set(selection.values_list("dossier", flat=True).distinct()[:2])
        dossier = Dossier.objects.filter(pk=dossiers.pop()).first() if len(dossiers) == 1 \
            else None
    try:
        letter = services.letter_compose(dossier=dossier, commitments=selection, by=request.user)
    except ValidationError as error:
        refused(request, error)
        return back
    messages.success(request, _("Het concept staat klaar, met de toezeggingen van de selectie."))
    return redirect("letters:edit", letter.pk)


@permission_required("letters.view_progressletter", raise_exception=True)
def letter_detail(request, pk):
    letter = get_letter(pk)
    items = letter_items(letter)
    content = shown_content(letter, items)
    context = letter_context(content)
    return render(request, "letters/letter_detail.html", {
        **context, "record": letter, "items": items, "timeline": timeline(letter),
        "actions": steps_for(request.user, letter),
        "cited": list({r.ident: r for r in context["letter"].references}.values()),
        "register_changes": register_changes_since_approval(letter),
        "version_form": VersionForm(initial={"version": letter.version}),
        "approve_form": ApproveForm(initial={"version": letter.version,
                                             "content": content_sha256(content)}),
        "send_back_form": SendBackForm(initial={"version": letter.version}),
        "kamerstuk_form": KamerstukForm(),
    })


@permission_required("letters.change_progressletter", raise_exception=True)
def letter_edit(request, pk):
    letter = get_letter(pk)
    post = request.POST if request.method == "POST" else None
    form = LetterForm(post, instance=letter)
    sections = SectionFormSet(post, instance=letter, prefix="sections")
    items = ItemFormSet(post, instance=letter, prefix="items")
    edited = [form, *sections.forms, *items.forms]
    remember_base(form, edited)
    response = conflict = None
    if post is not None:
        conflict = resolve_choices(form, edited, formset=(sections, items))
        if conflict is None and letter.is_draft:
            response, conflict = save_from_form(
                request, form, lambda: services.letter_save(
                    form=form, sections=sections, items=items, by=request.user),
                others=(sections, items), success=_("De brief is opgeslagen."),
                then=reverse("letters:edit" if "stay" in post else "letters:detail",
                             args=[letter.pk]),
                conflict=lambda stale: merge(form, edited, stale, letter_forms(stale.current),
                                             formset=(sections, items)))
        if response is None and foreign_items(request, items):
            return redirect("letters:edit", letter.pk)
    return response or render(request, "letters/letter_form.html", {
        "form": form, "sections": sections, "items": items, "record": letter,
        "conflict": conflict, "add_form": AddItemForm(letter=letter),
        "grouped": grouped_forms(sections, items),
    })


def letter_forms(letter):
    """The edit screen's forms, unbound, of `letter` as saved: what the other person saved."""
    return [LetterForm(instance=letter),
            *SectionFormSet(instance=letter, prefix="sections").forms,
            *ItemFormSet(instance=letter, prefix="items").forms]


def grouped_forms(sections, items):
    """Each section's form with the forms of its items, as the letter prints them; the items
    of no section (a rappel answer's) first, under None."""
    by_section = {}
    for form in items.forms:
        by_section.setdefault(form.instance.section_id, []).append(form)
    grouped = [(form, by_section.pop(form.instance.pk, []) if form.instance.pk else [])
               for form in sections.forms]
    loose = [form for forms in by_section.values() for form in forms]
    # A rappel answer's table comes right after the opening, before any section.
    return ([(None, loose)] if loose else []) + grouped


def foreign_items(request, formset):
    """True when the formset refused an item of another letter (a hand-made request): the page
    cannot show such an item, so it is opened afresh with the message."""
    refused = [error for error in formset.non_form_errors().as_data()
               if error.code == "foreign_item"]
    for error in refused:
        messages.error(request, " ".join(error.messages))
    return bool(refused)


@permission_required("letters.edit_progress_text", raise_exception=True)
def letter_texts(request, pk):
    """Advisors write the progress texts of a draft, and nothing else of it."""
    letter = get_letter(pk)
    post = request.POST if request.method == "POST" else None
    formset = TextFormSet(post, instance=letter, prefix="items")
    version = TextsVersionForm(post, initial={"version": letter.version})
    remember_base(version, formset.forms)
    response = conflict = None
    if post is not None:
        conflict = resolve_choices(version, formset.forms, formset=(formset,))
        if conflict is None and letter.is_draft:
            response, conflict = save_from_form(
                request, version, lambda: services.letter_save_texts(
                    letter=letter, formset=formset, version=version.cleaned_data["version"],
                    by=request.user),
                others=(formset,), success=_("De voortgangsteksten zijn opgeslagen."),
                then=letter,
                conflict=lambda stale: merge(
                    version, formset.forms, stale,
                    TextFormSet(instance=stale.current, prefix="items").forms,
                    formset=(formset,)))
        if response is None and foreign_items(request, formset):
            return redirect("letters:texts", letter.pk)
    return response or render(request, "letters/texts_form.html", {
        "formset": formset, "version_form": version, "record": letter, "conflict": conflict})


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def letter_add_item(request, pk):
    letter = get_letter(pk)
    form = AddItemForm(request.POST, letter=letter)
    version = VersionForm(request.POST)
    if form.is_valid() and version.is_valid():
        try:
            item = services.letter_add_item(
                letter=letter, text=form.cleaned_data["text"],
                section=form.cleaned_data.get("section"), by=request.user,
                expected_version=version.cleaned_data["version"])
        except ValidationError as error:
            refused(request, error)
        else:
            messages.success(request, _("‘%(subject)s’ is toegevoegd.") % {"subject": item.subject})
    else:
        messages.error(request, _("Typ wat u wilt toevoegen."))
    return redirect("letters:edit", letter.pk)


@permission_required("letters.view_progressletter", raise_exception=True)
def letter_pdf(request, pk):
    """A final letter: its stored PDF, byte for byte, never rendered again. A draft: rendered
    now from its current text."""
    letter = get_letter(pk)
    name = letter_file_name(letter)
    if letter.is_final:
        response = FileResponse(letter.pdf.open("rb"), content_type="application/pdf",
                                filename=name)
        response["ETag"] = f'"{letter.pdf_sha256}"'
    else:
        try:
            pdf = render_letter_pdf(shown_content(letter))
        except Exception as error:  # WeasyPrint fails in many ways (fonts, images, memory)
            logger.exception("Rendering the draft PDF of letter %s failed", letter.pk)
            messages.error(request, _(
                "De PDF kon niet worden gemaakt (%(error)s). De brief zelf is niet veranderd; "
                "probeer het opnieuw of meld het de beheerder.")
                % {"error": f"{type(error).__name__}: {error}"})
            return redirect(letter)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, no-cache"
    return response


@require_GET
@permission_required("letters.view_progressletter", raise_exception=True)
def letter_docx(request, pk):
    """The letter as a Word document, to finish in Word: what the letter's page shows (once
    approved, what was approved), built as it is asked for; a draft says CONCEPT."""
    letter = get_letter(pk)
    docx = render_letter_docx(shown_content(letter), draft=not letter.is_final)
    response = HttpResponse(docx, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = \
        f'attachment; filename="{letter_file_name(letter, "docx")}"'
    response["Cache-Control"] = "private, no-cache"
    return response


def step(request, pk, service, success, form_class=VersionForm, **fields):
    """An approval step from a button: the version seen, the service, a message, back to the
    letter's page, which says why when the step was refused."""
    letter = get_letter(pk)
    form = form_class(request.POST)

    def save():
        data = {name: form.cleaned_data[key] for name, key in fields.items()}
        service(letter=letter, by=request.user, expected_version=form.cleaned_data["version"],
                **data)

    response, _conflict = save_from_form(request, form, save, success=success, then=letter,
                                         conflict=lambda stale: form.add_error(None, stale))
    if response is None:
        messages.error(request, form_errors(form))
    return redirect(letter)


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def letter_submit(request, pk):
    return step(request, pk, services.letter_submit, _("De brief ligt ter goedkeuring."))


@require_POST
@permission_required("letters.approve_progressletter", raise_exception=True)
def letter_approve(request, pk):
    return step(request, pk, services.letter_approve,
                _("De brief is goedgekeurd en kan worden vastgesteld."), form_class=ApproveForm,
                expected_content="content")


@require_POST
@permission_required("letters.approve_progressletter", raise_exception=True)
def letter_send_back(request, pk):
    return step(request, pk, services.letter_send_back,
                _("De brief is teruggestuurd naar de auteur."), form_class=SendBackForm,
                comment="comment")


@permission_required("letters.finalise_progressletter", raise_exception=True)
def letter_finalise(request, pk):
    """GET: what finalising will do, item by item; POST: do it."""
    letter = get_letter(pk)
    if request.method == "POST":
        return step(request, pk, services.letter_finalise,
                    _("De brief is vastgesteld; de PDF is opgeslagen en het register bijgewerkt."))
    items = letter_items(letter)
    problem, document, plan = None, None, []
    try:
        require(finalisable(letter))
        document = services.finalise_document(letter, by=request.user, create=False)
        plan = services.delivery_plan(letter, document, items)
    except ValidationError as error:
        problem = " ".join(error.messages)
    return render(request, "letters/finalise.html", {
        "record": letter, "items": items, "document": document, "plan": plan,
        "problem": problem, "blocked": any(d.action == "refused" for d in plan),
        "register_changes": register_changes_since_approval(letter),
        "reported": [i for i in items if not i.delivers],
        "expected": expected_dates(letter, items),
        "version_form": VersionForm(initial={"version": letter.version}),
        "promises": letter_promises(letter),
    })


def expected_dates(letter, items):
    """A rappel answer's items with the period their new expected date names: what finalising
    writes back to the commitments."""
    if letter.kind != LetterKind.RAPPEL:
        return []
    periods = [(item, services.expected_period(item, letter)) for item in items]
    return [(item, period) for item, period in periods if period]


@require_POST
@permission_required("commitments.add_commitment", raise_exception=True)
def letter_promises_offer(request, pk):
    """The final letter's promises to the griffie's review of proposed commitments."""
    letter = get_letter(pk)
    if not letter.is_final:
        messages.error(request, _("Alleen een vastgestelde brief doet beloften."))
        return redirect(letter)
    new, _known = letter_offer_promises(letter=letter, by=request.user)
    messages.success(request, _("%(new)d belofte(n) uit de brief staan klaar om te beoordelen.")
                     % {"new": new})
    return redirect("commitments:proposals")


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def letter_kamerstuk(request, pk):
    letter = get_letter(pk)
    form = KamerstukForm(request.POST)
    if form.is_valid():
        try:
            letter = services.letter_record_kamerstuk(letter=letter, by=request.user,
                                                     number=form.cleaned_data["number"])
        except ValidationError as error:
            refused(request, error)
        else:
            messages.success(request, _("Het Kamerstuknummer is vastgelegd: %(document)s.")
                             % {"document": letter.document})
    else:
        messages.error(request, _("Vul het Kamerstuknummer in."))
    return redirect(letter)
