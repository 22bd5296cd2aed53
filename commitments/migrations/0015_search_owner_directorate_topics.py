"""The search words now also name a record's owner, directorate and topics
(commitments/searchwords.py): derived again for every record, with the functions the models use."""

from django.db import migrations

from commitments.searchwords import commitment_search, motion_search


def derive(apps, schema_editor):
    Commitment = apps.get_model("commitments", "Commitment")
    Motion = apps.get_model("commitments", "Motion")
    commitments = list(Commitment.objects.select_related(
        "dossier", "bewindspersoon", "to_member", "made_in__dossier", "delivered_by__dossier",
        "owner", "directorate").prefetch_related("topics"))
    for commitment in commitments:
        commitment.search_title, commitment.search_text = commitment_search(commitment)
    Commitment.objects.bulk_update(commitments, ["search_title", "search_text"], batch_size=500)
    motions = list(Motion.objects.select_related("dossier", "reported_by__dossier", "owner",
                                                 "directorate")
                   .prefetch_related("submitter_rows__person", "topics"))
    for motion in motions:
        people = [row.person for row in motion.submitter_rows.all()]
        motion.search_title, motion.search_text = motion_search(motion, motion.dossier, people)
    Motion.objects.bulk_update(motions, ["search_title", "search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("commitments", "0014_search_people_dossiers_papers")]

    operations = [migrations.RunPython(derive, migrations.RunPython.noop)]
