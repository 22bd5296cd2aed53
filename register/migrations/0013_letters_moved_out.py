"""The progress letters moved to their own app, letters (issue 13): they leave the register's
state here and enter the letters app's in letters 0001. Only Django's record of the models
changes: their tables keep their names and their rows (SeparateDatabaseAndState with no database
operations), so nothing is rebuilt and no data or history is touched."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0012_approved_content_constraint'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.RemoveField(
                model_name='historicallettersection',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicallettersection',
                name='letter',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='approver',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='author',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='document',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='dossier',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='ministry',
            ),
            migrations.RemoveField(
                model_name='historicalprogressletter',
                name='signatory',
            ),
            migrations.RemoveField(
                model_name='letteritem',
                name='commitment',
            ),
            migrations.RemoveField(
                model_name='letteritem',
                name='law_track',
            ),
            migrations.RemoveField(
                model_name='letteritem',
                name='letter',
            ),
            migrations.RemoveField(
                model_name='letteritem',
                name='motion',
            ),
            migrations.RemoveField(
                model_name='letteritem',
                name='section',
            ),
            migrations.RemoveField(
                model_name='lettersection',
                name='letter',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='approver',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='author',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='cited_documents',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='document',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='dossier',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='ministry',
            ),
            migrations.RemoveField(
                model_name='progressletter',
                name='signatory',
            ),
            migrations.DeleteModel(
                name='HistoricalLetterItem',
            ),
            migrations.DeleteModel(
                name='HistoricalLetterSection',
            ),
            migrations.DeleteModel(
                name='HistoricalProgressLetter',
            ),
            migrations.DeleteModel(
                name='LetterItem',
            ),
            migrations.DeleteModel(
                name='LetterSection',
            ),
            migrations.DeleteModel(
                name='ProgressLetter',
            ),
        ], database_operations=[]),
    ]
