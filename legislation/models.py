"""Law tracks (wetgevingstrajecten) and their stages, with plans, actual dates and delays."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from commitments.models import Commitment, Motion
from legislation import delay
from legislation.history import plan_moves
from legislation.stage_templates import (
    ORDER_STEP,
    STATE_EXPLANATIONS,
    Instrument,
    StageKind,
    State,
    derive_state,
    stage_display_name,
    template_for,
)
from register.concurrency import Versioned
from register.history import ChangeSource, save_with_history, tracked_history
from register.models import Directorate, Document, Dossier, Ministry, Topic
from register.periods import parse_period


def require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError(gettext("Geef een reden voor deze wijziging."), code="reason")
    return reason.strip()


def require_past_date(on, message):
    if not isinstance(on, datetime.date):
        raise ValidationError(message, code="date")
    if on > timezone.localdate():
        raise ValidationError(gettext("Die datum ligt in de toekomst (%(date)s).")
                              % {"date": date_format(on, "j F Y")}, code="future")
    return on


class LawTrackQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("ministry", "directorate", "owner").prefetch_related(
            "co_ministries", "stages")

    def late(self, today=None):
        """Tracks with a stage whose planned period ended before today and that is unfinished."""
        late_stages = Stage.objects.filter(
            track=OuterRef("pk"), skipped=False, actual_end__isnull=True,
            planned_end__lt=today or timezone.localdate())
        return self.filter(Exists(late_stages), withdrawn=False)

    def for_ministry(self, ministry):
        """First or co-responsible."""
        return self.filter(Q(ministry=ministry) | Q(
            pk__in=LawTrack.co_ministries.through.objects.filter(ministry=ministry)
            .values("lawtrack_id")))


class LawTrack(Versioned):
    title = models.CharField(_("titel"), max_length=300)
    short_name = models.CharField(_("korte naam"), max_length=80, unique=True,
                                  help_text=_("Zoals het in de wandelgangen heet, bijvoorbeeld "
                                              "Lachgasbesluit."))
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)
    ministry = models.ForeignKey(Ministry, models.PROTECT, related_name="law_tracks",
                                 verbose_name=_("eerstverantwoordelijk ministerie"))
    co_ministries = models.ManyToManyField(Ministry, blank=True, related_name="co_law_tracks",
                                           verbose_name=_("medeverantwoordelijke ministeries"))
    directorate = models.ForeignKey(Directorate, models.PROTECT, null=True, blank=True,
                                    related_name="law_tracks", verbose_name=_("directie"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                              related_name="law_tracks", verbose_name=_("eigenaar"))
    dossier = models.ForeignKey(
        Dossier, models.PROTECT, null=True, blank=True, related_name="law_tracks",
        verbose_name=_("Kamerstukdossier"),
        help_text=_("Het eigen dossiernummer, zodra het voorstel bij de Kamer is ingediend."))
    reporting_dossier = models.ForeignKey(
        Dossier, models.PROTECT, null=True, blank=True, related_name="reported_law_tracks",
        verbose_name=_("gerapporteerd in dossier"),
        help_text=_("Het dossier van de voortgangsbrieven die over dit traject berichten, "
                    "bijvoorbeeld 24077 Drugbeleid."))
    description = models.TextField(_("omschrijving"), blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="law_tracks",
                                    verbose_name=_("onderwerpen"))
    commitments = models.ManyToManyField(Commitment, blank=True, related_name="law_tracks",
                                         verbose_name=_("toezeggingen"))
    motions = models.ManyToManyField(Motion, blank=True, related_name="law_tracks",
                                     verbose_name=_("moties"))
    # Derived from the stages (derive_state) and stored, so the list can filter on it in the
    # database; rewritten in the same transaction as every stage change.
    state = models.CharField(_("stand"), max_length=20, choices=State.choices,
                             default=State.PREPARATION, editable=False, db_index=True)
    withdrawn = models.BooleanField(_("ingetrokken"), default=False, editable=False)
    withdrawn_reason = models.TextField(_("reden van intrekking"), blank=True, editable=False)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("geregistreerd"), auto_now_add=True)
    history = tracked_history()

    objects = LawTrackQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("wetgevingstraject")
        verbose_name_plural = _("wetgevingstrajecten")
        permissions = [("withdraw_lawtrack", _("Kan een wetgevingstraject intrekken"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn=False) | ~Q(withdrawn_reason=""),
                name="lawtrack_withdrawn_has_reason",
            ),
        ]

    def __str__(self):
        return self.short_name or self.title

    def get_absolute_url(self):
        return reverse("legislation:detail", args=[self.pk])

    @property
    def ordered_stages(self):
        """The stages in order, from the prefetch cache when there is one."""
        return sorted(self.stages.all(), key=lambda stage: (stage.order, stage.pk))

    @property
    def state_explanation(self):
        return STATE_EXPLANATIONS[self.state]

    @property
    def current_stage(self):
        return next((stage for stage in self.ordered_stages if delay.is_open(stage)), None)

    @property
    def next_milestone(self):
        """The first unfinished stage that has a planned period."""
        return next((stage for stage in self.ordered_stages
                     if delay.is_open(stage) and stage.planned_end), None)

    def slip(self, today=None):
        return delay.track_slip(self.ordered_stages, today or timezone.localdate(),
                                withdrawn=self.withdrawn)

    def add_template_stages(self, *, by, reason, include_optional=True, at=None):
        """Create the stages of the instrument's template after any existing ones."""
        templates = template_for(self.instrument, include_optional=include_optional)
        with transaction.atomic():
            last = max((stage.order for stage in self.stages.all()), default=0)
            for index, template in enumerate(templates, start=1):
                save_with_history(Stage(track=self, kind=template.kind, name=template.name,
                                        order=last + index * ORDER_STEP),
                                  by=by, reason=reason, at=at)
            self.refresh_state(by=by, reason=reason, at=at)

    def refresh_state(self, *, by, reason, source=ChangeSource.PERSON, at=None):
        """Store the state derived from the stages; called inside every stage change.

        Works on a locked fresh copy: `self` may be older than the row (a form's instance).
        """
        with transaction.atomic():
            current = self.locked_copy()
            state = derive_state(list(current.stages.order_by("order", "pk")),
                                 withdrawn=current.withdrawn)
            if state != current.state:
                current.state = state
                save_with_history(current, by=by, reason=reason, source=source, at=at,
                                  update_fields=["state"])
        self.state, self.version = current.state, current.version

    def withdraw(self, *, by, reason, on=None, expected_version=None, at=None):
        """Withdraw the whole track (a flag, not a stage); the reason is kept on the track."""
        reason = require_reason(reason)
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            if current.withdrawn:
                raise ValidationError(gettext("Dit traject is al ingetrokken."), code="withdrawn")
            current.withdrawn, current.withdrawn_reason = True, reason
            current.withdrawn_on = on or timezone.localdate()
            current.state = State.WITHDRAWN
            save_with_history(current, by=by, reason=reason, at=at)
        self.refresh_from_db()
        return self

    def reinstate(self, *, by, reason, expected_version=None, at=None):
        """Undo a withdrawal; the withdrawal and its reason stay in the history."""
        reason = require_reason(reason)
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            if not current.withdrawn:
                raise ValidationError(gettext("Dit traject is niet ingetrokken."),
                                      code="not_withdrawn")
            current.withdrawn, current.withdrawn_reason, current.withdrawn_on = False, "", None
            current.state = derive_state(list(current.stages.order_by("order", "pk")))
            save_with_history(current, by=by, reason=reason, at=at)
        self.refresh_from_db()
        return self

    def move_stage(self, stage, direction, *, by):
        """Swap `stage` with its neighbour ("up" or "down"); both keep a history row."""
        with transaction.atomic():
            stages = list(self.stages.select_for_update().order_by("order", "pk"))
            index = next(i for i, other in enumerate(stages) if other.pk == stage.pk)
            neighbour = index - 1 if direction == "up" else index + 1
            if not 0 <= neighbour < len(stages):
                raise ValidationError(gettext("Deze fase staat al aan de rand."), code="edge")
            first, second = stages[index], stages[neighbour]
            first.order, second.order = second.order, first.order
            if first.order == second.order:  # equal numbers: make the new order visible
                first.order += -1 if direction == "up" else 1
            reason = gettext_noop("Volgorde van de fasen gewijzigd")
            for moved in (first, second):
                save_with_history(moved, by=by, reason=reason)
            self.refresh_state(by=by, reason=reason)


class Stage(Versioned):
    track = models.ForeignKey(LawTrack, models.CASCADE, related_name="stages",
                              verbose_name=_("traject"))
    kind = models.CharField(_("soort fase"), max_length=30, choices=StageKind.choices,
                            default=StageKind.OTHER)
    name = models.CharField(_("naam"), max_length=200)
    order = models.PositiveIntegerField(_("volgorde"))
    planned_text = models.CharField(_("planning (zoals gezegd)"), max_length=300, blank=True,
                                    help_text=_("Bijvoorbeeld: naar verwachting na het "
                                                "zomerreces."))
    planned_on = models.DateField(_("planning gegeven op"), null=True, blank=True,
                                  help_text=_("Relatieve woorden (komend voorjaar) tellen vanaf "
                                              "deze datum."))
    planned_start = models.DateField(_("gepland begin"), null=True, blank=True, editable=False)
    planned_end = models.DateField(_("gepland einde"), null=True, blank=True, editable=False,
                                   db_index=True)
    actual_start = models.DateField(_("werkelijk begin"), null=True, blank=True, editable=False)
    actual_end = models.DateField(_("werkelijk einde"), null=True, blank=True, editable=False)
    skipped = models.BooleanField(_("overgeslagen"), default=False)
    note = models.TextField(_("toelichting"), blank=True)
    # The state of affairs as a letter says it (DESIGN.md "Letters"): kept up by clerks and
    # advisors, with history; the next progress letter is written from it, never from the reason
    # typed at a change, which is internal. A track's letter item reports its current stage's.
    progress = models.TextField(
        _("voortgang"), blank=True,
        help_text=_("Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De "
                    "volgende voortgangsbrief neemt deze tekst over; de reden bij een "
                    "statuswijziging blijft intern."))
    documents = models.ManyToManyField(
        Document, blank=True, related_name="law_stages", verbose_name=_("documenten"),
        help_text=_("Consultatiepagina, advies, Kamerstukken, Staatsblad."))
    history = tracked_history()

    class Meta:
        ordering = ["track", "order", "pk"]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        permissions = [
            ("replan_stage", _("Kan een fase (her)plannen")),
            ("complete_stage", _("Kan het begin en einde van een fase vastleggen")),
            ("edit_progress_stage", _("Kan de voortgang van een fase bijhouden")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(actual_start__isnull=True) | Q(actual_end__isnull=True)
                | Q(actual_end__gte=models.F("actual_start")),
                name="stage_actual_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True) | Q(planned_end__isnull=True)
                | Q(planned_end__gte=models.F("planned_start")),
                name="stage_planned_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.track}: {self.name}"

    def save(self, *args, **kwargs):
        if self.planned_text and not self.planned_on:
            self.planned_on = timezone.localdate()
        self.derive_plan()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "planned_on", "planned_start",
                                       "planned_end"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.track.get_absolute_url()}#fase-{self.pk}"

    @property
    def display_name(self):
        return stage_display_name(self.name, self.kind)

    def derive_plan(self):
        """The planned period from the words, counted from the day the plan was stated."""
        period = parse_period(self.planned_text, self.planned_on) if self.planned_text else None
        self.planned_start = period.start if period else None
        self.planned_end = period.end if period else None

    @property
    def is_done(self):
        return self.actual_end is not None

    @property
    def is_running(self):
        return self.actual_start is not None and self.actual_end is None and not self.skipped

    def slip(self, today=None):
        return delay.stage_slip(self, today or timezone.localdate())

    @property
    def completion_delay(self):
        return delay.completion_delay(self)

    def plan_moves(self):
        """Every plan this stage had, from its history: how often and how far it slipped."""
        return plan_moves(self.history.order_by("history_date", "history_id"))

    def replan(self, words, *, by, reason, stated_on=None, expected_version=None,
               source=ChangeSource.PERSON, at=None):
        """Plan the stage anew in words ("komend voorjaar") stated on `stated_on` (today).

        The earlier plan stays in the history, so how often and how far a stage slipped can
        be read back. Raises ValidationError with a Dutch message when refused.
        """
        reason = require_reason(reason)
        words = (words or "").strip()
        if not words:
            raise ValidationError(gettext("Geef de planning in woorden, bijvoorbeeld ‘na het "
                                          "zomerreces’."), code="words")
        stated_on = require_past_date(stated_on or timezone.localdate(),
                                      gettext("Geef de datum waarop de planning is gegeven."))
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_changeable()
            if (current.planned_text, current.planned_on) == (words, stated_on):
                raise ValidationError(gettext("Dit is al de planning van deze fase."),
                                      code="unchanged")
            current.planned_text, current.planned_on = words, stated_on
            save_with_history(current, by=by, reason=reason, source=source, at=at)
        self.refresh_from_db()
        return self

    def start(self, on, *, by, reason, expected_version=None, source=ChangeSource.PERSON,
              at=None):
        """Record the day the stage actually began."""
        reason = require_reason(reason)
        on = require_past_date(on, gettext("Geef de datum waarop de fase begon."))
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_changeable(allow_done=True)
            if current.actual_end and on > current.actual_end:
                raise ValidationError(
                    gettext("Het begin ligt na het einde van de fase (%(end)s).")
                    % {"end": date_format(current.actual_end, "j F Y")}, code="order")
            current.actual_start = on
            save_with_history(current, by=by, reason=reason, source=source, at=at)
        self.refresh_from_db()
        return self

    def complete(self, on, *, by, reason, started_on=None, expected_version=None,
                 source=ChangeSource.PERSON, at=None):
        """Record the day the stage was finished (and, if given, the day it began).

        The day may not lie in the future nor before the stage's start. The track's state
        follows in the same transaction.
        """
        reason = require_reason(reason)
        on = require_past_date(on, gettext("Geef de datum waarop de fase is afgerond."))
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_changeable(allow_done=True)
            started_on = started_on or current.actual_start
            if started_on and on < started_on:
                raise ValidationError(
                    gettext("De einddatum ligt vóór het begin van de fase (%(start)s).")
                    % {"start": date_format(started_on, "j F Y")}, code="order")
            if current.actual_end == on and current.actual_start == started_on:
                raise ValidationError(gettext("Deze fase is al op die datum afgerond."),
                                      code="unchanged")
            current.actual_start, current.actual_end = started_on, on
            save_with_history(current, by=by, reason=reason, source=source, at=at)
            current.track.refresh_state(by=by, reason=reason, source=source, at=at)
        self.refresh_from_db()
        return self

    def check_changeable(self, *, allow_done=False):
        if self.skipped:
            raise ValidationError(gettext("Deze fase wordt overgeslagen; neem haar eerst weer op."),
                                  code="skipped")
        if self.actual_end and not allow_done:
            raise ValidationError(
                gettext("Deze fase is al afgerond (%(end)s); de planning wijzigt dan niet meer.")
                % {"end": date_format(self.actual_end, "j F Y")}, code="done")
