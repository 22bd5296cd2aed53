"""The clerk's spreadsheet import: upload, map the columns, preview, confirm."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commitments import spreadsheet
from commitments.models import SpreadsheetUpload


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (.xlsx of .csv)"))


class MappingForm(forms.Form):
    """For each field we import, the column it comes from (or none)."""

    def __init__(self, *args, headers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— niet inlezen —"))] + [(str(i), h or _("kolom %(n)s") % {"n": i + 1})
                                                   for i, h in enumerate(headers)]
        for key in spreadsheet.IMPORTED:
            self.fields[key] = forms.ChoiceField(label=spreadsheet.LABELS[key], choices=choices,
                                                 required=False)

    def mapping(self):
        return {key: int(value) for key, value in self.cleaned_data.items() if value != ""}


@permission_required("commitments.add_commitment", raise_exception=True)
def spreadsheet_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        if uploaded.size > spreadsheet.MAX_BYTES:
            form.add_error("file", _("Het bestand is groter dan %(mb)s MB.")
                           % {"mb": spreadsheet.MAX_BYTES // 2**20})
        else:
            content = uploaded.read()
            try:
                # Read now, so that a file that cannot be read is never kept.
                spreadsheet.read_sheet(content, uploaded.name)
            except spreadsheet.SheetError as error:
                form.add_error("file", str(error))
            else:
                upload = SpreadsheetUpload.objects.create(
                    user=request.user, filename=uploaded.name[:200], content=content)
                return redirect("commitments:spreadsheet-preview", upload.pk)
    return render(request, "commitments/spreadsheet_upload.html", {"form": form})


@permission_required("commitments.add_commitment", raise_exception=True)
def spreadsheet_preview(request, pk):
    upload = get_object_or_404(SpreadsheetUpload, pk=pk, user=request.user)
    try:
        sheet = spreadsheet.read_sheet(bytes(upload.content), upload.filename)
    except spreadsheet.SheetError as error:
        upload.delete()
        messages.error(request, f"{upload.filename}: {error}")
        return redirect("commitments:spreadsheet-upload")
    headers = sheet[0]
    mapping = ({key: int(index) for key, index in upload.mapping.items()} if upload.mapping
               else spreadsheet.default_mapping(headers))
    form = MappingForm(request.POST or None, headers=headers,
                       initial={key: str(index) for key, index in mapping.items()})
    if request.method == "POST" and "confirm" not in request.POST and form.is_valid():
        upload.mapping = form.mapping()
        upload.save(update_fields=["mapping"])
        return redirect("commitments:spreadsheet-preview", upload.pk)
    plan = spreadsheet.plan_sheet(sheet, upload.filename, mapping)
    if request.method == "POST" and "confirm" in request.POST and confirm(request, upload, plan):
        return redirect("commitments:list")
    counts = {action: plan.count(action) for action in ("create", "update", "unchanged", "error")}
    return render(request, "commitments/spreadsheet_preview.html",
                  {"upload": upload, "form": form, "plan": plan, "counts": counts})


def confirm(request, upload, plan):
    """Write the plan, all or nothing; True when written. A refusal is shown on the rows."""
    if plan.has_errors:
        messages.error(request, _("Er staan nog fouten in het bestand; er is niets ingelezen."))
        return False
    if request.POST.get("seen") != plan.fingerprint:
        messages.error(request, _("Het register is veranderd sinds het voorbeeld; er is niets "
                                  "ingelezen. Bekijk het nieuwe voorbeeld en bevestig opnieuw."))
        return False
    try:
        created, updated = spreadsheet.apply_plan(plan, by=request.user)
    except spreadsheet.PlanFailed:
        messages.error(request, _("De database weigerde een rij; er is niets ingelezen. Zie de "
                                  "fouten hieronder."))
        return False
    upload.delete()
    messages.success(request, _("%(file)s ingelezen: %(created)s nieuw, %(updated)s gewijzigd.")
                     % {"file": plan.filename, "created": created, "updated": updated})
    return True
