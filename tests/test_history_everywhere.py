"""No code path writes to a tracked model without a history row naming a user and a reason."""

from django.core.management import call_command
from django.urls import reverse

from commitments.models import Commitment
from tests.history_audit import history_audit


def test_load_demo_writes_history_for_everything(clerk):
    with history_audit() as records:
        call_command("load_demo", user="griffie")
    assert len(records) > 40


def test_clerk_screens_write_history_for_everything(client_for, clerk, demo):
    client = client_for(clerk)
    commitment = Commitment.objects.filter(status="open").first()
    motion = demo["motion"]
    with history_audit() as records:
        client.post(reverse("commitments:change-status", args=[commitment.pk]), {
            "new": "done", "reason": "brief", "version": commitment.version,
            "document_reference": "Kamerstuk 24 077, nr. 480"})
        client.post(reverse("commitments:motion-edit", args=[motion.pk]), {
            "dossier": motion.dossier_id, "number": motion.number, "title": "Nieuwe titel",
            "version": motion.version, "reason": "titel"})
    assert len(records) >= 4  # document, commitment, two submitters removed, motion
