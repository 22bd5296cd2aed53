from django.contrib import admin

from commitments.models import Commitment, CommitmentRelation, Motion, MotionSubmitter
from register.admin_base import HistoryAdmin


class RelationInline(admin.TabularInline):
    model = CommitmentRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Commitment)
class CommitmentAdmin(HistoryAdmin):
    list_display = ["number", "title", "bewindspersoon", "status", "deadline_text", "deadline_end",
                    "tk_number", "tk_status"]
    list_filter = ["status", "ministry", "bewindspersoon", "dossier", "committee", "topics",
                   "deadline_overridden"]
    search_fields = ["number", "tk_number", "ek_number", "title", "text"]
    list_select_related = ["bewindspersoon", "ministry"]
    autocomplete_fields = ["bewindspersoon", "to_member", "debate", "made_in", "dossier",
                           "delivered_by"]
    filter_horizontal = ["topics"]
    # Status changes go through the status form, which checks the transition and asks a reason.
    readonly_fields = ["number", "status", "delivered_on", "delivered_by", "deadline_start",
                       "deadline_end", "deadline_overridden", "version"]
    inlines = [RelationInline]
    date_hierarchy = "made_on"


class SubmitterInline(admin.TabularInline):
    model = MotionSubmitter
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Motion)
class MotionAdmin(HistoryAdmin):
    list_display = ["__str__", "vote_outcome", "execution_status", "filed_on", "voted_on"]
    list_filter = ["vote_outcome", "execution_status", "appreciation", "dossier", "topics"]
    search_fields = ["number", "title", "text", "dossier__number"]
    list_select_related = ["dossier"]
    autocomplete_fields = ["dossier", "debate", "reported_by"]
    filter_horizontal = ["topics"]
    readonly_fields = ["vote_outcome", "voted_on", "execution_status", "reported_by",
                       "reported_on", "version"]
    inlines = [SubmitterInline]
