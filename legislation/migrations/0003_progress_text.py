"""The progress text of its own (issue 16) on a law-track stage: where it stands, as a letter says
it, kept up by clerks (griffie) and advisors (beleid) with history; letters are written from it."""

from django.db import migrations, models

from register.roles import BELEID, GRIFFIE, grant

PERMISSIONS = ['legislation.edit_progress_stage']


def grant_roles(apps, schema_editor):
    grant(apps, {GRIFFIE: PERMISSIONS, BELEID: PERMISSIONS})


class Migration(migrations.Migration):

    dependencies = [
        ('legislation', '0002_roles'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='stage',
            options={'ordering': ['track', 'order', 'pk'], 'permissions': [('replan_stage', 'Kan een fase (her)plannen'), ('complete_stage', 'Kan het begin en einde van een fase vastleggen'), ('edit_progress_stage', 'Kan de voortgang van een fase bijhouden')], 'verbose_name': 'fase', 'verbose_name_plural': 'fasen'},
        ),
        migrations.AddField(
            model_name='historicalstage',
            name='progress',
            field=models.TextField(blank=True, help_text='Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De volgende voortgangsbrief neemt deze tekst over; de reden bij een statuswijziging blijft intern.', verbose_name='voortgang'),
        ),
        migrations.AddField(
            model_name='stage',
            name='progress',
            field=models.TextField(blank=True, help_text='Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De volgende voortgangsbrief neemt deze tekst over; de reden bij een statuswijziging blijft intern.', verbose_name='voortgang'),
        ),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
