"""Approving records the letter's content (issue 12, DESIGN.md "Letters"; the constraint that says
so is migration 0012). A letter approved before this migration has no recorded content, so its
approval is withdrawn: it waits for approval again (still "ter goedkeuring"), with a history row
that says why. Drafts and final letters are left as they are."""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


REASON = ("Goedkeuring ingetrokken bij de upgrade: goedkeuren legt nu de inhoud van de brief vast; "
          "keur de brief opnieuw goed")


def withdraw_unrecorded_approvals(apps, schema_editor):
    ProgressLetter = apps.get_model("register", "ProgressLetter")
    historical = apps.get_model("register", "HistoricalProgressLetter")
    kept = {f.attname for f in historical._meta.concrete_fields}
    for letter in ProgressLetter.objects.filter(status="for_approval", approved_at__isnull=False,
                                                approved_content__isnull=True):
        letter.approved_at = letter.approver = None
        letter.version += 1
        letter.save(update_fields=["approved_at", "approver", "version"])
        historical.objects.create(
            **{f.attname: getattr(letter, f.attname) for f in ProgressLetter._meta.concrete_fields
               if f.attname in kept},
            history_date=timezone.now(), history_type="~", history_change_reason=REASON,
            history_user=None)
        print(f"\n  Brief {letter.pk} ({letter.kenmerk}): goedkeuring ingetrokken; keur hem opnieuw goed.")


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0010_login_failures_to_axes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalprogressletter',
            name='approved_content',
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name='goedgekeurde inhoud'),
        ),
        migrations.AddField(
            model_name='progressletter',
            name='approved_content',
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name='goedgekeurde inhoud'),
        ),
        migrations.RunPython(withdraw_unrecorded_approvals, migrations.RunPython.noop),
    ]
