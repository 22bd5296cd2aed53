from django.db import migrations

from register.roles import BELEID, BRIEVEN, GRIFFIE, grant, model_perms

MODELS = ["commitment", "commitmentrelation", "motion", "motionsubmitter"]
REGISTER_MODELS = ["topic", "directorate"]


def grant_roles(apps, schema_editor):
    everyone_reads = (model_perms("commitments", MODELS, ["view"])
                      + model_perms("register", REGISTER_MODELS, ["view"]))
    grant(apps, {
        GRIFFIE: everyone_reads
        + model_perms("commitments", MODELS, ["add", "change"])
        + model_perms("commitments", ["commitmentrelation", "motionsubmitter"], ["delete"])
        + ["register.add_topic", "commitments.change_status_commitment",
           "commitments.change_status_motion", "commitments.record_vote_motion"],
        BELEID: everyone_reads,
        BRIEVEN: everyone_reads,
    })


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0001_initial"),
        ("register", "0003_topics_directorates"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
