from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from legislation import services
from legislation.filters import LawTrackFilter
from legislation.forms import (
    LawTrackForm,
    StageAddForm,
    StageCompleteForm,
    StageEditForm,
    StagePlanForm,
    StageStartForm,
    WithdrawForm,
)
from legislation.history import plan_summaries, stage_records, track_history
from legislation.models import LawTrack, Stage
from legislation.timeline import build_chart
from register.editing import create_view, edit_view, save_from_form
from register.progress import progress_view


def get_track(pk):
    queryset = LawTrack.objects.select_related(
        "ministry", "directorate", "owner", "dossier", "reporting_dossier",
    ).prefetch_related("co_ministries", "topics", "stages__documents__dossier",
                       "commitments__bewindspersoon", "motions__dossier")
    return get_object_or_404(queryset, pk=pk)


def get_stage(pk, stage_pk):
    return get_object_or_404(Stage.objects.select_related("track"), pk=stage_pk, track_id=pk)


@permission_required("legislation.view_lawtrack", raise_exception=True)
def track_list(request):
    filterset = LawTrackFilter(request.GET or None, queryset=LawTrack.objects.for_list())
    valid = not filterset.is_bound or filterset.is_valid()
    today = timezone.localdate()
    rows = [(track, track.slip(today)) for track in (filterset.qs if valid else [])]
    return render(request, "legislation/track_list.html", {
        "filter": filterset, "rows": rows, "today": today})


@permission_required("legislation.view_lawtrack", raise_exception=True)
def track_detail(request, pk):
    track = get_track(pk)
    today = timezone.localdate()
    stages = track.ordered_stages
    records = stage_records(Stage, track.pk)
    plans = plan_summaries(records)
    return render(request, "legislation/track_detail.html", {
        "track": track, "stages": stages, "today": today, "slip": track.slip(today),
        "chart": build_chart(stages, today), "history": track_history(track, records),
        "plans": [(stage, plans[stage.pk]) for stage in stages if stage.pk in plans],
    })


@permission_required("legislation.add_lawtrack", raise_exception=True)
def track_create(request):
    return create_view(request, LawTrackForm, services.lawtrack_save, "legislation/track_form.html",
                       success=lambda track: _("Wetgevingstraject ‘%(name)s’ is geregistreerd, "
                                               "met de fasen van het sjabloon.")
                       % {"name": track.short_name})


@permission_required("legislation.change_lawtrack", raise_exception=True)
def track_edit(request, pk):
    return edit_view(request, get_track(pk), LawTrackForm, services.lawtrack_save,
                     "legislation/track_form.html")


def action_view(request, form, change, *, track, stage=None, title, intro=""):
    """The shared body of the clerk's forms: validate, change, or show why not."""
    response = conflict = None
    if request.method == "POST":
        response, conflict = save_from_form(
            request, form, lambda: change(form.cleaned_data), then=stage or track,
            success=_("De wijziging is vastgelegd."))
    return response or render(request, "legislation/action_form.html", {
        "form": form, "track": track, "stage": stage, "title": title, "intro": intro,
        "conflict": conflict})


@permission_required("legislation.withdraw_lawtrack", raise_exception=True)
def track_withdraw(request, pk):
    track = get_track(pk)
    form = WithdrawForm(request.POST or None, record=track)
    action = track.reinstate if track.withdrawn else track.withdraw

    def change(data):
        action(by=request.user, reason=data["reason"], expected_version=data["version"])

    title = _("Intrekking ongedaan maken") if track.withdrawn else _("Traject intrekken")
    if track.withdrawn:
        intro = _("Ingetrokken op %(date)s: %(reason)s") % {
            "date": date_format(track.withdrawn_on, "j F Y"), "reason": track.withdrawn_reason}
    else:
        intro = _("Het hele traject wordt ingetrokken; de fasen blijven bewaard.")
    return action_view(request, form, change, track=track, title=title, intro=intro)


@permission_required("legislation.add_stage", raise_exception=True)
def stage_add(request, pk):
    track = get_track(pk)
    form = StageAddForm(request.POST or None, track=track)

    def change(data):
        services.stage_add(track=track, form=form, by=request.user)

    return action_view(request, form, change, track=track, title=_("Fase toevoegen"))


@permission_required("legislation.replan_stage", raise_exception=True)
def stage_plan(request, pk, stage_pk):
    stage = get_stage(pk, stage_pk)
    form = StagePlanForm(request.POST or None, record=stage)

    def change(data):
        services.stage_replan(stage=stage, words=data["planned_text"], by=request.user,
                              reason=data["reason"], stated_on=data["stated_on"],
                              expected_version=data["version"], shifts=data["shifts"])

    title = _("Fase herplannen") if stage.planned_text else _("Fase plannen")
    intro = (_("De huidige planning, gegeven op %(date)s, blijft in de geschiedenis.")
             % {"date": date_format(stage.planned_on, "j F Y")} if stage.planned_text else "")
    return action_view(request, form, change, track=stage.track, stage=stage, title=title,
                       intro=intro)


@permission_required("legislation.complete_stage", raise_exception=True)
def stage_start(request, pk, stage_pk):
    stage = get_stage(pk, stage_pk)
    form = StageStartForm(request.POST or None, record=stage)

    def change(data):
        stage.start(data["on"], by=request.user, reason=data["reason"],
                    expected_version=data["version"])

    return action_view(request, form, change, track=stage.track, stage=stage,
                       title=_("Begin van de fase vastleggen"))


@permission_required("legislation.complete_stage", raise_exception=True)
def stage_complete(request, pk, stage_pk):
    stage = get_stage(pk, stage_pk)
    form = StageCompleteForm(request.POST or None, record=stage)

    def change(data):
        stage.complete(data["on"], by=request.user, reason=data["reason"],
                       started_on=data["started_on"], expected_version=data["version"])

    return action_view(request, form, change, track=stage.track, stage=stage,
                       title=_("Fase afronden"))


@permission_required("legislation.edit_progress_stage", raise_exception=True)
def stage_progress(request, pk, stage_pk):
    return progress_view(request, get_stage(pk, stage_pk))


@permission_required("legislation.change_stage", raise_exception=True)
def stage_edit(request, pk, stage_pk):
    stage = get_stage(pk, stage_pk)
    form = StageEditForm(request.POST or None, instance=stage)

    def change(data):
        services.stage_save(form=form, by=request.user)

    return action_view(request, form, change, track=stage.track, stage=stage,
                       title=_("Fase bewerken"))


@permission_required("legislation.change_stage", raise_exception=True)
@require_POST
def stage_move(request, pk, stage_pk):
    stage = get_stage(pk, stage_pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponseBadRequest(_("Richting ‘up’ of ‘down’ ontbreekt."),
                                      content_type="text/plain")
    try:
        stage.track.move_stage(stage, direction, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(stage)
