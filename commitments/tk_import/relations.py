"""How a Toezegging relates to others (IsHerhalingVan, IsWijzigingVan, IsAanvullingOp), as
commitments.CommitmentRelation rows between our commitments."""

from __future__ import annotations

from dataclasses import dataclass

from commitments.models import Commitment, CommitmentRelation
from commitments.tk_import.reading import Issue, RecordError, in_chunks, json_type, text_value
from commitments.tk_import.writing import create_with_history, in_short_transactions

Kind = CommitmentRelation.Kind
# The navigation of the Kamer's record: our kind, read as "this commitment is a … of that one".
RELATIONS = {"IsHerhalingVan": Kind.REPEAT_OF, "IsWijzigingVan": Kind.CHANGE_OF,
             "IsAanvullingOp": Kind.SUPPLEMENT_TO}


def parse_relations(record):
    """(navigation, kind, the other record's Id) for each relation the record names: expanded as
    Toezegging records, or as plain Ids; one of either shape is read as a list of one."""
    found = []
    for name, kind in RELATIONS.items():
        value = record.get(name)
        values = value if isinstance(value, list) else [] if value in (None, "") else [value]
        for entry in values:
            relation = (name, kind, related_id(entry, name))
            if relation not in found:
                found.append(relation)
    return tuple(found)


def related_id(entry, name):
    if isinstance(entry, dict):
        try:
            return text_value(entry, "Id", required=True, max_length=40)
        except RecordError as error:
            raise RecordError(f"{name}/Id", error.message) from None
    if not isinstance(entry, str):
        raise RecordError(name, f"verwacht toezeggingen (met Id) of Id's, gevonden "
                                f"{json_type(entry)}")
    tk_id = entry.strip()
    if not tk_id or len(tk_id) > 40:
        raise RecordError(name, f"‘{tk_id[:50]}’ is geen Id van een toezegging")
    return tk_id


@dataclass(frozen=True)
class Deferred:
    """A relation to a commitment that a later batch of the import may bring."""

    file: str
    index: int
    key: str
    tk_number: str
    source: str  # the Kamer's Id of both commitments
    name: str
    kind: str
    target: str


class Relations:
    """The relations the records name, planned with each batch and written once the batch's
    commitments have their rows; a relation to a commitment no batch has brought yet is kept
    aside and planned after the last batch (`finish`). A relation we hold is not written again;
    one the Kamer no longer names is kept (a person may have added it)."""

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.planned = []
        self.deferred = []

    def plan(self, items, commitments, reason):
        """`commitments`: the Kamer's Id → our commitment, held or planned; `reason(item,
        text)`: the history reason."""
        wanted = self.wanted(items, commitments)
        held = held_relations(wanted.values())
        for item, source, kind, target in wanted.values():
            if (source.pk, kind, target.pk) not in held:
                self.add(item, source, kind, target, reason)

    def write(self):
        in_short_transactions(self.planned, self.write_chunk)
        self.planned = []

    def write_chunk(self, relations):
        for relation in relations:  # the commitments have their rows now
            relation.source_id, relation.target_id = relation.source.pk, relation.target.pk
        # Added meanwhile by someone else: not twice.
        held = held_relations((None, r.source, r.kind, r.target) for r in relations)
        relations = [r for r in relations if (r.source_id, r.kind, r.target_id) not in held]
        create_with_history(relations, CommitmentRelation, by=self.by)
        for relation in relations:
            relation.__dict__.pop("_change_reason", None)

    def wanted(self, items, commitments):
        """{(source, kind, target) by identity: (item, source, kind, target)}; a relation to a
        commitment not at hand is deferred, one to itself warned of."""
        targets = {tk_id for item in items for _name, _kind, tk_id in item.relations}
        for commitment in in_chunks(Commitment.objects.all(), "tk_id",
                                    targets - set(commitments)):
            commitments.setdefault(commitment.tk_id, commitment)
        wanted = {}
        for item in items:
            source = commitments[item.tk_id]
            for name, kind, tk_id in item.relations:
                target = commitments.get(tk_id)
                if target is None:
                    self.deferred.append(Deferred(item.file, item.index, item.key,
                                                  item.tk_number, item.tk_id, name, kind, tk_id))
                elif target is source:
                    self.warn(item, name, "verwijst naar de toezegging zelf; niet vastgelegd")
                else:
                    wanted.setdefault((id(source), kind, id(target)),
                                      (item, source, kind, target))
        return wanted

    def finish(self, *, dry_run, seen, origin):
        """The deferred relations, now that every batch is in; `seen`: the Kamer's Ids of the
        import's records (in a dry run nothing was written, so those count as present)."""
        deferred, self.deferred = self.deferred, []
        ids = {d.source for d in deferred} | {d.target for d in deferred}
        held = {c.tk_id: c for c in in_chunks(Commitment.objects.all(), "tk_id", ids)}
        wanted = {}
        for item in deferred:
            source, target = held.get(item.source), held.get(item.target)
            if dry_run and item.target in seen and (source is None or target is None):
                self.report.related.append(f"({item.tk_number}) {item.kind.label} Id "
                                           f"{item.target}")
            elif target is None:
                self.warn(item, item.name, f"de toezegging met Id {item.target} hebben we "
                                           f"niet; de relatie is niet vastgelegd")
            elif source is not None:
                wanted.setdefault((source.pk, item.kind, target.pk),
                                  (item, source, item.kind, target))
        held_pairs = held_relations(wanted.values())
        for item, source, kind, target in wanted.values():
            if (source.pk, kind, target.pk) not in held_pairs:
                self.add(item, source, kind, target,
                         lambda item, text: f"{origin(item)}: {text}")
        if not dry_run:
            self.write()

    def add(self, item, source, kind, target, reason):
        relation = CommitmentRelation(source=source, kind=kind, target=target)
        text = f"{source.number} {kind.label} {target.number}"
        relation._change_reason = reason(item, f"relatie {text}")
        self.report.related.append(f"{source.number} ({item.tk_number}) {kind.label} "
                                   f"{target.number} ({target.tk_number or target.tk_id})")
        self.planned.append(relation)

    def warn(self, item, name, message):
        self.report.warnings.append(Issue(item.file, message, item.index, item.key, name))


def held_relations(wanted):
    """The (source pk, kind, target pk) of those relations we hold already; a commitment that
    has no row yet has none."""
    sources = {source.pk for _item, source, _kind, _target in wanted if source.pk}
    return set(in_chunks(CommitmentRelation.objects.values_list("source_id", "kind",
                                                                "target_id"),
                         "source_id", sources))
