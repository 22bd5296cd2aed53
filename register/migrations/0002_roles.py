from django.db import migrations

from register.roles import BELEID, BRIEVEN, GRIFFIE, grant, model_perms

MODELS = ["dossier", "document", "person", "party", "partymembership", "ministry", "office",
          "committee", "debate"]


def create_roles(apps, schema_editor):
    grant(apps, {
        GRIFFIE: model_perms("register", MODELS, ["view", "add", "change"]),
        BELEID: model_perms("register", MODELS, ["view"]),
        BRIEVEN: model_perms("register", MODELS, ["view"]),
    })


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
