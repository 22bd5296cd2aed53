"""The constraints, in a migration of their own: on PostgreSQL an index cannot be created in the
transaction that just changed the rows (0008's repairs leave deferred foreign-key checks)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0008_document_natural_key'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='document',
            constraint=models.UniqueConstraint(condition=models.Q(('dossier__isnull', False), models.Q(('number', ''), _negated=True)), fields=('dossier', 'number'), name='document_unique_kamerstuk', violation_error_message='Dit Kamerstuk (dossier en nummer) staat al in het register.'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.UniqueConstraint(condition=models.Q(('dossier__isnull', True), ('kind__in', ['handelingen', 'aanhangsel']), models.Q(('year', ''), _negated=True), models.Q(('number', ''), _negated=True)), fields=('kind', 'chamber', 'year', 'number', 'item'), name='document_unique_handelingen', violation_error_message='Deze Handelingen (Kamer, vergaderjaar, nummer en item) staan al in het register.'),
        ),
        migrations.AddConstraint(
            model_name='progressletter',
            constraint=models.UniqueConstraint(fields=('document',), name='letter_unique_document', violation_error_message='Dit document hoort al bij een andere brief.'),
        ),
    ]
