"""Letters are written on their own screens (/brieven/); the admin shows them, and a final letter
is frozen here too."""

from django.contrib import admin

from letters.models import LetterItem, LetterSection, ProgressLetter
from letters.services import letter_reopen
from register.admin_base import HistoryAdmin


class LetterSectionInline(admin.StackedInline):
    model = LetterSection
    extra = 0


class LetterItemInline(admin.TabularInline):
    model = LetterItem
    extra = 0
    raw_id_fields = ["commitment", "motion", "law_track"]


@admin.register(ProgressLetter)
class ProgressLetterAdmin(HistoryAdmin):
    list_display = ["subject", "kind", "status", "date", "dossier", "kenmerk", "author"]
    list_filter = ["kind", "status"]
    search_fields = ["subject", "kenmerk"]
    readonly_fields = ["status", "since", "submitted_at", "approved_at", "finalised_at", "pdf",
                       "pdf_sha256", "document"]
    raw_id_fields = ["signatory", "author", "approver"]
    filter_horizontal = ["cited_documents"]
    inlines = [LetterSectionInline, LetterItemInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_final)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_final)

    # An edit of a submitted or approved letter sends it back to draft (DESIGN.md "Letters"):
    # before the letter's own fields are saved, or before the first changed section or item.
    def save_model(self, request, obj, form, change):
        if change and set(form.changed_data) - {"change_reason", "seen_version"}:
            letter_reopen(letter=obj, by=request.user, reason=self.reason(form))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if change and formset.has_changed():
            letter_reopen(letter=form.instance, by=request.user, reason=self.reason(form))
        super().save_formset(request, form, formset, change)
