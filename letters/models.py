"""Progress letters (voortgangsbrieven) and answers to the Eerste Kamer's rappel: letters to the
Kamer written from the register (DESIGN.md "Letters"). Their content is built in letters/content.py,
the way from draft to final in letters/services.py, the Kamerbrief layout in letters/layout.py.

The models moved here from the register app without touching the database (migration
letters 0001): their tables keep their names, register_progressletter and so on.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from register.concurrency import Versioned
from register.history import tracked_history
from register.models import Directorate, Document, Dossier, Ministry, Person


class LetterKind(models.TextChoices):
    PROGRESS = "voortgangsbrief", _("Voortgangsbrief")
    RAPPEL = "rappel", _("Antwoord op het rappel van de Eerste Kamer")


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    FOR_APPROVAL = "for_approval", _("Ter goedkeuring")
    FINAL = "final", _("Vastgesteld")


LETTER_STATUS_EXPLANATIONS = {
    LetterStatus.DRAFT: _("Wordt nog geschreven: brieven en beleid kunnen de teksten wijzigen."),
    LetterStatus.FOR_APPROVAL: _("Aangeboden ter goedkeuring: een andere medewerker van brieven "
                                 "keurt de brief goed of stuurt hem terug."),
    LetterStatus.FINAL: _("Vastgesteld: de PDF is opgeslagen en verandert niet meer; wat de brief "
                          "afdoet, is in het register bijgewerkt."),
}


class Addressee(models.TextChoices):
    TWEEDE_KAMER = "tk", _("Tweede Kamer")
    EERSTE_KAMER = "ek", _("Eerste Kamer")


def check_not_cited_by_final_letter(document):
    """A paper a final letter cites stays: the letter's record of what it cites would lose it
    (register.models.DOCUMENT_DELETION_CHECKS). A letter's own Document is protected by its
    foreign key."""
    if document.cited_by_letters.filter(status=LetterStatus.FINAL).exists():
        raise ValidationError(_("Dit document wordt aangehaald in een vastgestelde brief en "
                                "kan niet worden verwijderd."), code="cited")


class LetterFrozen(ValidationError):
    def __init__(self):
        super().__init__(_("Deze brief is vastgesteld en kan niet meer worden gewijzigd."),
                         code="final")


def refuse_if_final(letters):
    """A bulk update or delete bypasses save() and delete(): it may not touch a final letter."""
    if letters.filter(status=LetterStatus.FINAL).exists():
        raise LetterFrozen()


class ProgressLetterQuerySet(models.QuerySet):
    def update(self, **kwargs):
        refuse_if_final(self)
        return super().update(**kwargs)

    def delete(self):
        refuse_if_final(self)
        return super().delete()

    def for_list(self):
        return self.select_related("dossier", "author", "approver", "document__dossier")

    def previous_final(self, dossier, before=None):
        """The latest final progress letter on `dossier` (dated before `before`, if given)."""
        letters = self.filter(kind=LetterKind.PROGRESS, status=LetterStatus.FINAL, dossier=dossier)
        if before:
            letters = letters.filter(date__lt=before)
        return letters.order_by("-date", "-pk").first()


class ProgressLetter(Versioned):
    """A progress letter or an answer to the Eerste Kamer's rappel: draft → for approval → final.

    Once final, the letter is frozen: only the document it is linked to may still change (when
    the Kamer publishes it under a Kamerstuk number that already has a Document).
    """

    kind = models.CharField(_("soort brief"), max_length=20, choices=LetterKind.choices,
                            default=LetterKind.PROGRESS)
    status = models.CharField(_("status"), max_length=20, choices=LetterStatus.choices,
                              default=LetterStatus.DRAFT, db_index=True)
    dossier = models.ForeignKey(Dossier, models.PROTECT, null=True, blank=True,
                                related_name="progress_letters", verbose_name=_("dossier"),
                                help_text=_("Leeg bij een antwoord op het rappel."))
    subject = models.CharField(_("betreft"), max_length=300)
    kenmerk = models.CharField(_("kenmerk"), max_length=50, blank=True)
    date = models.DateField(_("datum"))
    addressee = models.CharField(_("geadresseerde"), max_length=2, choices=Addressee.choices,
                                 default=Addressee.TWEEDE_KAMER)
    ministry = models.ForeignKey(Ministry, models.PROTECT, related_name="progress_letters",
                                 verbose_name=_("afzender (ministerie)"))
    directorate = models.ForeignKey(
        Directorate, models.PROTECT, null=True, blank=True, related_name="progress_letters",
        verbose_name=_("afzender (directie)"),
        help_text=_("De afzenderkolom noemt de directie en haar contactgegevens."))
    signatory = models.ForeignKey(Person, models.PROTECT, null=True, blank=True,
                                  related_name="progress_letters",
                                  verbose_name=_("ondertekenaar"))
    signatory_office = models.CharField(
        _("functie in de ondertekening"), max_length=200, blank=True,
        help_text=_("Bijvoorbeeld: De Staatssecretaris van Volksgezondheid, Welzijn en Sport,"))
    signatory_name = models.CharField(_("naam in de ondertekening"), max_length=200, blank=True,
                                      help_text=_("Bijvoorbeeld: P. Blokhuis"))
    uw_brief = models.CharField(_("uw brief"), max_length=200, blank=True,
                                help_text=_("Kenmerk en datum van de brief waarop dit antwoordt."))
    bijlagen = models.CharField(
        _("bijlage(n)"), max_length=100, blank=True,
        help_text=_("Het aantal meegestuurde stukken. De bijlage met het overzicht van "
                    "toezeggingen en moties telt de brief zelf mee."))
    opening = models.TextField(_("opening"), blank=True)
    closing = models.TextField(_("slot"), blank=True)
    annex = models.BooleanField(
        _("bijlage met overzicht"), default=False,
        help_text=_("Een bijlage met de toezeggingen en moties van het dossier."))
    reference_date = models.DateField(_("peildatum"), null=True, blank=True,
                                      help_text=_("Bij een rappel: 1 januari of 1 juli."))
    since = models.DateField(
        _("wijzigingen sinds"), null=True, blank=True, editable=False,
        help_text=_("De datum van de vorige vastgestelde brief over het dossier."))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT,
                               related_name="letters_written", verbose_name=_("auteur"))
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                 related_name="letters_approved",
                                 verbose_name=_("goedgekeurd door"))
    submitted_at = models.DateTimeField(_("aangeboden"), null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(_("goedgekeurd"), null=True, blank=True, editable=False)
    # What was approved, as letters.content.approval_record writes it: the letter's content
    # (letters.layout.content_to_data) and the register records it prints. Finalising
    # renders exactly this content.
    approved_content = models.JSONField(_("goedgekeurde inhoud"), null=True, blank=True,
                                        editable=False)
    finalised_at = models.DateTimeField(_("vastgesteld"), null=True, blank=True, editable=False)
    review_comment = models.TextField(_("opmerking bij terugsturen"), blank=True)
    document = models.ForeignKey(Document, models.PROTECT, null=True, blank=True,
                                 related_name="progress_letters", verbose_name=_("document"))
    pdf = models.FileField(_("PDF"), upload_to="letters/", blank=True, editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 van de PDF"), max_length=64, blank=True,
                                  editable=False)
    cited_documents = models.ManyToManyField(
        Document, blank=True, related_name="cited_by_letters",
        verbose_name=_("aangehaalde documenten"))
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    history = tracked_history(table_name="register_historicalprogressletter")

    objects = ProgressLetterQuerySet.as_manager()

    class Meta:
        db_table = "register_progressletter"  # made in the register app, moved here
        ordering = ["-date", "-pk"]
        verbose_name = _("voortgangsbrief")
        verbose_name_plural = _("voortgangsbrieven")
        permissions = [
            ("approve_progressletter", _("Kan een brief van een ander goedkeuren")),
            ("finalise_progressletter", _("Kan een goedgekeurde brief vaststellen")),
            ("edit_progress_text", _("Kan de voortgangsteksten van een conceptbrief wijzigen")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="final") | (Q(document__isnull=False)
                                                & Q(finalised_at__isnull=False)
                                                & ~Q(pdf_sha256="")),
                name="letter_final_is_stored",
            ),
            models.CheckConstraint(condition=~Q(kind="rappel") | Q(reference_date__isnull=False),
                                   name="letter_rappel_has_reference_date"),
            models.CheckConstraint(condition=Q(status__in=LetterStatus.values),
                                   name="letter_status_known"),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(approved_content__isnull=False)
                | Q(status="final"),
                name="letter_approval_records_content"),
            # A paper is one letter: a Kamerstuk number is never given to a second letter.
            models.UniqueConstraint(fields=["document"], name="letter_unique_document",
                                    violation_error_message=_("Dit document hoort al bij een "
                                                              "andere brief.")),
        ]

    def __str__(self):
        return f"{self.subject} ({date_format(self.date, 'j F Y')})"

    def save(self, *args, **kwargs):
        # The status as stored, not as on this object: a copy rebuilt from the history, or one
        # whose status was set back in memory, must not unfreeze a final letter.
        if self.stored_status() == LetterStatus.FINAL:
            update_fields = kwargs.get("update_fields")
            if update_fields is None or set(update_fields) - {"document"}:
                raise LetterFrozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.stored_status() == LetterStatus.FINAL:
            raise LetterFrozen()
        return super().delete(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("letters:detail", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == LetterStatus.DRAFT

    @property
    def is_final(self):
        return self.status == LetterStatus.FINAL

    @property
    def is_for_approval(self):
        return self.status == LetterStatus.FOR_APPROVAL

    @property
    def is_approved(self):
        return self.status == LetterStatus.FOR_APPROVAL and self.approved_at is not None

    @property
    def stage_label(self):
        """The status as people say it: an approved letter waits to be finalised."""
        if self.is_approved:
            return _("Goedgekeurd")
        return self.get_status_display()

    @property
    def status_explanation(self):
        if self.is_approved:
            return _("Goedgekeurd: de brief kan worden vastgesteld.")
        return LETTER_STATUS_EXPLANATIONS[self.status]

    def back_to_draft(self):
        """Draft again, with the approval (and what it recorded) withdrawn; the caller saves."""
        self.status = LetterStatus.DRAFT
        self.submitted_at = self.approved_at = self.approver = self.approved_content = None

    def stored_status(self):
        """The status in the database (None for a letter not saved yet)."""
        if self.pk is None:
            return None
        return type(self)._base_manager.filter(pk=self.pk).values_list("status", flat=True).first()

    def check_editable(self, *, fresh=False):
        """Only a draft's text may change — a draft as stored, whatever this copy says; `fresh`:
        this copy was just read (or is held locked), so its status is the stored one."""
        status = self.status if fresh else self.stored_status() or self.status
        if status == LetterStatus.FINAL:
            raise LetterFrozen()
        if status != LetterStatus.DRAFT:
            raise ValidationError(_("Deze brief ligt ter goedkeuring; alleen een concept kan "
                                    "worden gewijzigd. Laat de brief zo nodig terugsturen."),
                                  code="not_draft")


class LetterPartQuerySet(models.QuerySet):
    """Sections and items: a bulk update or delete may not touch those of a final letter."""

    def update(self, **kwargs):
        refuse_if_final(ProgressLetter._base_manager.filter(pk__in=self.values("letter")))
        return super().update(**kwargs)

    def delete(self):
        refuse_if_final(ProgressLetter._base_manager.filter(pk__in=self.values("letter")))
        return super().delete()


def item_ident(item):
    """TZ-VWS-2020-001, Kamerstuk 24 077, nr. 453 (a motion) or a law track's short name: how a
    letter's item is named in its history, for a live item and a history row alike."""
    if item.commitment_id:
        return item.commitment.number
    if item.motion_id:
        return str(item.motion.reference)
    return item.law_track.short_name


class DraftOnly:
    """A section or item changes only while its letter is a draft (its check_editable)."""

    def save(self, *args, **kwargs):
        self.letter.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.letter.check_editable()
        return super().delete(*args, **kwargs)


class LetterSection(DraftOnly, models.Model):
    """A titled section of a letter: its own text, followed by the items assigned to it."""

    letter = models.ForeignKey(ProgressLetter, models.CASCADE, related_name="sections",
                               verbose_name=_("brief"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("tekst"), blank=True)
    history = tracked_history(table_name="register_historicallettersection")

    objects = LetterPartQuerySet.as_manager()

    class Meta:
        db_table = "register_lettersection"  # made in the register app, moved here
        ordering = ["letter", "order", "pk"]
        verbose_name = _("sectie van een brief")
        verbose_name_plural = _("secties van brieven")

    def __str__(self):
        return self.title



class LetterItem(DraftOnly, models.Model):
    """A commitment, motion or law track the letter reports on, with its own progress text.

    `delivers`: finalising the letter marks the commitment done or the motion executed. The
    rappel fields hold the explanation and the new expected date the Eerste Kamer asks for.
    """

    letter = models.ForeignKey(ProgressLetter, models.CASCADE, related_name="items",
                               verbose_name=_("brief"))
    # PROTECT: deleting a section with items would move them out with a bulk update, which
    # writes no history; the edit screen asks to move them first.
    section = models.ForeignKey(LetterSection, models.PROTECT, null=True, blank=True,
                                related_name="items", verbose_name=_("sectie"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    commitment = models.ForeignKey("commitments.Commitment", models.PROTECT, null=True,
                                   blank=True, related_name="letter_items",
                                   verbose_name=_("toezegging"))
    motion = models.ForeignKey("commitments.Motion", models.PROTECT, null=True, blank=True,
                               related_name="letter_items", verbose_name=_("motie"))
    law_track = models.ForeignKey("legislation.LawTrack", models.PROTECT, null=True, blank=True,
                                  related_name="letter_items",
                                  verbose_name=_("wetgevingstraject"))
    progress_text = models.TextField(
        _("voortgangstekst"), blank=True,
        help_text=_("Leeg: het onderdeel wordt niet apart genoemd (de tekst van de sectie dekt "
                    "het)."))
    delivers = models.BooleanField(
        _("doet af"), default=False,
        help_text=_("Bij vaststellen wordt de toezegging afgedaan of de motie uitgevoerd."))
    explanation = models.TextField(_("toelichting"), blank=True)
    new_expected = models.CharField(_("nieuwe verwachte datum"), max_length=200, blank=True,
                                    help_text=_("In woorden, bijvoorbeeld: voor het zomerreces."))
    history = tracked_history(table_name="register_historicalletteritem")

    objects = LetterPartQuerySet.as_manager()

    class Meta:
        db_table = "register_letteritem"  # made in the register app, moved here
        ordering = ["letter", "section__order", "order", "pk"]
        verbose_name = _("onderdeel van een brief")
        verbose_name_plural = _("onderdelen van brieven")
        constraints = [
            models.CheckConstraint(
                condition=Q(commitment__isnull=False, motion__isnull=True, law_track__isnull=True)
                | Q(commitment__isnull=True, motion__isnull=False, law_track__isnull=True)
                | Q(commitment__isnull=True, motion__isnull=True, law_track__isnull=False),
                name="letter_item_one_subject",
            ),
            models.CheckConstraint(condition=Q(delivers=False) | Q(law_track__isnull=True),
                                   name="letter_item_law_track_not_delivered"),
            models.UniqueConstraint(fields=["letter", "commitment"],
                                    name="unique_letter_commitment"),
            models.UniqueConstraint(fields=["letter", "motion"], name="unique_letter_motion"),
            models.UniqueConstraint(fields=["letter", "law_track"],
                                    name="unique_letter_law_track"),
        ]

    def __str__(self):
        return self.title


    @property
    def subject(self):
        return self.commitment or self.motion or self.law_track

    @property
    def subject_kind(self):
        if self.commitment_id:
            return "commitment"
        return "motion" if self.motion_id else "law_track"

    @property
    def title(self):
        if self.commitment_id:
            return self.commitment.title
        if self.motion_id:
            return self.motion.title
        return self.law_track.title
