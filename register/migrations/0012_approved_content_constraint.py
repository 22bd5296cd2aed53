"""An approval records what was approved; in a migration of its own, after 0011 changed rows
(PostgreSQL alters no table with pending trigger events in the same transaction)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0011_approved_content'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='progressletter',
            constraint=models.CheckConstraint(condition=models.Q(('approved_at__isnull', True), ('approved_content__isnull', False), ('status', 'final'), _connector='OR'), name='letter_approval_records_content'),
        ),
    ]
