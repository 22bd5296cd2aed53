from django.db import migrations

from register.roles import BELEID, BRIEVEN, GRIFFIE, grant, model_perms

MODELS = ["lawtrack", "stage"]


def grant_roles(apps, schema_editor):
    everyone_reads = model_perms("legislation", MODELS, ["view"])
    grant(apps, {
        GRIFFIE: everyone_reads
        + model_perms("legislation", MODELS, ["add", "change"])
        + ["legislation.withdraw_lawtrack", "legislation.replan_stage",
           "legislation.complete_stage"],
        BELEID: everyone_reads,
        BRIEVEN: everyone_reads,
    })


class Migration(migrations.Migration):
    dependencies = [
        ("legislation", "0001_initial"),
        ("commitments", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
