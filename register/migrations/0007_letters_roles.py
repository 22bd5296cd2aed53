from django.db import migrations

from register.roles import BELEID, BRIEVEN, GRIFFIE, grant, model_perms

MODELS = ["progressletter", "lettersection", "letteritem"]


def grant_roles(apps, schema_editor):
    grant(apps, {
        BRIEVEN: model_perms("register", MODELS, ["view", "add", "change"])
        + ["register.approve_progressletter", "register.finalise_progressletter"],
        # Advisors write the progress texts of draft letters; nothing else of a letter.
        BELEID: model_perms("register", MODELS, ["view"]) + ["register.edit_progress_text"],
        GRIFFIE: model_perms("register", MODELS, ["view"]),
    })


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0006_progress_letters"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
