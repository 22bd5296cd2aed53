"""The review of commitments found in texts: upload a debate report, then accept (editing
first), merge or reject each proposal (commitments.proposals)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from commitments.forms import (
    ProposalAcceptForm,
    ProposalMergeForm,
    ProposalRejectForm,
    ProposalUploadForm,
)
from commitments.models import CommitmentProposal, ProposalStatus
from commitments.proposals import (
    proposal_accept,
    proposal_merge,
    proposal_reject,
    proposals_from_report,
    proposed_person,
)

MAY_REVIEW = "commitments.add_commitment"


def get_proposal(pk):
    return get_object_or_404(CommitmentProposal.objects.select_related("made_in"), pk=pk)


@permission_required(MAY_REVIEW, raise_exception=True)
def proposal_list(request, upload_form=None, refused=None):
    """The proposals still to be reviewed, oldest source first, and the last decided ones.
    `refused`: a merge or rejection refused, shown at its proposal's field with what was typed
    ({"pk", "field", "value", "errors"})."""
    open_ones = CommitmentProposal.objects.filter(status=ProposalStatus.OPEN) \
        .select_related("made_in")
    decided = CommitmentProposal.objects.exclude(status=ProposalStatus.OPEN) \
        .select_related("commitment").order_by("-id")[:20]
    return render(request, "commitments/proposal_list.html", {
        "proposals": open_ones, "decided": decided,
        "upload_form": upload_form or ProposalUploadForm(),
        "merge_form": ProposalMergeForm(), "reject_form": ProposalRejectForm(),
        "refused": refused})


@require_POST
@permission_required(MAY_REVIEW, raise_exception=True)
def proposal_upload(request):
    form = ProposalUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return proposal_list(request, upload_form=form)
    before = CommitmentProposal.objects.aggregate(last=Max("pk"))["last"] or 0
    try:
        new, known = proposals_from_report(xml=form.cleaned_data["report"], by=request.user)
    except ValidationError as error:
        form.add_error("report", error)
        return proposal_list(request, upload_form=form)
    if new:
        messages.success(request, ngettext(
            "%(new)d toezegging uit het verslag staat klaar om te beoordelen.",
            "%(new)d toezeggingen uit het verslag staan klaar om te beoordelen.", new)
            % {"new": new})
        # The list is by date said, oldest first: a report of today lands below the older ones
        # still open. The page opens at its first proposal.
        first = CommitmentProposal.objects.filter(pk__gt=before,
                                                  status=ProposalStatus.OPEN).first()
        if first is not None:
            return redirect(reverse("commitments:proposals") + f"#voorstel-{first.pk}")
    elif known:
        messages.info(request, _("Dit verslag is al eerder ingelezen; er zijn geen nieuwe "
                                 "voorstellen."))
    else:
        messages.info(request, _("In dit verslag leest de voorzitter geen toezeggingen voor "
                                 "(of het is geen commissiedebat)."))
    return redirect("commitments:proposals")


def accept_initial(proposal):
    bewindspersoon = proposed_person(proposal.bewindspersoon_text, proposal.said_on, office=True)
    office = bewindspersoon and bewindspersoon.offices.filter(ministry__isnull=False) \
        .order_by("-start").first()
    title = proposal.text if len(proposal.text) <= 120 else \
        proposal.text[:120].rsplit(" ", 1)[0] + " …"
    return {"title": title, "text": proposal.text, "made_on": proposal.said_on,
            "deadline_text": proposal.deadline_text, "bewindspersoon": bewindspersoon,
            "ministry": office.ministry_id if office else None,
            "to_member": proposed_person(proposal.member_text, proposal.said_on, office=False)}


@permission_required(MAY_REVIEW, raise_exception=True)
def proposal_accept_view(request, pk):
    """GET: the proposal as a commitment to edit; POST: accept it as edited."""
    proposal = get_proposal(pk)
    if proposal.status != ProposalStatus.OPEN:
        messages.info(request, _("Dit voorstel is al beoordeeld."))
        return redirect("commitments:proposals")
    form = ProposalAcceptForm(request.POST or None, initial=accept_initial(proposal))
    if request.method == "POST" and form.is_valid():
        try:
            commitment = proposal_accept(proposal=proposal, form=form, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("commitments:proposals")
        messages.success(request, _("Toezegging %(number)s is geregistreerd.")
                         % {"number": commitment.number})
        return redirect("commitments:proposals")
    return render(request, "commitments/proposal_accept.html",
                  {"form": form, "proposal": proposal})


def decide(request, pk, form_class, act, success):
    """Merge or reject; refused, the list again with the reason at the proposal's field and what
    was typed kept (a redirect lost both, the message far above the proposal)."""
    proposal = get_proposal(pk)
    form = form_class(request.POST)
    (field,) = form.fields
    if form.is_valid():
        try:
            act(proposal, form.cleaned_data)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, success)
            return redirect("commitments:proposals")
    else:
        errors = [m for messages_ in form.errors.values() for m in messages_]
    return proposal_list(request, refused={"pk": proposal.pk, "field": field,
                                           "value": request.POST.get(field, ""),
                                           "errors": errors})


@require_POST
@permission_required(MAY_REVIEW, raise_exception=True)
def proposal_merge_view(request, pk):
    return decide(request, pk, ProposalMergeForm, lambda proposal, data: proposal_merge(
        proposal=proposal, commitment=data["number"], by=request.user),
        _("Het voorstel is samengevoegd met de bestaande toezegging."))


@require_POST
@permission_required(MAY_REVIEW, raise_exception=True)
def proposal_reject_view(request, pk):
    return decide(request, pk, ProposalRejectForm, lambda proposal, data: proposal_reject(
        proposal=proposal, reason=data["reason"], by=request.user),
        _("Het voorstel is afgewezen."))
