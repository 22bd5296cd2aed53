"""A clerk's "Geen termijn" on a commitment: the words hold a date but name no deadline.

On SQLite adding the check constraint rebuilds the commitments table, which drops the search
triggers of 0004; they are created again afterwards (as in 0013)."""

from importlib import import_module

from django.db import migrations, models

search_triggers = import_module("commitments.migrations.0013_progress_text").search_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0015_search_owner_directorate_topics'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, search_triggers),
        migrations.AddField(
            model_name='commitment',
            name='deadline_none',
            field=models.BooleanField(default=False, help_text='Aanvinken als de woorden wel een datum bevatten maar geen termijn noemen, bijvoorbeeld ‘richting 2070’ of ‘voortaan op Prinsjesdag’.', verbose_name='Geen termijn (de woorden noemen geen termijn)'),
        ),
        migrations.AddField(
            model_name='historicalcommitment',
            name='deadline_none',
            field=models.BooleanField(default=False, help_text='Aanvinken als de woorden wel een datum bevatten maar geen termijn noemen, bijvoorbeeld ‘richting 2070’ of ‘voortaan op Prinsjesdag’.', verbose_name='Geen termijn (de woorden noemen geen termijn)'),
        ),
        migrations.AddConstraint(
            model_name='commitment',
            constraint=models.CheckConstraint(condition=models.Q(('deadline_none', False), models.Q(('deadline_override_end__isnull', True), ('deadline_override_start__isnull', True)), _connector='OR'), name='commitment_deadline_none_without_dates', violation_error_message='Kies óf ‘Geen termijn’ óf een handmatige termijn met data, niet allebei.'),
        ),
        migrations.RunPython(search_triggers, migrations.RunPython.noop),
    ]
