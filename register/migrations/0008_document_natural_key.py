"""Before a Document's natural key, and a letter's Document, become unique in the database (issue
12, migration 0009): the data that would break those constraints is repaired, losing nothing.
On a database without such data this migration changes nothing. What it repairs, it prints:

- Documents with the same natural key (a Kamerstuk: dossier and number; Handelingen and Aanhangsel
  Handelingen: kind, chamber, year, number and item) are one paper stored twice. They are merged
  into one — the one a letter is linked to, else the oldest: every record that points at a
  duplicate (also through a many-to-many list) is pointed at the one kept, and the duplicate is
  deleted. Each change gets a history row with the reason, so nothing is lost from the history.
  If two duplicates each belong to a different letter, the migration stops and names them: which
  letter is that paper must be decided by a person.
- Letters that share one Document (a Kamerstuk number recorded on a second final letter): the
  letter finalised first keeps it; each later letter gets a Document of its own again, made as
  finalising makes it (a "brief" of its dossier, with its date, kenmerk and subject), or the
  Document with its kenmerk that no letter has. What such a letter delivered still names the
  shared paper: the printed line says which letter to check.
"""

from django.db import migrations, models
from django.utils import timezone

REASON_MERGED = "Dubbel opgeslagen document samengevoegd met document %(kept)s (migratie 0008)"
REASON_OWN = "Eigen document teruggegeven: %(shared)s hoort bij een andere brief (migratie 0008)"


def record_history(apps, obj, reason, history_type="~"):
    """A history row for a change the migration makes, as django-simple-history would write it."""
    meta = obj._meta
    historical = apps.get_model(meta.app_label, f"Historical{meta.object_name}")
    kept = {f.attname for f in historical._meta.concrete_fields}
    values = {f.attname: getattr(obj, f.attname) for f in meta.concrete_fields
              if f.attname in kept}
    historical.objects.create(**values, history_date=timezone.now(), history_type=history_type,
                              history_change_reason=reason, history_user=None)


def relations(document_model):
    for relation in document_model._meta.related_objects:
        if not relation.related_model.__name__.startswith("Historical"):
            yield relation


def repoint(apps, document_model, old, new, reason):
    """Every record that points at `old` points at `new` instead, each with a history row."""
    for relation in relations(document_model):
        model, field = relation.related_model, relation.field
        if relation.many_to_many:
            through = getattr(model, field.name).through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            for row in through.objects.filter(**{target: old}):
                if through.objects.filter(**{source: getattr(row, f"{source}_id"),
                                             target: new}).exists():
                    row.delete()
                else:
                    setattr(row, target, new)
                    row.save()
            continue
        for obj in model._default_manager.filter(**{field.name: old}):
            setattr(obj, field.name, new)
            obj.save(update_fields=[field.name])
            record_history(apps, obj, reason)


def natural_key(document):
    if document.dossier_id and document.number:
        return ("kamerstuk", document.dossier_id, document.number)
    if (document.dossier_id is None and document.kind in ("handelingen", "aanhangsel")
            and document.year and document.number):
        return (document.kind, document.chamber or "II", document.year, document.number,
                document.item)
    return None


def merge_duplicate_documents(apps, schema_editor):
    Document = apps.get_model("register", "Document")
    ProgressLetter = apps.get_model("register", "ProgressLetter")
    # Handelingen without a chamber are of the Tweede Kamer, as their reference says.
    for document in Document.objects.filter(kind__in=["handelingen", "aanhangsel"], chamber="",
                                            dossier__isnull=True).exclude(year="").exclude(number=""):
        document.chamber = "II"
        document.save(update_fields=["chamber"])
    groups = {}
    for document in Document.objects.order_by("pk"):
        key = natural_key(document)
        if key:
            groups.setdefault(key, []).append(document)
    for documents in (group for group in groups.values() if len(group) > 1):
        with_letters = [d for d in documents if ProgressLetter.objects.filter(document=d).exists()]
        if len(with_letters) > 1:
            raise RuntimeError(
                "Documenten %s zijn hetzelfde stuk maar horen elk bij een andere brief; beslis "
                "welke brief dit stuk is en koppel de andere los voordat u opnieuw migreert."
                % ", ".join(str(d.pk) for d in with_letters))
        kept = (with_letters or documents)[0]
        for duplicate in documents:
            if duplicate.pk == kept.pk:
                continue
            reason, pk = REASON_MERGED % {"kept": kept.pk}, duplicate.pk
            repoint(apps, Document, duplicate, kept, reason)
            record_history(apps, duplicate, reason, history_type="-")
            duplicate.delete()
            print(f"\n  Document {pk} samengevoegd met document {kept.pk} ({kept.ident}).")


def give_shared_letters_their_own_document(apps, schema_editor):
    Document = apps.get_model("register", "Document")
    ProgressLetter = apps.get_model("register", "ProgressLetter")
    shared = (ProgressLetter.objects.exclude(document=None).values("document")
              .annotate(letters=models.Count("pk")).filter(letters__gt=1))
    for row in shared:
        letters = list(ProgressLetter.objects.filter(document=row["document"])
                       .order_by(models.F("finalised_at").asc(nulls_last=True), "pk"))
        document = Document.objects.get(pk=row["document"])
        for letter in letters[1:]:
            own = Document.objects.filter(kenmerk=letter.kenmerk, progress_letters=None).first() \
                if letter.kenmerk else None
            reason = REASON_OWN % {"shared": document.ident or document.pk}
            if own is None:
                own = Document.objects.create(
                    kind="brief", dossier_id=letter.dossier_id, date=letter.date,
                    kenmerk=letter.kenmerk, title=" ".join(letter.subject.split())[:300],
                    ident=f"brief-{letter.kenmerk}" if letter.kenmerk else None)
                record_history(apps, own, reason, history_type="+")
            # A queryset update: the historical model has no freeze of a final letter.
            ProgressLetter.objects.filter(pk=letter.pk).update(document=own)
            letter.document = own
            record_history(apps, letter, reason)
            print(f"\n  Brief {letter.pk} ({letter.kenmerk}) deelde document {document.pk} met "
                  f"brief {letters[0].pk}; hij heeft nu document {own.pk}. Controleer wat hij afdeed.")


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0007_letters_roles'),
    ]

    operations = [
        migrations.RunPython(merge_duplicate_documents, migrations.RunPython.noop),
        migrations.RunPython(give_shared_letters_their_own_document, migrations.RunPython.noop),
    ]
