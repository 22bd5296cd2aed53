from axes.models import AccessAttempt
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from register.admin_base import HistoryAdmin
from register.auth import lockout_for
from register.models import (
    Committee,
    Debate,
    Directorate,
    Document,
    Dossier,
    Ministry,
    Office,
    Party,
    PartyMembership,
    Person,
    Topic,
)


@admin.register(Dossier)
class DossierAdmin(HistoryAdmin):
    list_display = ["number", "title"]
    search_fields = ["number", "title"]


@admin.register(Document)
class DocumentAdmin(HistoryAdmin):
    list_display = ["__str__", "kind", "date", "title"]
    list_filter = ["kind", "chamber"]
    search_fields = ["ident", "title", "kenmerk", "number", "tk_document_number"]
    readonly_fields = ["ident"]
    autocomplete_fields = ["dossier"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            try:
                obj.check_deletable()
            except ValidationError:
                return False
        return super().has_delete_permission(request, obj)


class MembershipInline(admin.TabularInline):
    model = PartyMembership
    extra = 0


class OfficeInline(admin.TabularInline):
    model = Office
    extra = 0


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["full_name", "initials", "first_name", "prefix", "surname"]
    search_fields = ["surname", "first_name", "initials", "offices__title"]
    inlines = [MembershipInline, OfficeInline]


@admin.register(Party)
class PartyAdmin(HistoryAdmin):
    list_display = ["abbreviation", "name", "aliases"]
    search_fields = ["abbreviation", "name", "aliases"]


@admin.register(PartyMembership)
class PartyMembershipAdmin(HistoryAdmin):
    list_display = ["person", "party", "start", "end"]


@admin.register(Ministry)
class MinistryAdmin(HistoryAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["abbreviation", "name"]


@admin.register(Office)
class OfficeAdmin(HistoryAdmin):
    list_display = ["title", "person", "ministry", "start", "end"]


@admin.register(Committee)
class CommitteeAdmin(HistoryAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["abbreviation", "name"]


@admin.register(Debate)
class DebateAdmin(HistoryAdmin):
    list_display = ["title", "kind", "date", "committee", "dossier"]
    list_filter = ["kind", "committee"]
    search_fields = ["title"]
    filter_horizontal = ["documents"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Directorate)
class DirectorateAdmin(HistoryAdmin):
    list_display = ["abbreviation", "name", "ministry"]
    search_fields = ["abbreviation", "name"]


# --- Login throttle ----------------------------------------------------------------------------
# The failures django-axes counts (register.auth). Only read, and deleted to lift a lock.


@admin.register(AccessAttempt)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ["ip_address", "username", "failures_since_start", "attempt_time", "state"]
    search_fields = ["ip_address", "username"]
    ordering = ["-attempt_time"]
    actions = ["unblock_addresses", "delete_selected"]
    fields = readonly_fields = ["ip_address", "username", "failures_since_start", "attempt_time",
                                "user_agent", "path_info"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Stand"))
    def state(self, attempt):
        lockout = lockout_for(attempt.ip_address, attempt.username, timezone.now())
        if lockout is None:
            return "—"
        labels = {"address": _("Geblokkeerd (adres)"), "slow": _("Vertraagd (adres)"),
                  "name": _("Geblokkeerd (naam op dit adres)")}
        return _("%(state)s tot %(time)s") % {
            "state": labels[lockout.kind], "time": f"{timezone.localtime(lockout.until):%H:%M}"}

    @admin.action(description=_("Adres deblokkeren: alle mislukte pogingen van die adressen "
                                "wissen"), permissions=["delete"])
    def unblock_addresses(self, request, queryset):
        addresses = set(queryset.values_list("ip_address", flat=True))
        count, _deleted = AccessAttempt.objects.filter(ip_address__in=addresses).delete()
        self.message_user(request, _("%(count)s mislukte pogingen gewist; %(addresses)s kan "
                                     "weer inloggen.")
                          % {"count": count, "addresses": ", ".join(sorted(map(str, addresses)))})
