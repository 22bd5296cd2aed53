"""The bulk-change screens of the commitment and motion lists: choose (the rows ticked, or all
that match the filter), check what would happen, confirm, read what was done and refused."""

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_POST

from commitments import bulk
from commitments.filters import CommitmentFilter, MotionFilter
from commitments.forms import BulkChangeForm
from commitments.models import Execution, Status
from register.models import Document

KINDS = {
    "commitments": {"filter": CommitmentFilter, "statuses": Status.choices,
                    "list": "commitments:list", "bulk": "commitments:bulk",
                    "change": "commitments.change_commitment",
                    "status": "commitments.change_status_commitment"},
    "motions": {"filter": MotionFilter, "statuses": Execution.choices,
                "list": "commitments:motion-list", "bulk": "commitments:motion-bulk",
                "change": "commitments.change_motion",
                "status": "commitments.change_status_motion"},
}


def require_permission(user, kind, action=None):
    """Assigning needs the right to edit the records; a status change the right to change it."""
    needed = KINDS[kind]["status" if action == "status" else "change"]
    if not user.has_perm(needed):
        raise PermissionDenied


def chosen_items(request, kind):
    """{pk: version} of the rows ticked in the list, or of every record the list's filter
    matches (their versions as they are now, shown on the next page)."""
    if request.GET.get("all"):
        query = QueryDict(request.GET.get("query", ""))
        filterset = KINDS[kind]["filter"](query, queryset=bulk.model_for(kind).objects.all())
        if not filterset.is_valid():
            return {}
        rows = filterset.qs.values_list("pk", "version")[:bulk.MAX_RECORDS]
        return dict(rows)
    return bulk.parse_items(request.GET.getlist("pk"))


def choose(request, kind):
    """The first step (GET): the records chosen, and the form to say what changes."""
    require_permission(request.user, kind)
    items = chosen_items(request, kind)
    selected = bulk.records(bulk.model_for(kind), items)
    form = BulkChangeForm(statuses=KINDS[kind]["statuses"], initial={
        "items": ",".join(f"{record.pk}:{items[record.pk]}" for record in selected),
        "query": request.GET.get("query", "")})
    return page(request, kind, form, selected, step="choose")


@require_POST
def confirm_or_apply(request, kind):
    """Check (step "check": what would happen, nothing saved) or apply (step "apply")."""
    form = BulkChangeForm(request.POST, statuses=KINDS[kind]["statuses"])
    require_permission(request.user, kind, request.POST.get("action"))
    items = bulk.parse_items(request.POST.get("items", "").split(","))
    selected = bulk.records(bulk.model_for(kind), items)
    if not form.is_valid():
        return page(request, kind, form, selected, step="choose")
    step = request.POST.get("step")
    if step == "edit":  # back from the check to the form, as filled in
        return page(request, kind, form, selected, step="choose")
    data = form.cleaned_data
    change = bulk.Change(action=data["action"], value=data[data["action"]],
                         reason=data["reason"].strip(),
                         document=document(form, by=request.user, create=step == "apply"))
    if step == "apply":
        outcome = bulk.apply(selected, items, change, by=request.user)
        return page(request, kind, form, selected, step="done", outcome=outcome, change=change)
    outcome = bulk.preview(selected, items, change)
    return page(request, kind, form, selected, step="check", outcome=outcome, change=change)


def document(form, *, by, create):
    """The delivering document of a status change. A typed reference becomes a Document only
    when the change is applied; the check stands in an unsaved one for it."""
    data = form.cleaned_data
    if data["action"] != "status":
        return None
    if create:
        return form.resolve_document(by=by, reason=data["reason"])
    return data.get("document") or (Document() if data.get("document_reference") else None)


def page(request, kind, form, selected, *, step, outcome=None, change=None):
    return render(request, "commitments/bulk.html", {
        "kind": kind, "form": form, "selected": selected, "step": step, "outcome": outcome,
        "change": describe(form, change, kind) if change else "",
        "summary": bulk.refusal_summary(outcome) if outcome else "",
        "list_url": KINDS[kind]["list"], "bulk_url": KINDS[kind]["bulk"],
        "query": form["query"].value() or ""})


def commitment_bulk(request):
    if request.method == "POST":
        return confirm_or_apply(request, "commitments")
    return choose(request, "commitments")


def motion_bulk(request):
    if request.method == "POST":
        return confirm_or_apply(request, "motions")
    return choose(request, "motions")


def describe(form, change, kind):
    """"Status wijzigen: Afgedaan", "Eigenaar toewijzen: Bart Beleid"."""
    action = dict(form.fields["action"].choices)[change.action]
    value = dict(KINDS[kind]["statuses"]).get(change.value) if change.action == "status" \
        else change.value_label()
    return f"{action}: {value}"
