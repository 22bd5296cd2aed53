"""Core of the register: dossiers, documents, people, parties, committees and debates."""

import datetime
import hashlib
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from register.history import ChangeSource, save_with_history, tracked_history
from register.offices import official_name
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


# What a higher app adds to Document.check_deletable (STYLE.md 13: the register imports none of
# them): callables that take a Document and raise ValidationError when it must stay. The letters
# app keeps a paper that a final letter cites.
DOCUMENT_DELETION_CHECKS = []


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
    # The Kamer's own number of the document (its open data's DocumentNummer), which is all its
    # address on tweedekamer.nl names ("…/detail?id=2020Z24162&did=2020D51587"): a clerk who
    # pastes that address gets this document (register.forms.DocumentInputMixin).
    tk_document_number = models.CharField(_("documentnummer Tweede Kamer"), max_length=20,
                                          blank=True, help_text="2020D51587")
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
        """Raises ValidationError when an app still needs this paper (DOCUMENT_DELETION_CHECKS).
        Foreign keys that PROTECT a Document (a delivering one) refuse its deletion anyway."""
        for check in DOCUMENT_DELETION_CHECKS:
            check(self)

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
    tk_id = models.CharField(_("Tweede Kamer-id"), max_length=40, blank=True)
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
    """A ministry; its addresses make the sender column of its letters (letters/letterhead.py)."""

    abbreviation = models.CharField(_("afkorting"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    visiting_address = models.TextField(
        _("bezoekadres"), blank=True,
        help_text=_("Eén regel per regel in de brief, bijvoorbeeld: Parnassusplein 5, "
                    "2511 VX Den Haag."))
    postal_address = models.TextField(
        _("postadres"), blank=True,
        help_text=_("Eén regel per regel in de brief, bijvoorbeeld: Postbus 20350, "
                    "2500 EJ Den Haag. Ook het retouradres boven het adresvenster."))
    website = models.CharField(_("website"), max_length=100, blank=True,
                               default="www.rijksoverheid.nl")
    history = tracked_history()

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("ministerie")
        verbose_name_plural = _("ministeries")

    def __str__(self):
        return self.abbreviation

    @property
    def display_name(self):
        return official_name(self.name)


class PersonQuerySet(models.QuerySet):
    def members(self):
        """Members of parliament: people with a party membership, and people with neither a
        membership nor an office (the Kamer's motions name their submitters without a party);
        a bewindspersoon holds an office and has no membership."""
        return self.filter(Q(memberships__isnull=False) | Q(offices__isnull=True)).distinct()

    def bewindspersonen(self):
        """People who hold or held an office (minister, staatssecretaris)."""
        return self.filter(offices__isnull=False).distinct()


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

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["surname", "prefix", "initials"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        permissions = [("merge_person", _("Kan twee personen samenvoegen"))]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        """The display name as far as known: "Edgar Mulder", "P. Blokhuis", "Van der Graaf"."""
        if not self.surname:
            # offices.all() so that a prefetched list is used: lists show many people.
            offices = sorted(self.offices.all(), key=lambda o: o.start or datetime.date.min)
            return official_name(offices[-1].title) if offices else str(_("onbekend"))
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
        return official_name(self.title)


class Committee(models.Model):
    abbreviation = models.CharField(_("afkorting"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    history = tracked_history()

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("commissie")
        verbose_name_plural = _("commissies")

    def __str__(self):
        return official_name(self.name)


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
    # The Kamer's activity number (Activiteit.Nummer, a Toezegging's ActiviteitNummer).
    tk_number = models.CharField(_("activiteitnummer Tweede Kamer"), max_length=20, blank=True,
                                 db_index=True, help_text="2024A05766")
    history = tracked_history()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("debat")
        verbose_name_plural = _("debatten")

    def __str__(self):
        return f"{self.get_kind_display()} {self.title} ({date_format(self.date, 'j F Y')})"

    @classmethod
    def budget_debate_day(cls, ministry_id, year):
        """The day the ministry's own budget for `year` is debated, when the register holds it:
        a begrotingsbehandeling from October to December of the year before, of the committee
        with the ministry's abbreviation ("voor de begrotingsbehandeling" ends the day before,
        DESIGN.md "The parliamentary calendar")."""
        abbreviation = Ministry.objects.filter(pk=ministry_id).values_list(
            "abbreviation", flat=True).first() if ministry_id else None
        if not abbreviation:
            return None
        return cls.objects.filter(
            kind=cls.Kind.BUDGET, committee__abbreviation__iexact=abbreviation,
            date__range=(datetime.date(year - 1, 10, 1), datetime.date(year - 1, 12, 31)),
        ).order_by("date").values_list("date", flat=True).first()


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
    unit = models.CharField(
        _("directoraat-generaal"), max_length=200, blank=True,
        help_text=_("Boven de directie in de afzenderkolom, bijvoorbeeld: Directoraat-generaal "
                    "Volksgezondheid."))
    contact = models.TextField(
        _("contact"), blank=True,
        help_text=_("Wat de afzenderkolom onder ‘Contact’ zegt, één regel per regel: een "
                    "telefoonnummer, een e-mailadres."))
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


class EmailChoice(models.Model):
    """Which e-mails a user wants from the register; a user without a row gets all of them."""

    user = models.OneToOneField("auth.User", models.CASCADE, related_name="email_choice")
    digest = models.BooleanField(
        _("dagelijks overzicht"), default=True,
        help_text=_("Mijn toezeggingen die te laat zijn of binnen 14 dagen verlopen, en wat er "
                    "op mij wacht."))
    letters = models.BooleanField(
        _("brieven die op mij wachten"), default=True,
        help_text=_("Direct een e-mail als een brief ter goedkeuring wordt aangeboden of naar "
                    "mij wordt teruggestuurd."))

    class Meta:
        verbose_name = _("e-mailkeuze")
        verbose_name_plural = _("e-mailkeuzes")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        """The user's choice, unsaved with the defaults when they never made one."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    @classmethod
    def wanting(cls, users, kind):
        """Those of `users` with an e-mail address who did not turn e-mails of `kind` ("digest",
        "letters") off."""
        refused = set(cls.objects.filter(user__in=[u.pk for u in users], **{kind: False})
                      .values_list("user_id", flat=True))
        return [user for user in users if user.email and user.pk not in refused]
