from django.contrib import admin

from legislation.models import LawTrack, Stage
from register.admin_base import HistoryAdmin


class StageInline(admin.TabularInline):
    # Read-only: every stage change goes through the clerk's forms, which ask a reason and
    # keep the track's stored state in step.
    model = Stage
    extra = 0
    can_delete = False
    fields = readonly_fields = ["order", "kind", "name", "planned_text", "planned_end",
                                "actual_start", "actual_end", "skipped"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LawTrack)
class LawTrackAdmin(HistoryAdmin):
    list_display = ["short_name", "title", "instrument", "ministry", "state", "withdrawn"]
    list_filter = ["instrument", "state", "withdrawn", "ministry"]
    search_fields = ["short_name", "title", "description"]
    list_select_related = ["ministry"]
    autocomplete_fields = ["dossier", "reporting_dossier"]
    filter_horizontal = ["co_ministries", "topics", "commitments", "motions"]
    readonly_fields = ["state", "withdrawn", "withdrawn_reason", "withdrawn_on", "version"]
    inlines = [StageInline]


@admin.register(Stage)
class StageAdmin(HistoryAdmin):
    list_display = ["track", "order", "name", "planned_text", "planned_end", "actual_start",
                    "actual_end", "skipped"]
    list_filter = ["kind", "skipped"]
    list_select_related = ["track"]
    search_fields = ["name", "track__short_name", "track__title"]
    autocomplete_fields = ["documents"]
    # Name, note and documents may be corrected here; what moves the track's state may not.
    readonly_fields = ["track", "kind", "order", "skipped", "planned_text", "planned_on",
                       "planned_start", "planned_end", "actual_start", "actual_end", "version"]

    def has_add_permission(self, request):
        return False
