"""Keep the search words of commitments and motions true to the people, dossiers and papers
they name (commitments/searchwords.py): a rename or a changed submitter refreshes them. And keep
deadlines true to the ministry's budget debate (commitments/rederive.py)."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from commitments.models import Commitment, Motion, MotionSubmitter
from commitments.rederive import budget_debate_changed
from register.models import Debate, Document, Dossier, Person


def person_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return  # nothing names a person that is new, or one being restored from a backup
    Commitment.objects.filter(Q(bewindspersoon=instance) | Q(to_member=instance)).refresh_search()
    Motion.objects.filter(submitter_rows__person=instance).distinct().refresh_search()


def dossier_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    Commitment.objects.filter(Q(dossier=instance) | Q(made_in__dossier=instance)
                              | Q(delivered_by__dossier=instance)).distinct().refresh_search()
    Motion.objects.filter(Q(dossier=instance) | Q(reported_by__dossier=instance)) \
        .distinct().refresh_search()


def document_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    Commitment.objects.filter(Q(made_in=instance) | Q(delivered_by=instance)).refresh_search()
    Motion.objects.filter(reported_by=instance).refresh_search()


def submitter_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        Motion.objects.filter(pk=instance.motion_id).refresh_search()


def debate_saved(sender, instance, created, raw=False, **kwargs):
    if raw:  # a backup being restored brings its commitments' deadlines with it
        return
    if created and instance.kind != Debate.Kind.BUDGET:
        return  # the common case (an import's debates): nothing to look up
    budget_debate_changed(instance)


def debate_deleted(sender, instance, **kwargs):
    budget_debate_changed(instance, gone=True)


def connect():
    post_save.connect(person_saved, sender=Person, dispatch_uid="search_person")
    post_save.connect(dossier_saved, sender=Dossier, dispatch_uid="search_dossier")
    post_save.connect(document_saved, sender=Document, dispatch_uid="search_document")
    post_save.connect(submitter_changed, sender=MotionSubmitter, dispatch_uid="search_submitter")
    post_delete.connect(submitter_changed, sender=MotionSubmitter,
                        dispatch_uid="search_submitter_gone")
    # After django-simple-history's own receivers (connected when the models were prepared):
    # the debate's history row, which names who changed it, exists by then.
    post_save.connect(debate_saved, sender=Debate, dispatch_uid="rederive_budget_debate")
    post_delete.connect(debate_deleted, sender=Debate, dispatch_uid="rederive_budget_debate_gone")
