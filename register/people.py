"""Two records of one person merged into one (issue 15): an import that met a name spelled two
ways, or a clerk who registered someone the Kamer's data brought in too.

The merge moves every reference to the person merged away (a commitment's bewindspersoon, a
motion's submitter, an office, a party membership, a letter's signatory, …) to the person kept,
each with a history row; what the kept person lacks of the other's name and the Kamer's Id is
taken over; the person merged away is deleted with a history row naming the one kept. The
references are found through the model's relations, so the register app need not know the apps
above it that point to a person.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import UniqueConstraint
from django.utils.translation import gettext

from register.history import delete_with_history, dutch_reason, save_with_history
from register.models import Person
from register.names import fold

NAME_PARTS = ["initials", "first_name", "prefix", "tk_id"]
NAME_FIELDS = ["surname", "prefix", "first_name", "initials"]  # what a name is made of


def references(person):
    """(relation, query set of the rows that point to `person`) for each kind of reference."""
    found = []
    for relation in Person._meta.related_objects:
        if relation.many_to_many and not relation.through._meta.auto_created:
            continue  # through a model of its own (motion submitters): its foreign key counts
        if relation.many_to_many:
            rows = relation.through.objects.filter(**{relation.field.m2m_reverse_field_name():
                                                      person})
        else:
            rows = relation.related_model._default_manager.filter(**{relation.field.name: person})
        found.append((relation, rows))
    return found


def reference_counts(person):
    """{verbose name of the referring model: how many rows point to `person`}, none left out."""
    counts = {}
    for relation, rows in references(person):
        count = rows.count()
        if count:
            label = str(relation.related_model._meta.verbose_name_plural)
            counts[label] = counts.get(label, 0) + count
    return counts


def likely_duplicates():
    """Per surname, the pairs (keep, other) of people who may be one: surname and tussenvoegsel
    the same once accents, capitals and stray characters are set aside ("Kostić" and "Kostic",
    "Boswijk." and "Boswijk"), and nothing that tells them apart: not two first names or first
    initials (Olger and Inge van Dijk are two members), nor two Ids of the Kamer."""
    groups = {}
    for person in Person.objects.exclude(surname="").prefetch_related("offices"):
        groups.setdefault((fold(person.surname), fold(person.prefix)), []).append(person)
    found = []
    for _key, group in sorted(groups.items()):
        pairs = [kept_first(one, other) for n, one in enumerate(group) for other in group[n + 1:]
                 if may_be_one(one, other)]
        if pairs:
            found.append(pairs)
    return found


def namesakes(*, surname, prefix="", first_name="", initials=""):
    """The people the register holds under this very name, accents, capitals and stray
    characters aside: a new record for one of them would be a second record of one person."""
    key = [fold(part) for part in (surname, prefix, first_name, initials)]
    candidates = Person.objects.exclude(surname="").only(*NAME_FIELDS)
    return [person for person in candidates
            if [fold(getattr(person, name)) for name in NAME_FIELDS] == key]


def may_be_one(one, other):
    if one.tk_id and other.tk_id and one.tk_id != other.tk_id:
        return False
    first_names = fold(one.first_name), fold(other.first_name)
    if all(first_names) and first_names[0] != first_names[1]:
        return False
    initials = [(fold(person.initials) or fold(person.first_name))[:1] for person in (one, other)]
    return not (all(initials) and initials[0] != initials[1])


def kept_first(one, other):
    """(keep, other): the one the Kamer knows, else the one with more of the name, kept."""
    def known(person):
        return (bool(person.tk_id), bool(person.first_name), bool(person.initials))
    return (other, one) if known(other) > known(one) else (one, other)


def person_merge(*, keep, other, by, reason):
    """Merge `other` into `keep`; raises ValidationError (Dutch) when that cannot be."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(gettext("Geef een reden voor het samenvoegen."), code="reason")
    if keep.pk == other.pk:
        raise ValidationError(gettext("Kies twee verschillende personen."), code="same")
    if keep.tk_id and other.tk_id and keep.tk_id != other.tk_id:
        raise ValidationError(
            gettext("De Tweede Kamer kent dit als twee personen (Persoon-Id %(one)s en "
                    "%(other)s); die worden niet samengevoegd.")
            % {"one": keep.tk_id, "other": other.tk_id}, code="two_people")
    with transaction.atomic():
        keep = Person.objects.select_for_update().get(pk=keep.pk)
        other = Person.objects.select_for_update().get(pk=other.pk)
        why = dutch_reason("Samengevoegd: %(other)s (#%(pk)s) is %(keep)s; %(reason)s",
                           other=other.full_name, pk=other.pk, keep=keep.full_name,
                           reason=reason)
        for relation, rows in references(other):
            move(relation, rows, keep, by=by, reason=why)
        taken = [part for part in NAME_PARTS if not getattr(keep, part) and getattr(other, part)]
        for part in taken:
            setattr(keep, part, getattr(other, part))
        if taken:
            other.tk_id = ""  # one Id, one person (the field is unique in practice)
            save_with_history(other, by=by, reason=why)
        save_with_history(keep, by=by, reason=why)
        delete_with_history(other, by=by, reason=dutch_reason(
            "Samengevoegd met %(keep)s (#%(pk)s); %(reason)s", keep=keep.full_name, pk=keep.pk,
            reason=reason))
    return keep


def move(relation, rows, keep, *, by, reason):
    """Point each row to `keep`; a row that would then repeat one of `keep`'s (the same member
    twice among a motion's submitters) is deleted instead."""
    if relation.many_to_many:
        through = relation.through
        source, target = relation.field.m2m_field_name(), relation.field.m2m_reverse_field_name()
        held = set(through.objects.filter(**{target: keep}).values_list(f"{source}_id",
                                                                         flat=True))
        for row in rows:
            if getattr(row, f"{source}_id") in held:
                row.delete()
            else:
                setattr(row, target, keep)
                row.save()
        return
    name = relation.field.name
    for row in rows:
        try:
            if repeats(row, name, keep):
                delete_with_history(row, by=by, reason=reason)
            else:
                setattr(row, name, keep)
                save_with_history(row, by=by, reason=reason)
        except ValidationError as error:
            # A record that may not change any more (a final letter): the other way round, it
            # keeps its person.
            raise ValidationError(
                gettext("%(record)s kan niet meer worden gewijzigd (%(why)s); voeg andersom "
                        "samen, zodat deze persoon blijft.")
                % {"record": row, "why": " ".join(error.messages)}, code="frozen") from None


def repeats(row, name, keep):
    """Whether pointing `row` at `keep` would break one of its model's unique constraints."""
    model = type(row)
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and name in constraint.fields \
                and constraint.condition is None:
            values = {field: getattr(row, field) for field in constraint.fields}
            values[name] = keep
            if model._default_manager.filter(**values).exclude(pk=row.pk).exists():
                return True
    return False
