from django.db import migrations

from register.roles import GRIFFIE, grant


def grant_merge(apps, schema_editor):
    grant(apps, {GRIFFIE: ["register.merge_person"]})


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0013_letters_moved_out'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': ['surname', 'prefix', 'initials'], 'permissions': [('merge_person', 'Kan twee personen samenvoegen')], 'verbose_name': 'persoon', 'verbose_name_plural': 'personen'},
        ),
        migrations.RunPython(grant_merge, migrations.RunPython.noop),
    ]
