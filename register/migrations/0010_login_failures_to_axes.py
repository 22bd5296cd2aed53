"""Login failures are counted by django-axes now (register.auth, issue 12): the hand-written
throttle's table goes. Its rows only ever mattered for 15 minutes, so none are carried over."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0009_document_natural_key_constraints'),
    ]

    operations = [
        migrations.DeleteModel(
            name='LoginFailure',
        ),
    ]
