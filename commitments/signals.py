"""Keep the search words of commitments and motions true to the people, dossiers and papers
they name and to their owner, directorate and topics (commitments/searchwords.py): a rename, a
changed submitter or a topic added or removed refreshes them. And keep deadlines true to the
ministry's budget debate (commitments/rederive.py)."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from commitments.models import Commitment, Motion, MotionSubmitter
from commitments.rederive import budget_debate_changed
from register.backup import RESTORING
from register.models import Debate, Directorate, Document, Dossier, Person, Topic

# The fields of a user that are search words (searchwords.user_words).
USER_NAME_FIELDS = {"first_name", "last_name", "username"}


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


def user_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # Every login saves last_login: that renames nobody.
    if created or raw or (update_fields is not None and not USER_NAME_FIELDS & set(update_fields)):
        return
    for model in (Commitment, Motion):
        model.objects.filter(owner=instance).refresh_search()


def directorate_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    for model in (Commitment, Motion):
        model.objects.filter(directorate=instance).refresh_search()


def topic_saved(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    for model in (Commitment, Motion):
        model.objects.filter(topics=instance).refresh_search()


def topics_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A topic added to or removed from records (record.topics.add(…), or topic.commitments…)."""
    if action not in ("post_add", "post_remove", "post_clear") or RESTORING.get():
        return
    if not reverse:
        type(instance).objects.filter(pk=instance.pk).refresh_search()
    elif pk_set:
        model.objects.filter(pk__in=pk_set).refresh_search()


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
    post_save.connect(user_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="search_user")
    post_save.connect(directorate_saved, sender=Directorate, dispatch_uid="search_directorate")
    post_save.connect(topic_saved, sender=Topic, dispatch_uid="search_topic")
    for model in (Commitment, Motion):
        m2m_changed.connect(topics_changed, sender=model.topics.through,
                            dispatch_uid=f"search_topics_{model.__name__}")
    # After django-simple-history's own receivers (connected when the models were prepared):
    # the debate's history row, which names who changed it, exists by then.
    post_save.connect(debate_saved, sender=Debate, dispatch_uid="rederive_budget_debate")
    post_delete.connect(debate_deleted, sender=Debate, dispatch_uid="rederive_budget_debate_gone")
