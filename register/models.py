"""Core of the register: dossiers, documents, people, parties, committees and debates; and the
progress letters written from them (the last section of this module)."""

import datetime
import hashlib
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from register.concurrency import Versioned
from register.history import ChangeSource, save_with_history, tracked_history
from register.references import Reference, format_dossier

# A period that ends on or after its start, or is open on either side.
ENDS_AFTER_START = Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start"))
DOSSIER_NUMBER_RE = re.compile(r"^\d{4,6}(-[A-Z0-9]{1,10})?$")


def validate_dossier_number(value):
    if not DOSSIER_NUMBER_RE.match(value):
        raise ValidationError(
            _("Een dossiernummer bestaat uit cijfers met eventueel een achtervoegsel, zoals "
              "24077 of 35570-XVI."),
            code="dossier_number",
        )


class Dossier(models.Model):
    number = models.CharField(
        _("nummer"), max_length=20, unique=True, validators=[validate_dossier_number],
        help_text=_("Zonder spaties, bijvoorbeeld 24077 of 35570-XVI."),
    )
    title = models.CharField(_("titel"), max_length=300)
    history = tracked_history()

    class Meta:
        ordering = ["number"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self):
        return f"{self.display_number} {self.title}"

    @property
    def display_number(self):
        """The number as the Kamer writes it: "24 077", "35 570 XVI"."""
        return format_dossier(self.number)


class DocumentQuerySet(models.QuerySet):
    def from_reference(self, reference: Reference, *, by, reason, source=ChangeSource.PERSON,
                       **fields):
        """The Document for a parsed reference, created (with its official URL) if new.

        Looked up by natural key, so the same paper is never stored twice; an unknown dossier
        is created too, with an empty title for a clerk to fill in.
        """
        document = self.filter(ident=reference.ident).first()
        if document:
            return document, False
        if reference.dossier:
            dossier = Dossier.objects.filter(number=reference.dossier).first()
            if dossier is None:
                dossier = save_with_history(Dossier(number=reference.dossier, title=""), by=by,
                                            reason=reason, source=source)
            fields.setdefault("dossier", dossier)
        fields = {"kind": reference.kind, "number": reference.number,
                  "chamber": reference.chamber, "year": reference.year or "",
                  "item": reference.item or "", **fields}
        document = save_with_history(self.model(**fields), by=by, reason=reason, source=source)
        return document, True

    def delete(self):
        for document in self:
            document.check_deletable()
        return super().delete()

    def from_web(self, title, url, *, by, reason, source=ChangeSource.PERSON):
        """The Document of kind "other" for a page known by title and web address, created if new.

        Looked up by natural key (web_ident), so the same title and address are stored once.
        """
        document = self.filter(ident=web_ident(title, url)).first()
        if document:
            return document, False
        document = self.model(kind=self.model.Kind.OTHER, title=title, url=url)
        document.full_clean()
        return save_with_history(document, by=by, reason=reason, source=source), True


def web_ident(title, url):
    """The natural key of a document known only by its title and web address.

    The key column holds 60 characters and an address up to 300, so the pair is hashed.
    """
    return "web-" + hashlib.sha256(f"{title}\n{url}".encode()).hexdigest()[:40]


class Document(models.Model):
    class Kind(models.TextChoices):
        KAMERSTUK = "kamerstuk", _("Kamerstuk")
        HANDELINGEN = "handelingen", _("Handelingen")
        AANHANGSEL = "aanhangsel", _("Aanhangsel Handelingen")
        BRIEF = "brief", _("Brief")
        VERSLAG = "verslag", _("Verslag")
        OTHER = "other", _("Overig")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    dossier = models.ForeignKey(
        Dossier, models.PROTECT, null=True, blank=True, related_name="documents",
        verbose_name=_("dossier"),
    )
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    chamber = models.CharField(
        _("Kamer"), max_length=2, blank=True,
        choices=[("II", _("Tweede Kamer")), ("I", _("Eerste Kamer"))],
    )
    year = models.CharField(_("vergaderjaar"), max_length=7, blank=True, help_text="2019/20")
    item = models.CharField(_("item"), max_length=10, blank=True)
    kenmerk = models.CharField(_("kenmerk"), max_length=50, blank=True)
    # The natural key of the paper ("kst-24077-450", "h-tk-20192020-38-5", "web-…" for a page
    # known by title and address); null for papers without one, such as a report only known by
    # its title.
    ident = models.CharField(_("sleutel"), max_length=60, unique=True, null=True, blank=True,
                             editable=False)
    date = models.DateField(_("datum"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=300, blank=True)
    url = models.URLField(_("officiële URL"), max_length=300, blank=True)
    history = tracked_history()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "ident"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        # The natural key (DESIGN.md "References"), on the fields themselves: `ident` is derived
        # from them in save(), and a path past save() (a queryset, a bulk insert, a restored
        # file) must not store the same paper twice either.
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "number"],
                condition=Q(dossier__isnull=False) & ~Q(number=""),
                name="document_unique_kamerstuk",
                violation_error_message=_("Dit Kamerstuk (dossier en nummer) staat al in het "
                                          "register.")),
            models.UniqueConstraint(
                fields=["kind", "chamber", "year", "number", "item"],
                condition=Q(dossier__isnull=True, kind__in=["handelingen", "aanhangsel"])
                & ~Q(year="") & ~Q(number=""),
                name="document_unique_handelingen",
                violation_error_message=_("Deze Handelingen (Kamer, vergaderjaar, nummer en "
                                          "item) staan al in het register.")),
        ]

    def __str__(self):
        reference = self.reference
        if reference:
            return str(reference)
        return self.title or self.kenmerk or f"Document {self.pk}"

    def save(self, *args, **kwargs):
        reference = self.reference
        if reference:
            self.ident = reference.ident
        elif self.kenmerk:
            self.ident = f"brief-{self.kenmerk}"
        elif self.kind == self.Kind.OTHER and self.url:
            self.ident = web_ident(self.title, self.url)
        else:
            self.ident = None
        if reference and not self.url:
            self.url = reference.url
        if reference and self.kind in (self.Kind.HANDELINGEN, self.Kind.AANHANGSEL):
            self.chamber = reference.chamber  # "II" when not written, as in the natural key
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_deletable()
        return super().delete(*args, **kwargs)

    def check_deletable(self):
        """A paper a final letter cites stays: the letter's record of what it cites would lose
        it. (A letter's own Document and a delivering one are protected by their foreign keys.)"""
        if self.cited_by_letters.filter(status="final").exists():
            raise ValidationError(_("Dit document wordt aangehaald in een vastgestelde brief en "
                                    "kan niet worden verwijderd."), code="cited")

    @property
    def reference(self):
        """The parliamentary reference this document stands for, if it has one."""
        # `self.dossier`, not its id: an import plans documents of dossiers not saved yet.
        if self.number and self.dossier is not None:
            return Reference(kind="kamerstuk", dossier=self.dossier.number, number=self.number,
                             year=self.year or None, chamber=self.chamber or "II")
        if self.kind in (self.Kind.HANDELINGEN, self.Kind.AANHANGSEL) and self.year and self.number:
            return Reference(kind=self.kind, dossier=None, number=self.number, year=self.year,
                             chamber=self.chamber or "II", item=self.item or None)
        return None


class Party(models.Model):
    abbreviation = models.CharField(
        _("afkorting"), max_length=50, unique=True,
        help_text=_("Zoals de Kamer het schrijft, bijvoorbeeld ChristenUnie."),
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    aliases = models.CharField(
        _("andere schrijfwijzen"), max_length=200, blank=True,
        help_text=_("Gescheiden door komma's, bijvoorbeeld CU."),
    )
    history = tracked_history()

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("fractie")
        verbose_name_plural = _("fracties")

    def __str__(self):
        return self.abbreviation

    @classmethod
    def lookup(cls, text):
        """The party written as `text`, by its abbreviation or one of its aliases ("CU")."""
        text = text.strip()
        party = cls.objects.filter(abbreviation__iexact=text).first()
        if party:
            return party
        for party in cls.objects.exclude(aliases=""):
            if text.lower() in (alias.strip().lower() for alias in party.aliases.split(",")):
                return party
        return None


class Ministry(models.Model):
    abbreviation = models.CharField(_("afkorting"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    history = tracked_history()

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("ministerie")
        verbose_name_plural = _("ministeries")

    def __str__(self):
        return self.abbreviation


class Person(models.Model):
    """A member of parliament or a bewindspersoon, with the name parts the Kamer uses.

    A person may be known only by office ("de Minister van Justitie en Veiligheid"): then all
    name parts are empty and the display name is the office.
    """

    initials = models.CharField(_("initialen"), max_length=20, blank=True)
    first_name = models.CharField(_("voornaam"), max_length=50, blank=True)
    prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    surname = models.CharField(_("achternaam"), max_length=100, blank=True)
    tk_id = models.CharField(_("Tweede Kamer-id"), max_length=40, blank=True)
    history = tracked_history()

    class Meta:
        ordering = ["surname", "prefix", "initials"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        """The display name as far as known: "Edgar Mulder", "P. Blokhuis", "Van der Graaf"."""
        if not self.surname:
            # offices.all() so that a prefetched list is used: lists show many people.
            offices = sorted(self.offices.all(), key=lambda o: o.start or datetime.date.min)
            return offices[-1].title if offices else str(_("onbekend"))
        given = self.first_name or self.initials
        if given:
            return " ".join(part for part in (given, self.prefix, self.surname) if part)
        prefix = self.prefix[:1].upper() + self.prefix[1:] if self.prefix else ""
        return " ".join(part for part in (prefix, self.surname) if part)

    def party_on(self, date):
        membership = self.memberships.filter(
            Q(start__lte=date) | Q(start__isnull=True), Q(end__gte=date) | Q(end__isnull=True)
        ).select_related("party").first()
        return membership.party if membership else None

    def office_on(self, date):
        return self.offices.filter(
            Q(start__lte=date) | Q(start__isnull=True), Q(end__gte=date) | Q(end__isnull=True)
        ).select_related("ministry").first()


class PartyMembership(models.Model):
    person = models.ForeignKey(Person, models.CASCADE, related_name="memberships",
                               verbose_name=_("persoon"))
    party = models.ForeignKey(Party, models.PROTECT, related_name="memberships",
                              verbose_name=_("fractie"))
    start = models.DateField(_("vanaf"), null=True, blank=True)
    end = models.DateField(_("tot en met"), null=True, blank=True)
    history = tracked_history()

    class Meta:
        ordering = ["start"]
        verbose_name = _("fractielidmaatschap")
        verbose_name_plural = _("fractielidmaatschappen")
        constraints = [
            models.CheckConstraint(
                condition=ENDS_AFTER_START,
                name="membership_end_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.party})"


class Office(models.Model):
    person = models.ForeignKey(Person, models.CASCADE, related_name="offices",
                               verbose_name=_("persoon"))
    title = models.CharField(
        _("functie"), max_length=200,
        help_text=_("Bijvoorbeeld: Staatssecretaris van Volksgezondheid, Welzijn en Sport."),
    )
    ministry = models.ForeignKey(Ministry, models.PROTECT, null=True, blank=True,
                                 related_name="offices", verbose_name=_("ministerie"))
    start = models.DateField(_("vanaf"), null=True, blank=True)
    end = models.DateField(_("tot en met"), null=True, blank=True)
    history = tracked_history()

    class Meta:
        ordering = ["start"]
        verbose_name = _("functie")
        verbose_name_plural = _("functies")
        constraints = [
            models.CheckConstraint(
                condition=ENDS_AFTER_START,
                name="office_end_after_start",
            )
        ]

    def __str__(self):
        return self.title


class Committee(models.Model):
    abbreviation = models.CharField(_("afkorting"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    history = tracked_history()

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("commissie")
        verbose_name_plural = _("commissies")

    def __str__(self):
        return self.name


class Debate(models.Model):
    class Kind(models.TextChoices):
        AO = "ao", _("algemeen overleg")
        NOTAOVERLEG = "notaoverleg", _("notaoverleg")
        PLENARY = "plenary", _("plenair debat")
        VAO = "vao", _("tweeminutendebat/VAO")
        BUDGET = "budget", _("begrotingsbehandeling")
        COMMITTEE = "committee", _("commissiedebat")
        OTHER = "other", _("overig")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=300)
    date = models.DateField(_("datum"))
    committee = models.ForeignKey(Committee, models.PROTECT, null=True, blank=True,
                                  related_name="debates", verbose_name=_("commissie"))
    dossier = models.ForeignKey(Dossier, models.PROTECT, null=True, blank=True,
                                related_name="debates", verbose_name=_("dossier"))
    documents = models.ManyToManyField(
        Document, blank=True, related_name="debates", verbose_name=_("verslagen en Handelingen")
    )
    history = tracked_history()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("debat")
        verbose_name_plural = _("debatten")

    def __str__(self):
        return f"{self.get_kind_display()} {self.title} ({self.date:%d-%m-%Y})"


class Topic(models.Model):
    """A free tag such as lachgas, NPS, GHB, preventie, harm reduction."""

    name = models.CharField(_("naam"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self):
        return self.name

    @classmethod
    def from_names(cls, names):
        """The topics named, created when new; names are compared case-insensitively."""
        topics = []
        for name in dict.fromkeys(name.strip().lower() for name in names if name.strip()):
            topic = cls.objects.filter(name__iexact=name).first() or cls.objects.create(name=name)
            topics.append(topic)
        return topics


class Directorate(models.Model):
    """A directorate of the ministry that owns commitments, motions and law tracks."""

    abbreviation = models.CharField(_("afkorting"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    ministry = models.ForeignKey(Ministry, models.PROTECT, null=True, blank=True,
                                 related_name="directorates", verbose_name=_("ministerie"))
    history = tracked_history()

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("directie")
        verbose_name_plural = _("directies")

    def __str__(self):
        return self.abbreviation


class SavedViewQuerySet(models.QuerySet):
    def visible_to(self, user, kind):
        """The user's own views and those shared with one of the user's groups."""
        return self.filter(Q(owner=user) | Q(group__in=user.groups.all()), kind=kind) \
            .select_related("owner", "group").distinct().order_by("name")


class SavedView(models.Model):
    """A named filter ("Mijn directie, open, dit kwartaal"), optionally shared with a group."""

    class Kind(models.TextChoices):
        COMMITMENTS = "commitments", _("toezeggingen")
        MOTIONS = "motions", _("moties")

    kind = models.CharField(_("lijst"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=100)
    query = models.CharField(_("filter"), max_length=2000, blank=True)
    owner = models.ForeignKey("auth.User", models.CASCADE, related_name="saved_views",
                              verbose_name=_("eigenaar"))
    group = models.ForeignKey("auth.Group", models.SET_NULL, null=True, blank=True,
                              related_name="saved_views", verbose_name=_("gedeeld met"))
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = SavedViewQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("bewaarde selectie")
        verbose_name_plural = _("bewaarde selecties")
        constraints = [models.UniqueConstraint(fields=["owner", "kind", "name"],
                                               name="unique_saved_view_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        url = reverse("commitments:list" if self.kind == self.Kind.COMMITMENTS
                      else "commitments:motion-list")
        return f"{url}?{self.query}" if self.query else url


class FeedToken(models.Model):
    """The secret in a personal feed URL: calendar clients and feed readers cannot log in."""

    user = models.ForeignKey("auth.User", models.CASCADE, related_name="feed_tokens")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("feedsleutel")
        verbose_name_plural = _("feedsleutels")

    def __str__(self):
        state = _("ingetrokken") if self.revoked_at else _("actief")
        return f"{self.user} ({state})"

    @classmethod
    def active_for(cls, user):
        return cls.objects.filter(user=user, revoked_at__isnull=True).first()

    @classmethod
    def renew(cls, user):
        """Revoke the user's token (if any) and issue a new one of 256 random bits."""
        cls.revoke(user)
        return cls.objects.create(user=user, token=secrets.token_urlsafe(32))

    @classmethod
    def revoke(cls, user):
        for token in cls.objects.filter(user=user, revoked_at__isnull=True):
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])

    @classmethod
    def user_for(cls, token):
        """The active user behind a token, or None (unknown, revoked, or user deactivated)."""
        found = cls.objects.filter(token=token, revoked_at__isnull=True,
                                   user__is_active=True).select_related("user").first()
        return found.user if found else None


# --- Progress letters (voortgangsbrieven) ----------------------------------------------------
#
# A letter to the Kamer written from the register (DESIGN.md "Letters"). Its services (compose,
# submit, approve, finalise) live in register/letters.py; its layout in register/letter_layout.py.


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
    bijlagen = models.CharField(_("bijlage(n)"), max_length=100, blank=True)
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
    # What was approved, as register.letters.approval_record writes it: the letter's content
    # (register.letter_layout.content_to_data) and the register records it prints. Finalising
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
    history = tracked_history()

    objects = ProgressLetterQuerySet.as_manager()

    class Meta:
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
        return f"{self.subject} ({self.date:%d-%m-%Y})"

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

    def check_editable(self):
        """Only a draft's text may change — a draft as stored, whatever this copy says."""
        status = self.stored_status() or self.status
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


class LetterSection(models.Model):
    """A titled section of a letter: its own text, followed by the items assigned to it."""

    letter = models.ForeignKey(ProgressLetter, models.CASCADE, related_name="sections",
                               verbose_name=_("brief"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("tekst"), blank=True)
    history = tracked_history()

    objects = LetterPartQuerySet.as_manager()

    class Meta:
        ordering = ["letter", "order", "pk"]
        verbose_name = _("sectie van een brief")
        verbose_name_plural = _("secties van brieven")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.letter.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.letter.check_editable()
        return super().delete(*args, **kwargs)


class LetterItem(models.Model):
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
                                    help_text=_("In woorden, bijvoorbeeld: voorjaar 2021."))
    history = tracked_history()

    objects = LetterPartQuerySet.as_manager()

    class Meta:
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

    def save(self, *args, **kwargs):
        self.letter.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.letter.check_editable()
        return super().delete(*args, **kwargs)

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
