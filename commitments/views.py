import datetime

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_POST

from commitments import exports, related
from commitments.dashboard import dashboard as figures
from commitments.filters import PER_PAGE, CommitmentFilter, MotionFilter, checked_filterset
from commitments.forms import (
    AsOfForm,
    CommitmentCorrectionForm,
    CommitmentForm,
    CommitmentStatusForm,
    DossierCompletionForm,
    MotionCorrectionForm,
    MotionForm,
    MotionStatusForm,
    RelationForm,
    SavedViewForm,
    VoteForm,
)
from commitments.models import (
    STATUS_EXPLANATIONS,
    Commitment,
    CommitmentRelation,
    Motion,
    Status,
    SyncCursor,
    SyncRun,
)
from commitments.my_work import has_work, my_work, waiting_for
from commitments.services import commitment_save, motion_complete_dossier, motion_save
from commitments.tk_import import kamer_differences, vote_differences
from register.concurrency import StaleEdit, keep_typed_values
from register.editing import create_view, edit_view, save_from_form
from register.history import delete_with_history, dutch_reason, save_with_history, timeline
from register.ids import typed_id
from register.models import FeedToken, SavedView
from register.progress import progress_view
from register.references import format_dossier
from register.views import confirm


@permission_required("commitments.view_commitment", raise_exception=True)
def dashboard(request):
    """The start page: what is open, late and due, each figure a link to its list."""
    today = timezone.localdate()
    return render(request, "commitments/dashboard.html", {
        **figures(today), "waiting": waiting_for(request.user),
        "my_overdue": Commitment.objects.overdue(today).filter(owner=request.user).count()})


@permission_required("commitments.view_commitment", raise_exception=True)
def my_work_view(request):
    """The user's own open commitments and motions, what is overdue, and what waits for them."""
    return render(request, "commitments/my_work.html", {
        "work": my_work(request.user, timezone.localdate())})


def landing(request):
    """Where a login leads: My work for who owns something open or has something waiting, the
    dashboard for everyone else."""
    user = request.user
    if user.has_perm("commitments.view_commitment") and has_work(user, timezone.localdate()):
        return redirect("commitments:my-work")
    return redirect("commitments:dashboard")


# What a row of the commitments list shows (partials/commitment_table.html); the texts, notes and
# search words of a commitment are not read for a list.
LIST_COLUMNS = ["number", "title", "deadline_text", "deadline_end", "status", "bewindspersoon",
                "version"]


def get_commitment(pk):
    queryset = Commitment.objects.select_related(
        "bewindspersoon", "ministry", "debate__committee", "made_in__dossier", "to_member",
        "to_party", "committee", "dossier", "delivered_by__dossier", "directorate", "owner",
    ).prefetch_related("topics", "relations__target", "related_from__source",
                       *related.prefetches())
    return get_object_or_404(queryset, pk=pk)


def get_motion(pk):
    queryset = Motion.objects.select_related(
        "dossier", "debate__committee", "reported_by__dossier", "directorate", "owner", "vote",
    ).prefetch_related("topics", "submitter_rows__person", "submitter_rows__party",
                       *related.prefetches())
    return get_object_or_404(queryset, pk=pk)




def paginate(request, queryset, total=None):
    """One page of the list; the page size comes from the URL (25, 50 or 100)."""
    per_page = typed_id(request.GET.get("per_page", ""))
    per_page = per_page if per_page in PER_PAGE else PER_PAGE[0]
    paginator = Paginator(queryset, per_page)
    if total is not None:
        paginator.__dict__["count"] = total  # Paginator.count is a cached_property
    return paginator.get_page(request.GET.get("page"))


def list_view(request, filterset, template, extra=None, total=None):
    """A filtered, paginated list; htmx requests get only the results fragment.

    `total`, when known already, spares the paginator its COUNT query.
    """
    page = paginate(request, filterset.qs, total)
    results = template.replace(".html", "_results.html")
    context = {"filter": filterset, "page": page, "per_page_choices": PER_PAGE,
               "results_template": results, **(extra or {})}
    if not page.object_list and filterset.is_valid():
        context["active_filters"] = filterset.active_filters(request.GET)
    return render(request, results if request.headers.get("HX-Request") else template, context)


@permission_required("commitments.view_commitment", raise_exception=True)
def commitment_list(request):
    queryset = Commitment.objects.for_list().only(*LIST_COLUMNS)
    filterset = CommitmentFilter(request.GET, queryset=queryset)
    counts = filterset.counts() if filterset.is_valid() else {}
    total = filterset.total_from(counts) if counts else None
    saved_views = list(SavedView.objects.visible_to(request.user, "commitments"))
    return list_view(request, filterset, "commitments/commitment_list.html", total=total, extra={
        "counts": counts, "saved_views": saved_views,
        "feed_token": FeedToken.active_for(request.user),
        "feed_query": feed_query(request.GET, saved_views),
    })


def feed_query(query, saved_views):
    """The list's query for its calendar feed, with the saved selection's name ("naam") when the
    list is one: the calendar is then called by that name."""
    shown = query.copy()
    for key in ("page", "per_page"):
        shown.pop(key, None)
    for view in saved_views:
        saved = QueryDict(view.query, mutable=True)
        for key in ("page", "per_page"):
            saved.pop(key, None)
        if dict(saved.lists()) == dict(shown.lists()):
            shown["naam"] = view.name
            break
    return shown.urlencode()


def export_name(export, extension):
    return f"{export.sheet.lower()}-{timezone.localdate():%Y%m%d}.{extension}"


def xlsx_export(request, filter_class, queryset, export):
    """The whole filtered list as a spreadsheet; an invalid filter is refused with its message."""
    filterset, refused = checked_filterset(request, filter_class, queryset)
    if refused:
        return refused
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument."
                                         "spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{export_name(export, "xlsx")}"'
    exports.write_xlsx(filterset.qs, response, export)
    return response


def csv_export(request, filter_class, queryset, export):
    filterset, refused = checked_filterset(request, filter_class, queryset)
    if refused:
        return refused
    response = StreamingHttpResponse(exports.csv_lines(filterset.qs, export),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_name(export, "csv")}"'
    return response


@permission_required("commitments.view_commitment", raise_exception=True)
def commitment_export_xlsx(request):
    return xlsx_export(request, CommitmentFilter, Commitment.objects.all(), exports.COMMITMENTS)


@permission_required("commitments.view_commitment", raise_exception=True)
def commitment_export_csv(request):
    return csv_export(request, CommitmentFilter, Commitment.objects.all(), exports.COMMITMENTS)


@require_POST
@permission_required("commitments.view_commitment", raise_exception=True)
def saved_view_create(request):
    form = SavedViewForm(request.POST, user=request.user)
    if form.is_valid():
        view = form.save()
        messages.success(request, _("Selectie ‘%(name)s’ is bewaard.") % {"name": view.name})
        return redirect(view.get_absolute_url())
    messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    # Back to the list as it was filtered (not the whole list), to choose another name.
    url = reverse(request.POST.get("kind") == "motions" and "commitments:motion-list"
                  or "commitments:list")
    query = QueryDict(form.cleaned_data.get("query") or "").urlencode()
    return redirect(f"{url}?{query}" if query else url)


@require_POST
@permission_required("commitments.view_commitment", raise_exception=True)
def saved_view_delete(request, pk):
    view = get_object_or_404(SavedView, pk=pk, owner=request.user)
    if view.group and request.POST.get("confirmed") != "1":
        return confirm(request, title=_("Gedeelde selectie ‘%(name)s’ verwijderen?")
                       % {"name": view.name},
                       text=_("De groep %(group)s ziet deze selectie dan ook niet meer.")
                       % {"group": view.group.name},
                       button=_("Verwijderen"), cancel=view.get_absolute_url())
    view.delete()
    messages.success(request, _("Selectie ‘%(name)s’ is verwijderd.") % {"name": view.name})
    return redirect("commitments:list" if view.kind == "commitments" else "commitments:motion-list")


@permission_required("commitments.add_commitment", raise_exception=True)
def commitment_create(request):
    return create_view(request, CommitmentForm, commitment_save,
                       "commitments/commitment_form.html",
                       success=lambda commitment: _("Toezegging %(number)s is geregistreerd.")
                       % {"number": commitment.number})


@permission_required("commitments.change_commitment", raise_exception=True)
def commitment_edit(request, pk):
    return edit_view(request, get_commitment(pk), CommitmentForm, commitment_save,
                     "commitments/commitment_form.html")


@permission_required("commitments.view_commitment", raise_exception=True)
def commitment_detail(request, pk):
    commitment = get_commitment(pk)
    entries = timeline(commitment)
    return render(request, "commitments/commitment_detail.html", {
        "commitment": commitment, "relation_kinds": CommitmentRelation.Kind.choices,
        "timeline": entries,
        "deadline_moves": deadline_moves(entries),
        "explanations": STATUS_EXPLANATIONS,
        "overdue": commitment.is_overdue(),
        "as_of_form": AsOfForm(),
        "related_sections": related.SECTIONS,
    })


def deadline_moves(entries):
    """Each change of the deadline words or dates, oldest first: how the deadline moved."""
    labels = {str(Commitment._meta.get_field(name).verbose_name)
              for name in ("deadline_text", "deadline_start", "deadline_end", "deadline_none")}
    moves = []
    for entry in reversed(entries):
        changes = [change for change in entry.changes if change.label in labels]
        if changes:
            moves.append((entry, changes))
    return moves


def change_status_view(request, record, form, change, template):
    """The shared body of the status and vote forms: change (in one transaction, with the
    document a typed reference creates), or show why not."""
    response = conflict = None
    stale = posted_stale(request, record)
    if stale:
        # The choices offered follow the current status, so check the version first: the user
        # sees the conflict, not a puzzling "invalid choice".
        form.errors.pop("new", None)
        form.errors.pop("outcome", None)
        conflict = keep_typed_values(form, stale)
    elif request.method == "POST":
        def save():
            with transaction.atomic():
                change(form)

        response, conflict = save_from_form(request, form, save, then=record,
                                            success=_("De wijziging is vastgelegd."))
    return response or render(request, template,
                              {"form": form, "record": record, "conflict": conflict})


def posted_stale(request, record):
    """A POST made from an older version of the record: a conflict, whatever else it says."""
    version = typed_id(request.POST.get("version", "")) if request.method == "POST" else None
    if version is not None and version != record.version:
        return StaleEdit(record, version)
    return None


@permission_required("commitments.edit_progress_commitment", raise_exception=True)
def commitment_progress(request, pk):
    return progress_view(request, get_commitment(pk))


@permission_required("commitments.change_status_commitment", raise_exception=True)
def commitment_status(request, pk):
    commitment = get_commitment(pk)
    form = CommitmentStatusForm(request.POST or None, record=commitment)

    def change(form):
        data = form.cleaned_data
        document = form.resolve_document(by=request.user, reason=data["reason"])
        commitment.change_status(data["new"], by=request.user, reason=data["reason"],
                                 document=document, on=data["on"],
                                 remaining=data["remaining"] or None,
                                 expected_version=data["version"])

    return change_status_view(request, commitment, form, change,
                              "commitments/status_form.html")


@permission_required("commitments.change_status_commitment", raise_exception=True)
def commitment_correct(request, pk):
    """A clerk's correction of the status and delivery, from any status (not a transition)."""
    commitment = get_commitment(pk)
    form = CommitmentCorrectionForm(request.POST or None, record=commitment)

    def change(form):
        data = form.cleaned_data
        document = form.resolve_document(by=request.user, reason=data["reason"])
        commitment.correct(by=request.user, reason=data["reason"], status=data["status"],
                           document=document, on=data["on"], expected_version=data["version"])

    return change_status_view(request, commitment, form, change,
                              "commitments/correction_form.html")


def as_of_view(request, record, template):
    """What the record looked like at the end of a given day, from its history."""
    form = AsOfForm(request.GET or None)
    snapshot = None
    if form.is_valid():
        day_end = datetime.datetime.combine(form.cleaned_data["on"], datetime.time.max,
                                            tzinfo=timezone.get_current_timezone())
        try:
            snapshot = record.history.as_of(day_end)
        except ObjectDoesNotExist:
            form.add_error("on", _("Op die datum was dit record nog niet geregistreerd."))
    # The history row the snapshot was made from: its date, not the save's `updated_at`, is
    # when the change happened (imports and the demo record changes dated in the past).
    last_change = getattr(snapshot, "_history", None)
    return render(request, template, {"record": record, "form": form, "snapshot": snapshot,
                                      "last_change": last_change,
                                      "statuses": dict(Status.choices)})


@permission_required("commitments.view_commitment", raise_exception=True)
def commitment_as_of(request, pk):
    return as_of_view(request, get_commitment(pk), "commitments/commitment_as_of.html")


@permission_required("commitments.view_motion", raise_exception=True)
def motion_list(request):
    queryset = Motion.objects.for_list().prefetch_related("submitter_rows__person__offices",
                                                          "submitter_rows__party")
    filterset = MotionFilter(request.GET, queryset=queryset)
    counts = filterset.counts() if filterset.is_valid() else {}
    total = filterset.total_from(counts) if counts else None
    return list_view(request, filterset, "commitments/motion_list.html", total=total, extra={
        "counts": counts, "saved_views": SavedView.objects.visible_to(request.user, "motions"),
    })


@permission_required("commitments.view_motion", raise_exception=True)
def motion_export_xlsx(request):
    return xlsx_export(request, MotionFilter, Motion.objects.all(), exports.MOTIONS)


@permission_required("commitments.view_motion", raise_exception=True)
def motion_export_csv(request):
    return csv_export(request, MotionFilter, Motion.objects.all(), exports.MOTIONS)


@permission_required("commitments.add_motion", raise_exception=True)
def motion_create(request):
    return create_view(request, MotionForm, motion_save, "commitments/motion_form.html",
                       success=lambda motion: _("De motie is geregistreerd."))


@permission_required("commitments.change_motion", raise_exception=True)
def motion_edit(request, pk):
    return edit_view(request, get_motion(pk), MotionForm, motion_save,
                     "commitments/motion_form.html")


@permission_required("commitments.view_motion", raise_exception=True)
def motion_detail(request, pk):
    motion = get_motion(pk)
    return render(request, "commitments/motion_detail.html", {
        "motion": motion, "timeline": timeline(motion), "as_of_form": AsOfForm(),
        "related_sections": related.SECTIONS,
    })


@permission_required("commitments.record_vote_motion", raise_exception=True)
def motion_vote(request, pk):
    motion = get_motion(pk)
    form = VoteForm(request.POST or None, record=motion)

    def change(form):
        data = form.cleaned_data
        motion.record_vote(data["outcome"], by=request.user, reason=data["reason"],
                           on=data["on"], expected_version=data["version"])

    return change_status_view(request, motion, form, change, "commitments/vote_form.html")


@permission_required("commitments.change_status_motion", raise_exception=True)
def motion_status(request, pk):
    motion = get_motion(pk)
    form = MotionStatusForm(request.POST or None, record=motion)

    def change(form):
        data = form.cleaned_data
        document = form.resolve_document(by=request.user, reason=data["reason"])
        motion.change_status(data["new"], by=request.user, reason=data["reason"],
                             document=document, on=data["on"],
                             remaining=data["remaining"] or None,
                             expected_version=data["version"])

    return change_status_view(request, motion, form, change, "commitments/status_form.html")


@permission_required(["commitments.record_vote_motion", "commitments.change_status_motion"],
                     raise_exception=True)
def motion_correct(request, pk):
    """A clerk's correction of the vote and the execution, from any state."""
    motion = get_motion(pk)
    form = MotionCorrectionForm(request.POST or None, record=motion)

    def change(form):
        data = form.cleaned_data
        document = form.resolve_document(by=request.user, reason=data["reason"])
        motion.correct(by=request.user, reason=data["reason"], outcome=data["outcome"],
                       on=data["on"], execution=data["execution"], document=document,
                       reported_on=data["reported_on"], expected_version=data["version"])

    return change_status_view(request, motion, form, change, "commitments/correction_form.html")


@permission_required("commitments.edit_progress_motion", raise_exception=True)
def motion_progress(request, pk):
    return progress_view(request, get_motion(pk))


@permission_required("commitments.view_motion", raise_exception=True)
def motion_as_of(request, pk):
    return as_of_view(request, get_motion(pk), "commitments/motion_as_of.html")


@permission_required("commitments.view_commitment", raise_exception=True)
def differences(request):
    """Commitments whose status at the Kamer differs from ours, newest change at the Kamer first;
    motions whose vote at the Kamer differs; motions the Kamer withdrew, and motions whose
    dossier is to be completed (by the title the Kamer gave their dossier, each group with a
    form to name it)."""
    return differences_page(request)


def differences_page(request, refused=None):
    """The differences page; `refused`, a dossier completion form that was not valid, is shown
    in its group with what was typed and why (or, its group gone meanwhile, as a message)."""
    unplaced = Motion.objects.dossier_missing().order_by("tk_dossier_title", "number")
    groups = {}
    for motion in unplaced:
        groups.setdefault(motion.tk_dossier_title, []).append(motion)
    shown = refused.data.get("title") if refused else None
    if refused and shown not in groups:
        for errors in refused.errors.values():
            messages.error(request, " ".join(errors))
    return render(request, "commitments/differences.html", {
        "rows": kamer_differences(),
        "votes": vote_differences(),
        "withdrawn": Motion.objects.filter(tk_deleted_at__isnull=False).select_related("dossier")
        .order_by("-tk_deleted_at"),
        "unplaced": [(title, motions, refused if title == shown else
                      DossierCompletionForm(initial={"title": title}))
                     for title, motions in groups.items()]})


@require_POST
@permission_required("commitments.change_motion", raise_exception=True)
def dossier_completion(request):
    """Name the dossier of the motions the Kamer's records gave without it."""
    form = DossierCompletionForm(request.POST)
    if not form.is_valid():
        # Shown again in its group, with what was typed: a redirect would lose it.
        return differences_page(request, refused=form)
    title, number = form.cleaned_data["title"], form.cleaned_data["dossier"]
    shown = format_dossier(number)  # "36 410", as the Kamer writes it
    done, left = motion_complete_dossier(
        title=title, number=number, by=request.user,
        reason=dutch_reason(gettext_noop("Dossier aangevuld: %(number)s (titel bij de Kamer: "
                                         "‘%(title)s’)"), number=shown, title=title))
    if done:
        messages.success(request, ngettext("%(count)s motie in dossier %(number)s geplaatst.",
                                           "%(count)s moties in dossier %(number)s geplaatst.",
                                           len(done)) % {"count": len(done), "number": shown})
    if left:
        messages.error(request, _("Dossier %(number)s heeft al een motie met nummer "
                                  "%(numbers)s; die zijn niet verplaatst.")
                       % {"number": shown, "numbers": ", ".join(m.number for m in left)})
    return redirect("commitments:differences")


# The runs the sync log shows: a month of nightly runs.
RUNS_SHOWN = 31


@permission_required("commitments.view_commitment", raise_exception=True)
def sync_log(request):
    """The runs of sync_tk, newest first, each with what it did per entity set; the cursors."""
    runs = SyncRun.objects.select_related("user").prefetch_related("entities")[:RUNS_SHOWN]
    return render(request, "commitments/sync_log.html", {
        "runs": runs, "cursors": SyncCursor.objects.all(),
        "last_success": SyncRun.objects.last_success()})


@require_POST
@permission_required("commitments.add_commitmentrelation", raise_exception=True)
def commitment_relation_add(request, pk):
    commitment = get_object_or_404(Commitment, pk=pk)
    form = RelationForm(request.POST, source=commitment)
    if form.is_valid():
        save_with_history(form.cleaned_data["relation"], by=request.user,
                          reason=gettext_noop("Relatie vastgelegd"))
        messages.success(request, _("De relatie is vastgelegd."))
    else:
        messages.error(request, " ".join(error for errors in form.errors.values()
                                         for error in errors))
    return redirect(commitment)


@require_POST
@permission_required("commitments.delete_commitmentrelation", raise_exception=True)
def commitment_relation_delete(request, pk, relation_pk):
    relation = get_object_or_404(CommitmentRelation, pk=relation_pk, source_id=pk)
    delete_with_history(relation, by=request.user, reason=gettext_noop("Relatie verwijderd"))
    messages.success(request, _("De relatie is verwijderd."))
    return redirect(relation.source)
