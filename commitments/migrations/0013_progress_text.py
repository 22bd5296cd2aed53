"""The progress text of its own (issue 16): where an item stands, as a letter says it, kept up by
clerks (griffie) and advisors (beleid) with history; letters are written from it.

On SQLite adding a column that is NOT NULL rebuilds the table, which drops the search triggers of
0004; they are created again afterwards (and again after the column is removed when migrating
back)."""

from django.db import migrations, models

from register.roles import BELEID, GRIFFIE, grant

PERMISSIONS = ['commitments.edit_progress_commitment', 'commitments.edit_progress_motion']


# The triggers of 0004_search, which keep the FTS5 table in step with the commitments table.
SEARCH_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS commitment_fts_insert AFTER INSERT ON commitments_commitment
       BEGIN INSERT INTO commitment_fts(rowid, body) VALUES (new.id, new.search_text); END""",
    """CREATE TRIGGER IF NOT EXISTS commitment_fts_update AFTER UPDATE OF search_text
       ON commitments_commitment
       BEGIN UPDATE commitment_fts SET body = new.search_text WHERE rowid = new.id; END""",
    """CREATE TRIGGER IF NOT EXISTS commitment_fts_delete AFTER DELETE ON commitments_commitment
       BEGIN DELETE FROM commitment_fts WHERE rowid = old.id; END""",
]


def search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SEARCH_TRIGGERS:
            schema_editor.execute(statement)


def grant_roles(apps, schema_editor):
    grant(apps, {GRIFFIE: PERMISSIONS, BELEID: PERMISSIONS})


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0012_proposals_and_estimated_deadlines'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, search_triggers),
        migrations.AlterModelOptions(
            name='commitment',
            options={'ordering': [models.OrderBy(models.F('deadline_end'), nulls_last=True), 'number'], 'permissions': [('change_status_commitment', 'Kan de status van een toezegging wijzigen'), ('edit_progress_commitment', 'Kan de voortgang van een toezegging bijhouden')], 'verbose_name': 'toezegging', 'verbose_name_plural': 'toezeggingen'},
        ),
        migrations.AlterModelOptions(
            name='motion',
            options={'ordering': ['dossier__number', 'number'], 'permissions': [('change_status_motion', 'Kan de uitvoering van een motie wijzigen'), ('record_vote_motion', 'Kan de stemmingsuitslag van een motie vastleggen'), ('edit_progress_motion', 'Kan de voortgang van een motie bijhouden')], 'verbose_name': 'motie', 'verbose_name_plural': 'moties'},
        ),
        migrations.AddField(
            model_name='commitment',
            name='progress',
            field=models.TextField(blank=True, help_text='Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De volgende voortgangsbrief neemt deze tekst over; de reden bij een statuswijziging blijft intern.', verbose_name='voortgang'),
        ),
        migrations.AddField(
            model_name='historicalcommitment',
            name='progress',
            field=models.TextField(blank=True, help_text='Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De volgende voortgangsbrief neemt deze tekst over; de reden bij een statuswijziging blijft intern.', verbose_name='voortgang'),
        ),
        migrations.AddField(
            model_name='historicalmotion',
            name='progress',
            field=models.TextField(blank=True, help_text='Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De volgende voortgangsbrief neemt deze tekst over; de reden bij een statuswijziging blijft intern.', verbose_name='voortgang'),
        ),
        migrations.AddField(
            model_name='motion',
            name='progress',
            field=models.TextField(blank=True, help_text='Waar het nu staat, in zinnen die zo in een brief aan de Kamer kunnen. De volgende voortgangsbrief neemt deze tekst over; de reden bij een statuswijziging blijft intern.', verbose_name='voortgang'),
        ),
        migrations.RunPython(search_triggers, migrations.RunPython.noop),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
