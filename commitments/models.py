"""Commitments (toezeggingen) and motions (moties), with their status workflows."""

import datetime
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Func, Max, Prefetch, Q, Value
from django.db.models.functions import Cast, Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from commitments.searchwords import commitment_search, motion_search
from register.concurrency import Versioned
from register.history import ChangeSource, save_with_history, tracked_history
from register.models import (
    Committee,
    Debate,
    Directorate,
    Document,
    Dossier,
    Ministry,
    Party,
    Person,
    Topic,
)
from register.periods import dutch_date, explain_period, parse_period
from register.references import Reference


class Status(models.TextChoices):
    OPEN = "open", _("Openstaand")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    PARTLY_DONE = "partly_done", _("Deels afgedaan")
    DONE = "done", _("Afgedaan")
    LAPSED = "lapsed", _("Vervallen")


STATUS_EXPLANATIONS = {
    Status.OPEN: _("Toegezegd en nog niet nagekomen."),
    Status.IN_PROGRESS: _("Het ministerie werkt eraan; voor de Kamer staat de toezegging nog "
                          "open."),
    Status.PARTLY_DONE: _("Gedeeltelijk nagekomen; wat nog resteert staat erbij."),
    Status.DONE: _("Nagekomen met het genoemde document (meestal een brief) op de genoemde datum."),
    Status.LAPSED: _("Hoeft niet meer te worden nagekomen (ingehaald of ingetrokken); de reden "
                     "staat erbij."),
}

# DESIGN.md "Statuses": which status may follow which.
COMMITMENT_TRANSITIONS = {
    Status.OPEN: {Status.IN_PROGRESS, Status.PARTLY_DONE, Status.DONE, Status.LAPSED},
    Status.IN_PROGRESS: {Status.OPEN, Status.PARTLY_DONE, Status.DONE, Status.LAPSED},
    Status.PARTLY_DONE: {Status.PARTLY_DONE, Status.DONE, Status.LAPSED},
    Status.DONE: {Status.IN_PROGRESS},
    Status.LAPSED: {Status.OPEN},
}
OPEN_STATUSES = [Status.OPEN, Status.IN_PROGRESS, Status.PARTLY_DONE]
# The statuses that record a delivery: its document and date.
DELIVERED = (Status.DONE, Status.PARTLY_DONE)
DIGITS = "0123456789"
# The check constraint's message, which CommitmentForm gives at the "Geen termijn" checkbox.
DEADLINE_NONE_WITH_DATES = _("Kies óf ‘Geen termijn’ óf een handmatige termijn met data, niet "
                             "allebei.")


def is_overdue(status, deadline_end, today):
    """Open, in progress or partly done, with a deadline that ended before today (DESIGN.md);
    CommitmentQuerySet.overdue is the same rule in SQL."""
    return status in OPEN_STATUSES and deadline_end is not None and deadline_end < today


def as_choice(choices, value):
    try:
        return choices(value)
    except ValueError:
        raise ValidationError(gettext("Onbekende waarde: %(value)s.") % {"value": value},
                              code="invalid_choice") from None


def require_remaining(remaining):
    """Partly done (or partly executed) states what remains: given now, or stated before."""
    if not (remaining or "").strip():
        raise ValidationError(gettext("Vermeld wat nog resteert: dat hoort bij een deels "
                                      "nagekomen toezegging of deels uitgevoerde motie."),
                              code="remaining")


def require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError(gettext("Geef een reden voor deze wijziging."), code="reason")
    return reason.strip()


class SearchWordsQuerySet(models.QuerySet):
    def refresh_search(self):
        """Derive the search words again, after a person, dossier, paper, owner, directorate or
        topic they name changed.
        Written without a history row: the search words are not part of the history."""
        rows = list(self.select_related(*self.model.SEARCH_RELATED)
                    .prefetch_related(*self.model.SEARCH_PREFETCH))
        for row in rows:
            row.derive_search()
        self.model.objects.bulk_update(rows, ["search_title", "search_text"], batch_size=500)
        return len(rows)


class CommitmentQuerySet(SearchWordsQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Open, in progress or partly done, with a deadline that ended before today (the rule of
        `is_overdue`)."""
        return self.open().filter(deadline_end__lt=today or timezone.localdate())

    def on_rappel(self, reference_date):
        """What the Eerste Kamer's rappel of `reference_date` (1 January or 1 July) lists:
        commitments made to the Eerste Kamer (those with its T-number), open or partly met,
        whose deadline ended before the reference date. The dashboard's rappel list, the list's
        `rappel` filter and the answer to the rappel (letters) all ask this (DESIGN.md
        "Letters")."""
        return self.open().filter(deadline_end__lt=reference_date).exclude(ek_number="")

    def for_list(self):
        """What a list row shows: the bewindspersoon (by name or, failing that, by office).

        Prefetched rather than joined, so that each person is one object with one list of
        offices however many rows are theirs: on a list of a hundred rows of a few people that
        is cheaper than a hundred copies, though it takes one query more.
        """
        return self.prefetch_related(Prefetch("bewindspersoon",
                                              Person.objects.prefetch_related("offices")))


def starting_with(prefix):
    """Numbers that start with `prefix`, in a form the unique index on `number` serves.

    PostgreSQL's LIKE 'prefix%' uses the pattern index Django adds to a unique varchar. SQLite's
    LIKE ignores case, so no index serves it there; its columns compare byte by byte, so the
    prefix is the range [prefix, prefix with its last character counted one up).
    """
    if connection.vendor == "sqlite":
        return Q(number__gte=prefix, number__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
    return Q(number__startswith=prefix)


def last_running_number(prefix):
    """The highest n of the numbers `prefix` + n (digits only), 0 if none: one aggregate query
    over the index range of the prefix. Numbers whose rest is not all digits do not count."""
    rest = Substr("number", len(prefix) + 1)
    numbers = (Commitment.objects.filter(starting_with(prefix))
               .alias(letters=Func(rest, Value(DIGITS), function="RTRIM",
                                   output_field=models.CharField()),
                      length=Length(rest))
               .filter(letters="", length__range=(1, 18)))
    return numbers.aggregate(last=Max(Cast(rest, models.BigIntegerField())))["last"] or 0


class Commitment(Versioned):
    number = models.CharField(_("nummer"), max_length=30, unique=True, editable=False)
    tk_number = models.CharField(_("nummer Tweede Kamer"), max_length=20, blank=True,
                                 db_index=True, help_text="TZ202412-116")
    tk_status = models.CharField(_("status bij de Tweede Kamer"), max_length=30, blank=True)
    # The Tweede Kamer's own record (open data): its id, the activity it was made in, its notes.
    tk_id = models.CharField(_("Tweede Kamer-id"), max_length=40, blank=True, db_index=True)
    tk_activity_number = models.CharField(_("activiteitnummer Tweede Kamer"), max_length=20,
                                          blank=True)
    tk_notes = models.TextField(_("notities Tweede Kamer"), blank=True)
    tk_modified = models.DateTimeField(_("gewijzigd bij de Tweede Kamer"), null=True, blank=True)
    ek_number = models.CharField(_("nummer Eerste Kamer"), max_length=20, blank=True,
                                 db_index=True, help_text="T01970")
    ek_status = models.CharField(_("status bij de Eerste Kamer"), max_length=30, blank=True)
    title = models.CharField(_("korte titel"), max_length=200)
    text = models.TextField(_("tekst van de toezegging"),
                            help_text=_("Zoals uitgesproken of geschreven."))
    bewindspersoon = models.ForeignKey(Person, models.PROTECT, related_name="commitments_made",
                                       verbose_name=_("bewindspersoon"))
    ministry = models.ForeignKey(Ministry, models.PROTECT, related_name="commitments",
                                 verbose_name=_("ministerie"))
    debate = models.ForeignKey(Debate, models.PROTECT, null=True, blank=True,
                               related_name="commitments", verbose_name=_("gedaan in debat"))
    made_in = models.ForeignKey(Document, models.PROTECT, null=True, blank=True,
                                related_name="commitments_made",
                                verbose_name=_("gedaan in document"))
    made_on = models.DateField(_("datum toezegging"))
    to_member = models.ForeignKey(Person, models.PROTECT, null=True, blank=True,
                                  related_name="commitments_received",
                                  verbose_name=_("toegezegd aan (lid)"))
    to_party = models.ForeignKey(Party, models.PROTECT, null=True, blank=True,
                                 related_name="commitments",
                                 verbose_name=_("toegezegd aan (fractie)"))
    committee = models.ForeignKey(Committee, models.PROTECT, null=True, blank=True,
                                  related_name="commitments", verbose_name=_("commissie"))
    dossier = models.ForeignKey(Dossier, models.PROTECT, null=True, blank=True,
                                related_name="commitments", verbose_name=_("dossier"))
    topics = models.ManyToManyField(Topic, blank=True, related_name="commitments",
                                    verbose_name=_("onderwerpen"))
    deadline_text = models.CharField(_("termijn (zoals gezegd)"), max_length=300, blank=True,
                                     help_text=_("Bijvoorbeeld: voor het zomerreces."))
    deadline_parsed_start = models.DateField(_("termijn begin (afgeleid)"), null=True, blank=True,
                                             editable=False)
    deadline_parsed_end = models.DateField(_("termijn einde (afgeleid)"), null=True, blank=True,
                                           editable=False)
    deadline_override_start = models.DateField(_("termijn begin (handmatig)"), null=True,
                                               blank=True)
    deadline_override_end = models.DateField(_("termijn einde (handmatig)"), null=True, blank=True)
    # The parser may read a year that belongs to something else (the year money is for, "het
    # tekort voor 2027") as a deadline. The clerk says so here rather than deleting the words as
    # spoken (which an import may bring back). The help text's examples are words the parser
    # still reads as a deadline (a test keeps them so).
    deadline_none = models.BooleanField(
        _("Geen termijn (de woorden noemen geen termijn)"), default=False,
        help_text=_("Aanvinken als de woorden wel een datum bevatten maar geen termijn noemen, "
                    "bijvoorbeeld ‘het tekort voor 2027’ of ‘de onderbesteding in 2027’."))
    # The effective period: the clerk's override when set (dates, or none at all with
    # deadline_none), else the parsed one. Stored, not
    # computed per query, so the overdue and due filters can use an index.
    deadline_start = models.DateField(_("termijn begin"), null=True, blank=True, editable=False)
    deadline_end = models.DateField(_("termijn einde"), null=True, blank=True, editable=False,
                                    db_index=True)
    # The parsed period rests on estimated recess dates: rederive_deadlines derives it again once
    # the calendar data gives that year (DESIGN.md "The parliamentary calendar").
    deadline_estimated = models.BooleanField(_("termijn geschat"), default=False, editable=False)
    # The clerk's choice replaces the parsed period: override dates or deadline_none.
    deadline_overridden = models.BooleanField(_("termijn handmatig"), default=False,
                                              editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.OPEN, db_index=True)
    # Who set the status last: an import follows the Kamer only while no person here did.
    status_source = models.CharField(_("status gezet door"), max_length=10,
                                     choices=ChangeSource.choices, default=ChangeSource.PERSON,
                                     editable=False)
    remaining = models.TextField(_("wat nog resteert"), blank=True)
    # The state of affairs as a letter says it (DESIGN.md "Letters"): kept up by clerks and
    # advisors, with history; the next progress letter is written from it, never from a status
    # change's reason, which is internal.
    progress = models.TextField(
        _("voortgang"), blank=True,
        help_text=_("Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De "
                    "volgende voortgangsbrief neemt deze tekst over; de reden bij een "
                    "statuswijziging blijft intern."))
    delivered_on = models.DateField(_("nagekomen op"), null=True, blank=True)
    delivered_by = models.ForeignKey(Document, models.PROTECT, null=True, blank=True,
                                     related_name="commitments_delivered",
                                     verbose_name=_("nagekomen met"))
    directorate = models.ForeignKey(Directorate, models.PROTECT, null=True, blank=True,
                                    related_name="commitments", verbose_name=_("directie"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                              related_name="commitments", verbose_name=_("eigenaar"))
    notes = models.TextField(_("interne notities"), blank=True)
    created_at = models.DateTimeField(_("geregistreerd"), auto_now_add=True)
    # Normalised words for search (register/search.py); derived on every save.
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    history = tracked_history(correctable=True, excluded_fields=["search_title", "search_text"])

    objects = CommitmentQuerySet.as_manager()
    SEARCH_RELATED = ["dossier", "bewindspersoon", "to_member", "made_in__dossier",
                      "delivered_by__dossier", "owner", "directorate"]
    SEARCH_PREFETCH = ["topics"]

    class Meta:
        ordering = [models.F("deadline_end").asc(nulls_last=True), "number"]
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        permissions = [
            ("change_status_commitment", _("Kan de status van een toezegging wijzigen")),
            ("edit_progress_commitment", _("Kan de voortgang van een toezegging bijhouden")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(delivered_on__isnull=False),
                name="commitment_done_has_delivery_date",
            ),
            models.CheckConstraint(
                condition=Q(deadline_start__isnull=True) | Q(deadline_end__isnull=True)
                | Q(deadline_end__gte=models.F("deadline_start")),
                name="commitment_deadline_ordered",
            ),
            # "Geen termijn" and override dates contradict each other; CommitmentForm says so
            # at the checkbox, with this message.
            models.CheckConstraint(
                condition=Q(deadline_none=False) | Q(deadline_override_start__isnull=True,
                                                     deadline_override_end__isnull=True),
                name="commitment_deadline_none_without_dates",
                violation_error_message=DEADLINE_NONE_WITH_DATES,
            ),
        ]
        indexes = [
            # "What is open for this bewindspersoon (in this dossier)?": the list's rows and its
            # counts per status and deadline come from this index without reading the rows.
            models.Index(fields=["bewindspersoon", "dossier", "status", "deadline_end"],
                         name="commitment_person_dossier"),
            # The same without those filters: the counts of the whole list (grouped by status
            # and deadline end), and the rows of a status in deadline order ("open and overdue").
            models.Index(fields=["status", "deadline_end"], name="commitment_status_deadline"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.derive_deadline()
        if self.number:
            self.derive_search()
            return super().save(*args, **kwargs)
        # A generated number can collide with a concurrent registration: try the next one.
        for _attempt in range(5):
            self.number = self.next_number()
            self.derive_search()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Commitment.objects.filter(number=self.number).exists():
                    raise
        raise IntegrityError("no free commitment number")

    def get_absolute_url(self):
        return reverse("commitments:detail", args=[self.pk])

    def next_number(self):
        """TZ-VWS-2024-007: the ministry, the year it was made, one more than the highest
        running number of that ministry and year (gaps are not filled, 999 is followed by 1000).
        """
        prefix = f"TZ-{self.ministry.abbreviation}-{self.made_on.year}-"
        return f"{prefix}{last_running_number(prefix) + 1:03d}"

    def derive_search(self, *, cached_only=False):
        self.search_title, self.search_text = commitment_search(self, cached_only)

    def derive_deadline(self):
        """Parse the deadline words relative to the day they were spoken; apply an override (the
        clerk's "Geen termijn" gives no period; the parsed one stays stored, to be shown)."""
        period = parse_period(self.deadline_text, self.made_on,
                              budget_debate=self.own_budget_debate) if self.deadline_text else None
        self.deadline_parsed_start = period.start if period else None
        self.deadline_parsed_end = period.end if period else None
        self.deadline_estimated = bool(period and period.estimated)
        self.deadline_overridden = bool(self.deadline_none or self.deadline_override_start
                                        or self.deadline_override_end)
        if self.deadline_none:
            self.deadline_start = self.deadline_end = None
        elif self.deadline_overridden:
            self.deadline_start = self.deadline_override_start or self.deadline_override_end
            self.deadline_end = self.deadline_override_end or self.deadline_override_start
        else:
            self.deadline_start, self.deadline_end = (self.deadline_parsed_start,
                                                      self.deadline_parsed_end)

    def own_budget_debate(self, year):
        return Debate.budget_debate_day(self.ministry_id, year)

    @property
    def status_explanation(self):
        return STATUS_EXPLANATIONS[self.status]

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None):
        return is_overdue(self.status, self.deadline_end, today or timezone.localdate())

    def allowed_statuses(self):
        return [status for status in Status if status in COMMITMENT_TRANSITIONS[self.status]]

    def change_status(self, new, *, by, reason, document=None, on=None, remaining=None,
                      source=ChangeSource.PERSON, expected_version=None, at=None):
        """Move to status `new`, checked against DESIGN.md, saved with a history row.

        `document` is the delivering document (required for done); `remaining` what remains to
        be delivered (required for partly done unless stated before); `on` the date of delivery,
        default the document's date or today; `at` dates the history row of a replayed past
        change. Raises ValidationError with a Dutch message when refused. The Kamer's own register
        is not changed through here: its import records the Kamer's status as it is
        (commitments.tk_import), done without the document included.
        """
        new = as_choice(Status, new)
        reason = require_reason(reason)
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_transition(new, document=document, remaining=remaining, on=on)
            current.apply_status(new, document, on, remaining)
            current.status_source = source
            save_with_history(current, by=by, reason=reason, source=source, at=at)
        self.refresh_from_db()
        return self

    def check_transition(self, new, *, document=None, remaining=None, on=None):
        """Whether this commitment may move to status `new` (DESIGN.md "Statuses"): the only
        home of these rules. The status form, the spreadsheet (its preview on a copy), letters
        and commands all come here. Raises ValidationError; its code names what is missing or
        out of place ("transition", "document", "delivered_on", "remaining"). Only the import of
        the Kamer's own register (tk_import) records the status as the Kamer states it, without
        a document or what remains, which its data do not hold (DESIGN.md "Statuses")."""
        if new not in COMMITMENT_TRANSITIONS[self.status]:
            raise ValidationError(
                gettext("Een toezegging met status ‘%(old)s’ kan niet naar ‘%(new)s’.")
                % {"old": self.get_status_display(), "new": Status(new).label},
                code="transition")
        self.check_delivery(new, document=document, remaining=remaining, on=on)

    def check_delivery(self, new, *, document=None, remaining=None, on=None):
        """What status `new` needs besides being allowed (a transition or a correction): done
        its document, partly done what remains; a document or a date only where a delivery is
        recorded."""
        if new == Status.DONE and document is None:
            raise ValidationError(
                gettext("Bij ‘Afgedaan’ hoort het document waarmee de toezegging is nagekomen: "
                        "kies er een of typ een verwijzing."), code="document")
        if document is not None and new not in DELIVERED:
            # It would be dropped without a word (apply_status keeps it only for these two).
            raise ValidationError(
                gettext("Een document hoort alleen bij ‘Afgedaan’ of ‘Deels afgedaan’; bij "
                        "‘%(new)s’ wordt het niet vastgelegd. Maak het documentveld leeg of "
                        "kies een andere status.") % {"new": Status(new).label},
                code="document")
        if on is not None and new not in DELIVERED:
            # Likewise the date: the history dates the change itself, when it was recorded.
            raise ValidationError(
                gettext("Een datum hoort alleen bij ‘Afgedaan’ of ‘Deels afgedaan’ (de datum "
                        "van nakoming); bij ‘%(new)s’ wordt hij niet vastgelegd. Maak het "
                        "datumveld leeg of kies een andere status.") % {"new": Status(new).label},
                code="delivered_on")
        if new == Status.PARTLY_DONE:
            require_remaining(self.remaining if remaining is None else remaining)

    def correct(self, *, by, reason, status, document=None, on=None, expected_version=None):
        """A clerk's correction: set the status and delivery that should have been recorded,
        from any status (a wrong "done" back to open, another delivering document). Not a
        transition: its history row is marked as a correction, which reports of status changes
        leave out. Done still needs its document, and nothing else may be left unchanged."""
        status = as_choice(Status, status)
        reason = require_reason(reason)
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_delivery(status, document=document, on=on)
            before = (current.status, current.delivered_by_id, current.delivered_on)
            current.status = status
            if status in DELIVERED and (document or on):
                current.delivered_by = document
                current.delivered_on = on or (document.date if document else None) \
                    or timezone.localdate()
            elif status != Status.PARTLY_DONE:
                current.delivered_by, current.delivered_on = None, None
            if (current.status, current.delivered_by_id, current.delivered_on) == before:
                raise ValidationError(gettext("Deze correctie verandert niets."),
                                      code="unchanged")
            current.status_source = ChangeSource.PERSON
            save_with_history(current, by=by, reason=reason, correction=True)
        self.refresh_from_db()
        return self

    def apply_status(self, new, document, on, remaining):
        self.status = new
        if remaining is not None:
            self.remaining = remaining
        if new == Status.DONE or (new == Status.PARTLY_DONE and (document or on)):
            self.delivered_by = document or self.delivered_by
            self.delivered_on = on or (document.date if document else None) \
                or timezone.localdate()
        elif new in (Status.OPEN, Status.IN_PROGRESS):
            # Reopened: no longer delivered; the earlier delivery stays in the history.
            self.delivered_by, self.delivered_on = None, None


class DeadlineReminder(models.Model):
    """The sent-log of the deadline digest: an item goes to an owner at most once a day."""

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="reminders")
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["commitment", "user", "sent_on"],
                                               name="one_reminder_a_day")]

    def __str__(self):
        return f"{self.commitment.number} → {self.user} ({self.sent_on})"


class CommitmentRelation(models.Model):
    """How one commitment relates to another, as the Kamer's register records it."""

    class Kind(models.TextChoices):
        REPEAT_OF = "repeat_of", _("herhaling van")
        CHANGE_OF = "change_of", _("wijziging van")
        SUPPLEMENT_TO = "supplement_to", _("aanvulling op")

    source = models.ForeignKey(Commitment, models.CASCADE, related_name="relations")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    target = models.ForeignKey(Commitment, models.CASCADE, related_name="related_from",
                               verbose_name=_("andere toezegging"))
    history = tracked_history()

    class Meta:
        verbose_name = _("relatie tussen toezeggingen")
        verbose_name_plural = _("relaties tussen toezeggingen")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "target"], name="unique_relation"),
            models.CheckConstraint(condition=~Q(source=models.F("target")),
                                   name="relation_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.source.number} {self.get_kind_display()} {self.target.number}"


class VoteOutcome(models.TextChoices):
    SUBMITTED = "submitted", _("Ingediend")
    HELD = "held", _("Aangehouden")
    ADOPTED = "adopted", _("Aangenomen")
    REJECTED = "rejected", _("Verworpen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class Appreciation(models.TextChoices):
    OORDEEL_KAMER = "oordeel_kamer", _("Oordeel Kamer")
    ONTRADEN = "ontraden", _("Ontraden")
    OVERGENOMEN = "overgenomen", _("Overgenomen")
    ONTIJDIG = "ontijdig", _("Ontijdig")
    AANHOUDEN = "aanhouden", _("Verzoek aan te houden")


class Execution(models.TextChoices):
    OPEN = "open", _("Openstaand")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    PARTLY_EXECUTED = "partly_executed", _("Deels uitgevoerd")
    EXECUTED = "executed", _("Uitgevoerd")


EXECUTION_EXPLANATIONS = {
    Execution.OPEN: _("Aangenomen en nog niet uitgevoerd."),
    Execution.IN_PROGRESS: _("Het ministerie werkt aan de uitvoering."),
    Execution.PARTLY_EXECUTED: _("Gedeeltelijk uitgevoerd; wat nog resteert staat erbij."),
    Execution.EXECUTED: _("Uitgevoerd; het document dat dat aan de Kamer meldde staat erbij."),
}

# Which vote outcome may follow which: a held motion can still be voted on or withdrawn.
VOTE_TRANSITIONS = {
    VoteOutcome.SUBMITTED: {VoteOutcome.HELD, VoteOutcome.ADOPTED, VoteOutcome.REJECTED,
                            VoteOutcome.WITHDRAWN},
    VoteOutcome.HELD: {VoteOutcome.ADOPTED, VoteOutcome.REJECTED, VoteOutcome.WITHDRAWN},
    VoteOutcome.ADOPTED: set(),
    VoteOutcome.REJECTED: set(),
    VoteOutcome.WITHDRAWN: set(),
}
EXECUTION_TRANSITIONS = {
    Execution.OPEN: {Execution.IN_PROGRESS, Execution.PARTLY_EXECUTED, Execution.EXECUTED},
    Execution.IN_PROGRESS: {Execution.OPEN, Execution.PARTLY_EXECUTED, Execution.EXECUTED},
    Execution.PARTLY_EXECUTED: {Execution.PARTLY_EXECUTED, Execution.EXECUTED},
    Execution.EXECUTED: {Execution.IN_PROGRESS},
}
OPEN_EXECUTIONS = [Execution.OPEN, Execution.IN_PROGRESS, Execution.PARTLY_EXECUTED]
# The execution statuses that record the report: its document and date.
REPORTED = (Execution.EXECUTED, Execution.PARTLY_EXECUTED)


class MotionQuerySet(SearchWordsQuerySet):
    def for_list(self):
        return self.select_related("dossier", "debate", "owner", "directorate")

    def dossier_missing(self):
        """Motions imported from the Kamer without their dossier: a clerk completes them."""
        return self.filter(dossier__isnull=True)


@dataclass(frozen=True)
class UnplacedReference:
    """What stands for the Kamerstuk of a motion whose dossier is not known yet (imported from a
    record of the Kamer that did not name it): its number and the Kamer's document number."""

    number: str
    document: str
    url = ""
    ident = None

    def __str__(self):
        return gettext("nr. %(number)s, dossier nog aan te vullen%(document)s") % {
            "number": self.number, "document": f" ({self.document})" if self.document else ""}


class Motion(Versioned):
    # Empty only for a motion imported from a record of the Kamer that does not name its dossier
    # (a Document without $expand=Kamerstukdossier): a clerk completes it (/verschillen/).
    dossier = models.ForeignKey(Dossier, models.PROTECT, null=True, blank=True,
                                related_name="motions", verbose_name=_("dossier"))
    number = models.CharField(_("nummer"), max_length=10,
                              help_text=_("Het Kamerstuknummer binnen het dossier, bijvoorbeeld "
                                          "453."))
    title = models.CharField(_("titel"), max_length=300)
    text = models.TextField(_("tekst"), blank=True,
                            help_text=_("De volledige tekst: overwegende … verzoekt de regering …"))
    submitters = models.ManyToManyField(Person, through="MotionSubmitter", related_name="motions",
                                        verbose_name=_("indieners"))
    debate = models.ForeignKey(Debate, models.PROTECT, null=True, blank=True,
                               related_name="motions", verbose_name=_("debat"))
    filed_on = models.DateField(_("ingediend op"), null=True, blank=True)
    vote_outcome = models.CharField(_("uitslag"), max_length=20, choices=VoteOutcome.choices,
                                    default=VoteOutcome.SUBMITTED)
    voted_on = models.DateField(_("datum uitslag"), null=True, blank=True)
    appreciation = models.CharField(_("kabinetsappreciatie"), max_length=20, blank=True,
                                    choices=Appreciation.choices)
    execution_status = models.CharField(_("uitvoering"), max_length=20, blank=True,
                                        choices=Execution.choices, db_index=True)
    reported_by = models.ForeignKey(Document, models.PROTECT, null=True, blank=True,
                                    related_name="motions_reported",
                                    verbose_name=_("uitvoering gemeld in"))
    reported_on = models.DateField(_("uitvoering gemeld op"), null=True, blank=True)
    remaining = models.TextField(_("wat nog resteert"), blank=True)
    # The state of affairs as a letter says it (DESIGN.md "Letters"): kept up by clerks and
    # advisors, with history; the next progress letter is written from it, never from a status
    # change's reason, which is internal.
    progress = models.TextField(
        _("voortgang"), blank=True,
        help_text=_("Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De "
                    "volgende voortgangsbrief neemt deze tekst over; de reden bij een "
                    "statuswijziging blijft intern."))
    directorate = models.ForeignKey(Directorate, models.PROTECT, null=True, blank=True,
                                    related_name="motions", verbose_name=_("directie"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                              related_name="motions", verbose_name=_("eigenaar"))
    notes = models.TextField(_("interne notities"), blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="motions",
                                    verbose_name=_("onderwerpen"))
    tk_document_number = models.CharField(_("documentnummer Tweede Kamer"), max_length=20,
                                          blank=True, help_text="2023D03544")
    tk_id = models.CharField(_("Tweede Kamer-id"), max_length=40, blank=True, db_index=True)
    # The same motion as a Zaak of the Kamer (where its vote and submitters are recorded).
    tk_zaak_id = models.CharField(_("Tweede Kamer-id van de zaak"), max_length=40, blank=True,
                                  db_index=True)
    tk_zaak_number = models.CharField(_("zaaknummer Tweede Kamer"), max_length=20, blank=True,
                                      help_text="2025Z06938")
    # The dossier's title as the Kamer's record gives it, kept while the dossier is not known:
    # with the number it finds the motion again when the Kamer names the dossier.
    tk_dossier_title = models.CharField(_("dossiertitel bij de Tweede Kamer"), max_length=300,
                                        blank=True)
    tk_deleted_at = models.DateTimeField(_("verwijderd bij de Tweede Kamer"), null=True,
                                         blank=True)
    created_at = models.DateTimeField(_("geregistreerd"), auto_now_add=True)
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    history = tracked_history(correctable=True, excluded_fields=["search_title", "search_text"])

    objects = MotionQuerySet.as_manager()
    SEARCH_RELATED = ["dossier", "reported_by__dossier", "owner", "directorate"]
    SEARCH_PREFETCH = ["submitter_rows__person", "topics"]

    class Meta:
        ordering = ["dossier__number", "number"]
        verbose_name = _("motie")
        verbose_name_plural = _("moties")
        permissions = [
            ("change_status_motion", _("Kan de uitvoering van een motie wijzigen")),
            ("record_vote_motion", _("Kan de stemmingsuitslag van een motie vastleggen")),
            ("edit_progress_motion", _("Kan de voortgang van een motie bijhouden")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="unique_motion_number"),
            models.CheckConstraint(condition=Q(execution_status="") | Q(vote_outcome="adopted"),
                                   name="motion_executed_only_when_adopted"),
        ]

    def __str__(self):
        return gettext("Motie %(reference)s: %(title)s") % {"reference": self.reference,
                                                             "title": self.title}

    def save(self, *args, **kwargs):
        self.derive_search()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("commitments:motion-detail", args=[self.pk])

    def derive_search(self, *, cached_only=False):
        # A motion being created has no submitters yet: they are added after it is saved, and
        # their rows refresh its search words (commitments/signals.py).
        adding = self._state.adding or cached_only
        submitters = [] if adding else [row.person for row in self.submitter_rows.all()]
        self.search_title, self.search_text = motion_search(
            self, self.placed_dossier(), submitters, cached_only)

    def placed_dossier(self):
        """The dossier, or None while it is to be completed (also for a motion being imported
        whose dossier has no row yet)."""
        field = self._meta.get_field("dossier")
        if field.is_cached(self):
            return field.get_cached_value(self)
        return self.dossier if self.dossier_id else None

    @property
    def reference(self):
        dossier = self.placed_dossier()
        if dossier is None:
            return UnplacedReference(self.number, self.tk_document_number or self.tk_zaak_number)
        return Reference(kind="kamerstuk", dossier=dossier.number, number=self.number)

    @property
    def execution_explanation(self):
        return EXECUTION_EXPLANATIONS.get(self.execution_status, "")

    @property
    def is_open(self):
        return self.execution_status in OPEN_EXECUTIONS

    def allowed_outcomes(self):
        allowed = VOTE_TRANSITIONS[self.vote_outcome]
        return [outcome for outcome in VoteOutcome if outcome in allowed]

    def allowed_executions(self):
        if self.vote_outcome != VoteOutcome.ADOPTED:
            return []
        return [status for status in Execution
                if status in EXECUTION_TRANSITIONS[self.execution_status]]

    def clean(self):
        super().clean()
        self.check_vote_date(self.voted_on)

    def check_vote_date(self, on):
        """A motion is voted on after it was filed, never before."""
        if on and self.filed_on and on < self.filed_on:
            raise ValidationError(
                gettext("De datum van de uitslag (%(on)s) ligt vóór de indiening van de motie "
                        "(%(filed)s).") % {"on": date_format(on, "j F Y"),
                                           "filed": date_format(self.filed_on, "j F Y")},
                code="vote_date")

    def record_vote(self, outcome, *, by, reason, on, source=ChangeSource.PERSON,
                    expected_version=None, at=None):
        """Record the Kamer's vote (or that the motion was held or withdrawn)."""
        outcome = as_choice(VoteOutcome, outcome)
        reason = require_reason(reason)
        if not isinstance(on, datetime.date):
            raise ValidationError(gettext("Geef de datum van de uitslag."), code="date")
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_vote_date(on)
            if outcome not in VOTE_TRANSITIONS[current.vote_outcome]:
                raise ValidationError(
                    gettext("Een motie met uitslag ‘%(old)s’ kan niet naar ‘%(new)s’.")
                    % {"old": current.get_vote_outcome_display(), "new": outcome.label},
                    code="transition")
            current.vote_outcome, current.voted_on = outcome, on
            if outcome == VoteOutcome.ADOPTED:
                current.execution_status = Execution.OPEN
            save_with_history(current, by=by, reason=reason, source=source, at=at)
        self.refresh_from_db()
        return self

    def change_status(self, new_execution_status, *, by, reason, document=None, on=None,
                      remaining=None, source=ChangeSource.PERSON, expected_version=None,
                      at=None):
        """Change the execution status of an adopted motion (see Commitment.change_status)."""
        new = as_choice(Execution, new_execution_status)
        reason = require_reason(reason)
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_execution(new, document=document, remaining=remaining, on=on)
            current.apply_execution(new, document, on, remaining)
            save_with_history(current, by=by, reason=reason, source=source, at=at)
        self.refresh_from_db()
        return self

    def check_execution(self, new, *, document=None, remaining=None, on=None):
        """Whether this motion's execution may move to `new`: only an adopted motion is
        executed, along EXECUTION_TRANSITIONS; executed names the document that reported it,
        partly executed what remains. Raises ValidationError (codes "not_adopted",
        "transition", "document", "reported_on", "remaining")."""
        if self.vote_outcome != VoteOutcome.ADOPTED:
            raise ValidationError(gettext("Alleen een aangenomen motie wordt uitgevoerd."),
                                  code="not_adopted")
        if new not in EXECUTION_TRANSITIONS[self.execution_status]:
            raise ValidationError(
                gettext("Een motie met uitvoering ‘%(old)s’ kan niet naar ‘%(new)s’.")
                % {"old": self.get_execution_status_display(), "new": Execution(new).label},
                code="transition")
        self.check_report(new, document=document, remaining=remaining, on=on)

    def check_report(self, new, *, document=None, remaining=None, on=None):
        """What execution status `new` needs besides being allowed (a transition or a
        correction): executed its document, partly executed what remains; a document or a
        date only where the report is recorded."""
        if new == Execution.EXECUTED and document is None:
            raise ValidationError(
                gettext("Bij ‘Uitgevoerd’ hoort het document waarin de uitvoering is gemeld: "
                        "kies er een of typ een verwijzing."), code="document")
        if document is not None and new not in REPORTED:
            raise ValidationError(
                gettext("Een document hoort alleen bij ‘Uitgevoerd’ of ‘Deels uitgevoerd’; bij "
                        "‘%(new)s’ wordt het niet vastgelegd. Maak het documentveld leeg of "
                        "kies een andere uitvoering.") % {"new": Execution(new).label},
                code="document")
        if on is not None and new not in REPORTED:
            raise ValidationError(
                gettext("Een datum hoort alleen bij ‘Uitgevoerd’ of ‘Deels uitgevoerd’ (de datum "
                        "van de melding); bij ‘%(new)s’ wordt hij niet vastgelegd. Maak het "
                        "datumveld leeg of kies een andere uitvoering.")
                % {"new": Execution(new).label},
                code="reported_on")
        if new == Execution.PARTLY_EXECUTED:
            require_remaining(self.remaining if remaining is None else remaining)

    def correct(self, *, by, reason, outcome, on, execution="", document=None, reported_on=None,
                expected_version=None):
        """A clerk's correction of the vote (outcome and date) and of the execution (status and
        the document that reported it), from any state. Not a transition: its history row is
        marked as a correction. The vote date follows the filing date; an adopted motion has an
        execution status and only an adopted one; executed names its document."""
        outcome = as_choice(VoteOutcome, outcome)
        reason = require_reason(reason)
        execution = as_choice(Execution, execution) if outcome == VoteOutcome.ADOPTED else ""
        if outcome != VoteOutcome.SUBMITTED and not on:
            raise ValidationError(gettext("Geef de datum van de uitslag."), code="date")
        with transaction.atomic():
            current = self.locked_copy(expected_version)
            current.check_vote_date(on)
            if execution:
                current.check_report(execution, document=document, on=reported_on)
            before = current.correctable_values()
            current.vote_outcome, current.voted_on = outcome, on
            current.execution_status = execution
            if execution in REPORTED and (document or reported_on):
                current.reported_by = document
                current.reported_on = reported_on or (document.date if document else None) \
                    or timezone.localdate()
            elif execution != Execution.PARTLY_EXECUTED:
                current.reported_by, current.reported_on = None, None
            if current.correctable_values() == before:
                raise ValidationError(gettext("Deze correctie verandert niets."),
                                      code="unchanged")
            save_with_history(current, by=by, reason=reason, correction=True)
        self.refresh_from_db()
        return self

    def correctable_values(self):
        return (self.vote_outcome, self.voted_on, self.execution_status, self.reported_by_id,
                self.reported_on)

    def apply_execution(self, new, document, on, remaining):
        self.execution_status = new
        if remaining is not None:
            self.remaining = remaining
        if new == Execution.EXECUTED or (new == Execution.PARTLY_EXECUTED and (document or on)):
            self.reported_by = document or self.reported_by
            self.reported_on = on or (document.date if document else None) or timezone.localdate()
        elif new in (Execution.OPEN, Execution.IN_PROGRESS):
            self.reported_by, self.reported_on = None, None


class MotionSubmitter(models.Model):
    """A submitter of a motion with the party at the time; order 0 is the first submitter."""

    motion = models.ForeignKey(Motion, models.CASCADE, related_name="submitter_rows")
    person = models.ForeignKey(Person, models.PROTECT, related_name="motion_rows",
                               verbose_name=_("lid"))
    party = models.ForeignKey(Party, models.PROTECT, null=True, blank=True,
                              verbose_name=_("fractie"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = tracked_history()

    class Meta:
        ordering = ["order"]
        verbose_name = _("indiener")
        verbose_name_plural = _("indieners")
        constraints = [
            models.UniqueConstraint(fields=["motion", "person"], name="unique_submitter"),
        ]

    def __str__(self):
        return f"{self.person.full_name} ({self.party})" if self.party else self.person.full_name


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("te beoordelen")
    ACCEPTED = "accepted", _("overgenomen")
    MERGED = "merged", _("samengevoegd")
    REJECTED = "rejected", _("afgewezen")


class CommitmentProposal(models.Model):
    """A commitment found in a text (register.extraction), waiting for a clerk: accepted (possibly
    edited) it becomes a commitment, merged it is noted on an existing one, or it is rejected.
    Nothing becomes a commitment without a person (DESIGN.md "Commitments found in texts")."""

    class Source(models.TextChoices):
        REPORT = "report", _("verslag")
        LETTER = "letter", _("brief")

    source = models.CharField(_("bron"), max_length=10, choices=Source.choices)
    # The report's MessageID, or the letter's Document; with the position, one proposal per item.
    source_id = models.CharField(_("bron-id"), max_length=100)
    source_title = models.CharField(_("titel van de bron"), max_length=300)
    made_in = models.ForeignKey(Document, models.PROTECT, null=True, blank=True,
                                related_name="proposals", verbose_name=_("gedaan in document"))
    committee_text = models.CharField(_("commissie (zoals in de bron)"), max_length=300,
                                      blank=True)
    position = models.CharField(_("plaats in de bron"), max_length=100)
    said_on = models.DateField(_("gezegd op"))
    text = models.TextField(_("tekst"))
    deadline_text = models.CharField(_("termijn (zoals gezegd)"), max_length=300, blank=True)
    bewindspersoon_text = models.CharField(_("bewindspersoon (zoals in de bron)"),
                                           max_length=300, blank=True)
    member_text = models.CharField(_("toegezegd aan (zoals in de bron)"), max_length=300,
                                   blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices,
                              default=ProposalStatus.OPEN)
    commitment = models.ForeignKey(Commitment, models.PROTECT, null=True, blank=True,
                                   related_name="proposals", verbose_name=_("toezegging"))
    reason = models.TextField(_("reden"), blank=True)
    created_at = models.DateTimeField(_("aangeboden"), auto_now_add=True)
    history = tracked_history()

    class Meta:
        ordering = ["said_on", "source_id", "id"]
        verbose_name = _("voorgestelde toezegging")
        verbose_name_plural = _("voorgestelde toezeggingen")
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id", "position"],
                                    name="proposal_unique_position"),
            models.CheckConstraint(
                condition=Q(status__in=["open", "rejected"]) | Q(commitment__isnull=False),
                name="proposal_decided_has_commitment"),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def source_label(self):
        """Where it was said, in Dutch as the history names it ("het verslag ‘MIVD’ van 2 juli
        2025 (8eed2792-…)")."""
        when = dutch_date(self.said_on)
        if self.source == self.Source.REPORT:
            return f"het verslag ‘{self.source_title}’ van {when} ({self.source_id})"
        return f"de brief ‘{self.source_title}’ van {when}"

    def source_shown(self):
        """Where it was said, for the screen: in the reader's language (source_label is the
        history's Dutch)."""
        values = {"title": self.source_title, "date": date_format(self.said_on, "j F Y"),
                  "id": self.source_id}
        if self.source == self.Source.REPORT:
            return gettext("het verslag ‘%(title)s’ van %(date)s (%(id)s)") % values
        return gettext("de brief ‘%(title)s’ van %(date)s") % values

    def period_explanation(self):
        return explain_period(self.text, self.said_on)


class SpreadsheetUpload(models.Model):
    """A spreadsheet waiting for its preview to be confirmed (commitments.spreadsheet).

    Kept in the database, not in a worker's memory or on its disk, so the confirmation may
    reach another app server than the upload did.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE,
                             related_name="spreadsheet_uploads")
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    mapping = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.filename


class MotionVote(models.Model):
    """The Kamer's decision on a motion as its open data records it (a Besluit with its
    Stemmingen): the outcome and date, how it was voted, and each party's vote and seats."""

    motion = models.OneToOneField(Motion, models.CASCADE, related_name="vote")
    tk_id = models.CharField(_("Tweede Kamer-id van het besluit"), max_length=40, blank=True)
    outcome = models.CharField(_("uitslag"), max_length=20, choices=VoteOutcome.choices)
    decided_on = models.DateField(_("datum"), null=True, blank=True)
    kind = models.CharField(_("soort stemming"), max_length=60, blank=True,
                            help_text="Met handopsteken, Hoofdelijk, Zonder stemming")
    text = models.CharField(_("besluit"), max_length=300, blank=True,
                            help_text="Aangenomen.")
    # [{"party": "VVD", "vote": "Voor", "seats": 24, "mistake": false}, …] as the Kamer's
    # Stemming rows give them, one per party (for a roll call, one per party and vote, with the
    # number of members as seats).
    parties = models.JSONField(_("stemmen per fractie"), default=list, blank=True)
    history = tracked_history()

    class Meta:
        verbose_name = _("stemming")
        verbose_name_plural = _("stemmingen")

    def __str__(self):
        return f"{self.motion.reference}: {self.get_outcome_display()}"

    def seats(self, vote):
        """How many seats (or members, in a roll call) voted `vote` ("Voor", "Tegen")."""
        return sum(line.get("seats") or 0 for line in self.parties
                   if str(line.get("vote", "")).casefold() == vote.casefold())

    @property
    def seats_for(self):
        return self.seats("Voor")

    @property
    def seats_against(self):
        return self.seats("Tegen")


class SyncCursor(models.Model):
    """How far sync_tk has followed one entity set of the Kamer's open data: the ApiGewijzigdOp
    of the last record it applied. The next run asks for records changed since (not after: a
    second record with the same moment is not lost, and one read again changes nothing)."""

    entity = models.CharField(_("entiteit"), max_length=40, unique=True)
    modified = models.DateTimeField(_("ApiGewijzigdOp van het laatst verwerkte record"))
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        ordering = ["entity"]
        verbose_name = _("synchronisatiecursor")
        verbose_name_plural = _("synchronisatiecursors")

    def __str__(self):
        return f"{self.entity}: {self.modified:%Y-%m-%d %H:%M:%S}"


class SyncRunQuerySet(models.QuerySet):
    def last_success(self):
        """The last run that applied everything it read (or all but records it could not
        read): what /healthz and the sync log report."""
        return self.filter(outcome__in=[SyncRun.Outcome.SUCCEEDED, SyncRun.Outcome.PARTIAL]) \
            .order_by("-finished_at").first()


class SyncRun(models.Model):
    """One run of sync_tk: when, by whom, against which service, and how it ended."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("bezig")
        SUCCEEDED = "succeeded", _("geslaagd")
        PARTIAL = "partial", _("geslaagd, records overgeslagen")
        FAILED = "failed", _("mislukt")
        INTERRUPTED = "interrupted", _("afgebroken")

    started_at = models.DateTimeField(_("begonnen"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    # Every page written moves this on: a run that stopped moving was killed.
    heartbeat = models.DateTimeField(_("laatst actief"), default=timezone.now)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                             verbose_name=_("gebruiker"))
    base_url = models.CharField(_("adres van de dienst"), max_length=300)
    # Where the run's process ran: a run whose process is gone was killed.
    host = models.CharField(_("server"), max_length=200, blank=True)
    pid = models.PositiveIntegerField(_("proces"), null=True, blank=True)
    outcome = models.CharField(_("afloop"), max_length=20, choices=Outcome.choices,
                               default=Outcome.RUNNING)
    message = models.TextField(_("melding"), blank=True)

    objects = SyncRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("synchronisatie")
        verbose_name_plural = _("synchronisaties")

    def __str__(self):
        return f"sync_tk {self.started_at:%Y-%m-%d %H:%M} ({self.get_outcome_display()})"

    def message_shown(self):
        return logged_run_message(self.message)


class SyncRunEntity(models.Model):
    """What one run did with one entity set: the run log the command prints and the app shows."""

    run = models.ForeignKey(SyncRun, models.CASCADE, related_name="entities")
    entity = models.CharField(_("entiteit"), max_length=40)
    pages = models.PositiveIntegerField(_("pagina's"), default=0)
    read = models.PositiveIntegerField(_("gelezen"), default=0)
    created = models.PositiveIntegerField(_("nieuw"), default=0)
    updated = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    tombstones = models.PositiveIntegerField(_("verwijderd bij de Kamer"), default=0)
    # {reason: count}: another Soort, a tombstone of a record we never held, …
    skipped = models.JSONField(_("overgeslagen"), default=dict, blank=True)
    errors = models.PositiveIntegerField(_("fouten"), default=0)
    # The first problems, as the command printed them.
    problems = models.JSONField(_("meldingen"), default=list, blank=True)
    cursor_from = models.DateTimeField(_("vanaf"), null=True, blank=True)
    cursor_to = models.DateTimeField(_("tot en met"), null=True, blank=True)

    class Meta:
        ordering = ["run", "pk"]
        verbose_name = _("synchronisatie per entiteit")
        verbose_name_plural = _("synchronisaties per entiteit")
        constraints = [models.UniqueConstraint(fields=["run", "entity"],
                                               name="one_log_per_entity_per_run")]

    def __str__(self):
        return f"{self.run}: {self.entity}"

    @property
    def applied(self):
        return self.created + self.updated

    @property
    def skipped_total(self):
        return sum(self.skipped.values())

    def skipped_reasons(self):
        return skipped_reasons(self.skipped)

    def problem_lines(self):
        return [logged_problem(entry) for entry in self.problems]


# Why the sync skipped records, by the code its run log stores ("soort:Bijlage": a code and the
# Kamer's word), so that each reader sees the reason in their own language.
SKIP_REASONS = {
    "soort": _("andere Soort: %(value)s"),
    "no-soort": _("zonder Soort"),
    "no-surname": _("persoon zonder achternaam"),
    "deleted": _("verwijderd bij de Kamer, niet bij ons"),
    "meeting": _("vergadering %(value)s"),
    "committee": _("commissie niet gevolgd"),
}


def skip_reason(key):
    """A stored skip reason in the active language. Rows written before the codes hold the
    Dutch text itself, which is shown as it is."""
    code, _colon, value = key.partition(":")
    label = SKIP_REASONS.get(code)
    if label is None:
        return key
    return str(label) % {"value": value}


def skipped_reasons(skipped):
    """(reason, count) of a run log's skipped records, the most first."""
    return sorted(((skip_reason(key), count) for key, count in skipped.items()),
                  key=lambda pair: (-pair[1], pair[0]))


# How a run ended, by the code its run log stores (a JSON object: the code and its values), so
# that each reader sees it in their own language; the command prints it in Dutch.
RUN_MESSAGES = {
    "gone": _("afgebroken: het proces is weg (gestopt of gestorven)"),
    "quiet": _("afgebroken: de run schreef niets meer (gestopt of gestorven)"),
    "service": _("sync_tk gestopt: %(why)s. Wat al verwerkt was blijft; de volgende run gaat "
                 "verder vanaf de cursor (afsluitcode %(exit)s)."),
    "database": _("sync_tk gestopt door een fout van de database (%(error)s). Wat al verwerkt "
                  "was blijft; start sync_tk opnieuw."),
    "partial": _("%(count)s record(s) konden niet worden gelezen en zijn overgeslagen; de rest "
                 "is verwerkt (afsluitcode %(exit)s)."),
}


def run_message(code, **params):
    """A run's message as SyncRun.message stores it."""
    return json.dumps({"code": code, **params}, ensure_ascii=False)


def logged_run_message(stored):
    """A run's stored message in the active language; runs logged before the codes hold the
    Dutch text itself, which is shown as it is."""
    try:
        params = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(params, dict) or params.get("code") not in RUN_MESSAGES:
        return stored
    return str(RUN_MESSAGES[params["code"]]) % params


def logged_problem(entry):
    """A problem of a run log in the active language: where (set, page, record, field) and the
    message by its Dutch template (reading.RecordError), or a difference with the Kamer. Rows
    written before hold the Dutch line itself, shown as it is; a message without a template in
    the catalogue stays as the importer wrote it."""
    if isinstance(entry, str):
        return entry
    if "difference" in entry:
        return gettext("Verschil: %(difference)s") % entry
    where = [entry["file"]] if entry.get("file") else []
    if entry.get("page") is not None:
        where.append(gettext("pagina %(page)s") % entry)
    if entry.get("record") is not None:
        where.append(gettext("record %(record)s") % entry
                     + (f" ({entry['key']})" if entry.get("key") else ""))
    if entry.get("field"):
        where.append(gettext("veld %(field)s") % entry)
    # "found" names what a JSON value is ("een lijst"): words of ours, translated too.
    params = {name: gettext(value) if name == "found" else value
              for name, value in entry.get("params", {}).items()}
    message = gettext(entry["text"]) % params if params else gettext(entry["text"])
    return ", ".join(where) + ": " + message if where else message
