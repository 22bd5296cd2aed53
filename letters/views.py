"""The letter screens: list per dossier, compose, edit, the advisors' texts, preview, PDF, and the
approval steps. Thin: the work is in letters/services.py and letters/content.py."""

import itertools
import logging
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
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
    NewSectionForm,
    SectionForm,
    SendBackForm,
    TextFormSet,
    TextsVersionForm,
    VersionForm,
)
from letters.history import letter_timeline
from letters.layout import letter_context, render_letter_pdf
from letters.models import LetterItem, LetterKind, LetterSection, ProgressLetter, item_ident
from letters.permissions import finalisable, may_edit, require, steps_for
from letters.promises import letter_offer_promises, letter_promises
from letters.prose import Voice, mentions_promise, promise_words
from letters.word import DOCX_CONTENT_TYPE, render_letter_docx
from register.concurrency import StaleEdit, merge, remember_base, resolve_choices, untouched
from register.editing import form_errors, save_from_form
from register.ids import typed_id
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
    context = letter_context(content, draft=not letter.is_final)
    return render(request, "letters/letter_detail.html", {
        **context, "record": letter, "items": items, "timeline": letter_timeline(letter),
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
    """The editor: the letter's own fields in one form, and its sections as blocks, each opened
    and saved on its own (section_edit) and moved with buttons."""
    letter = get_letter(pk)
    form = LetterForm(request.POST if request.method == "POST" else None, instance=letter)
    remember_base(form, [form])
    response = conflict = None
    if request.method == "POST":
        conflict = resolve_choices(form, [form])
        if conflict is None and letter.is_draft:
            response, conflict = save_from_form(
                request, form, lambda: services.letter_save(form=form, by=request.user),
                success=_("De brief is opgeslagen."),
                then=reverse("letters:edit" if "stay" in request.POST else "letters:detail",
                             args=[letter.pk]),
                conflict=lambda stale: letter_conflict(
                    merge(form, [form], stale, [LetterForm(instance=stale.current)]), stale))
    return response or render(request, "letters/letter_form.html", {
        "form": form, "record": letter, "conflict": conflict, **editor_context(request, letter)})


def editor_context(request, letter):
    """The section blocks of the editor: each section with its items, as the letter prints
    them; a rappel answer's items, which have no section, in a block of their own (key 0)."""
    items = letter_items(letter)
    sections = list(letter.sections.all())
    by_section = {}
    for item in items:
        by_section.setdefault(item.section_id, []).append(item)
    blocks = [Block(section.pk, section, by_section.get(section.pk, [])) for section in sections]
    if None in by_section:
        blocks.insert(0, Block(0, None, by_section[None]))
    return {"blocks": blocks, "sections": sections, "saved": request.GET.get("opgeslagen"),
            "add_form": AddItemForm(letter=letter), "new_section_form": NewSectionForm()}


@dataclass
class Block:
    """One block of the editor: a section (None: a rappel answer's items) and its items."""

    key: int
    section: object
    items: list

    @property
    def anchor(self):
        return f"sectie-{self.key}"


def letter_conflict(conflict, stale):
    """What another person changed since the edit began, from the letter's whole timeline: its
    sections' and items' changes too (letters.history)."""
    conflict.entries = [entry for entry in letter_timeline(stale.current)
                        if getattr(entry.record, "version", 0) > stale.expected_version]
    return conflict


def editor_url(letter, block=None, *, saved=False):
    url = reverse("letters:edit", args=[letter.pk])
    if saved:
        url += f"?opgeslagen={block}"
    return url + (f"#sectie-{block}" if block is not None else "")


def get_section(letter, key):
    """A section of this letter, or None for key 0 (a rappel answer's items); 404 otherwise."""
    if key == 0:
        if letter.kind != LetterKind.RAPPEL:
            raise Http404
        return None
    return get_object_or_404(LetterSection, letter=letter, pk=key)


def section_forms(letter, section, data=None, *, shown=()):
    """The section editor's forms: the section's title and text (for a rappel answer's items,
    only the version and the base), and its items'. `shown`: the items the form was opened
    with, which are still edited here when someone moved them to another section meanwhile (the
    text typed for them is not lost)."""
    if section is None:
        form = TextsVersionForm(data, initial={"version": letter.version})
    else:
        form = SectionForm(data, instance=section, initial={"version": letter.version})
    items = ItemFormSet(data, instance=letter, prefix="items",
                        queryset=LetterItem.objects.filter(Q(section=section) | Q(pk__in=shown)))
    return form, items, ([] if section is None else [form]) + items.forms


def shown_items(data):
    """The ids of the items a posted section form holds (anything but a plain number, like
    "²" or one too long for the database, is none: register.ids.typed_id)."""
    return [typed_id(value) for name, value in data.items()
            if name.startswith("items-") and name.endswith("-id")
            and typed_id(value) is not None]


def saved_forms(letter, section, shown):
    """The section editor's forms, unbound, as saved now: what another person saved (none when
    the section is gone)."""
    if section is not None:
        section = LetterSection.objects.filter(pk=section.pk).first()
        if section is None:
            return []
    return section_forms(letter, section, shown=shown)[2]


@permission_required("letters.change_progressletter", raise_exception=True)
def section_edit(request, pk, key):
    """One section of a draft opened on its own. With htmx the section's block on the editor is
    swapped for this page's block and back; without JavaScript it is a page of its own.

    No lost update: the letter's version travels with the form. When the letter changed
    meanwhile but nothing this form shows did (another section), the save goes through; when
    something it shows changed, the save is refused, merged and shown (register.concurrency).
    """
    letter = get_letter(pk)
    section = get_section(letter, key)
    verdict = may_edit(request.user, letter)
    if not verdict:
        messages.error(request, verdict.message)
        return redirect(letter)
    post = request.POST if request.method == "POST" else None
    shown = shown_items(post) if post is not None else ()
    form, items, edited = section_forms(letter, section, post, shown=shown)
    remember_base(form, edited)
    response = conflict = None
    if post is not None:
        conflict = resolve_choices(form, edited, formset=(items,))
        if conflict is None:
            response, conflict = save_from_form(
                request, form, lambda: save_section(request, letter, section, form, items, edited,
                                                    shown),
                others=(items,), success=_("De sectie is opgeslagen."),
                then=editor_url(letter, key, saved=True),
                conflict=lambda stale: letter_conflict(merge(
                    form, edited, stale, saved_forms(stale.current, section, shown),
                    formset=(items,)), stale))
        if response is None and foreign_items(request, items):
            return redirect(editor_url(letter, key))
        if response is not None:
            warn_dropped_promises(request, letter, items.forms, block=key)
            response = told_moved(request, letter, section, items, response)
    return response or render(request, "letters/section_form.html", {
        "record": letter, "part": Block(key, section, [f.instance for f in items.forms]),
        "form": form, "items": items, "conflict": conflict})


def told_moved(request, letter, section, items, response):
    """After a save: the items someone else moved to another section while this one was open
    kept the texts typed for them, saved where they are now. Say so, and show the whole editor
    (with htmx too, whose swap of this block alone would hide where the item went)."""
    here = section.pk if section else None
    moved = [form.instance for form in items.forms
             if form.instance.pk and form.instance.section_id != here]
    for item in moved:
        messages.info(request, _(
            "‘%(item)s’ is intussen door een ander naar sectie ‘%(section)s’ verplaatst; wat u "
            "ervoor typte, is daar opgeslagen.") % {
                "item": item_ident(item),
                "section": item.section.title if item.section else _("Toezeggingen")})
    if not moved or not request.headers.get("HX-Request"):
        return response
    page = HttpResponse()
    page["HX-Redirect"] = response["Location"]
    return page


def warn_dropped_promises(request, letter, forms, *, block=None):
    """A saved text that no longer says what was promised, where the text before it did (a
    writer replaced the whole pre-filled text): warn, with the sentence to take back; letter
    staff decide. From the section editor the warning is shown in the saved section's block
    (templates/letters/partials/section_block.html), which htmx swaps in alone."""
    voice = Voice.of(letter)
    dropped = [
        form.instance for form in forms
        if "progress_text" in form.changed_data and form.instance.commitment_id
        and not form.cleaned_data.get("DELETE")
        and mentions_promise(form.initial.get("progress_text") or "", form.instance.commitment,
                             voice)
        and not mentions_promise(form.cleaned_data["progress_text"], form.instance.commitment,
                                 voice)]
    tags = "" if block is None else f"in-block sectie-{block}"
    for item in dropped:
        messages.warning(request, extra_tags=tags, message=_(
            "De tekst bij %(item)s zegt niet meer wat er is toegezegd. Is dat niet de bedoeling, "
            "neem dan deze zin weer op: %(promise)s") % {
                "item": item_ident(item), "promise": promise_words(item.commitment, voice)})


def save_section(request, letter, section, form, items, edited, shown, attempts=3):
    """Save the section over saves of other parts of the letter (see section_edit); StaleEdit
    when one of them changed what this form shows."""
    version = form.cleaned_data["version"]
    for _attempt in range(attempts):
        try:
            return services.letter_save_section(
                letter=letter, section=section, form=form if section else None, items=items,
                version=version, by=request.user)
        except StaleEdit as stale:
            if not untouched(form, edited, saved_forms(stale.current, section, shown)):
                raise
            version = stale.current.version
    raise StaleEdit(ProgressLetter.objects.get(pk=letter.pk), form.cleaned_data["version"])


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def section_add(request, pk):
    letter = get_letter(pk)
    form = NewSectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef de nieuwe sectie een titel."))
        return redirect(editor_url(letter))
    try:
        section = services.letter_add_section(letter=letter, title=form.cleaned_data["title"],
                                              by=request.user)
    except ValidationError as error:
        refused(request, error)
        return redirect(editor_url(letter))
    messages.success(request, _("De sectie ‘%(title)s’ is toegevoegd.") % {"title": section.title})
    return redirect(editor_url(letter, section.pk))


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def section_delete(request, pk, key):
    letter = get_letter(pk)
    section = get_section(letter, key)
    try:
        services.letter_delete_section(letter=letter, section=section, by=request.user)
    except ValidationError as error:
        refused(request, error)
        return redirect(editor_url(letter, key))
    messages.success(request, _("De sectie ‘%(title)s’ is verwijderd.") % {"title": section.title})
    return redirect(editor_url(letter))


def direction_of(request):
    direction = request.POST.get("direction")
    return direction if direction in (services.UP, services.DOWN) else None


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def section_move(request, pk, key):
    letter = get_letter(pk)
    section = get_section(letter, key)
    direction = direction_of(request)
    if section is None or direction is None:
        return HttpResponseBadRequest()
    try:
        services.letter_move_section(letter=letter, section=section, direction=direction,
                                     by=request.user)
    except ValidationError as error:
        refused(request, error)
    return redirect(editor_url(letter, key))


@require_POST
@permission_required("letters.change_progressletter", raise_exception=True)
def item_move(request, pk, item_pk):
    """An item one place up or down, or to another section (the section chosen)."""
    letter = get_letter(pk)
    item = get_object_or_404(LetterItem, letter=letter, pk=item_pk)
    direction = direction_of(request)
    target = None
    if request.POST.get("direction") == "section":
        section_pk = typed_id(request.POST.get("section", ""))
        target = letter.sections.filter(pk=section_pk).first() if section_pk else None
        if target is None:
            return HttpResponseBadRequest()
    elif direction is None:
        return HttpResponseBadRequest()
    try:
        services.letter_move_item(letter=letter, item=item, direction=direction, section=target,
                                  by=request.user)
    except ValidationError as error:
        refused(request, error)
    return redirect(editor_url(letter, (target.pk if target else item.section_id) or 0))


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
                conflict=lambda stale: letter_conflict(merge(
                    version, formset.forms, stale,
                    TextFormSet(instance=stale.current, prefix="items").forms,
                    formset=(formset,)), stale))
        if response is None and foreign_items(request, formset):
            return redirect("letters:texts", letter.pk)
        if response is not None:
            warn_dropped_promises(request, letter, formset.forms)
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
            return redirect(editor_url(letter, item.section_id or 0))
    else:
        messages.error(request, _("Typ wat u wilt toevoegen."))
    return redirect(editor_url(letter))


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
    messages.success(request, ngettext(
        "%(new)d belofte uit de brief staat klaar om te beoordelen.",
        "%(new)d beloften uit de brief staan klaar om te beoordelen.", new) % {"new": new})
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
