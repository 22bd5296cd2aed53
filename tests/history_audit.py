"""Records every write to a tracked model and checks each one left a complete history row."""

from contextlib import contextmanager
from unittest import mock

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from simple_history.models import registered_models
from simple_history.signals import post_create_historical_record


def tracked(model):
    return model in registered_models.values()


def untracked_only(model, fields):
    """Whether `fields` are all left out of the model's history (derived search words): a
    write of those alone needs no history row."""
    kept = {field.name for field in model.history.model._meta.fields}
    return not any(name in kept for name in fields)


@contextmanager
def history_audit():
    writes, records = [], []

    def on_write(sender, instance, **kwargs):
        if tracked(sender):
            writes.append(instance)

    def on_record(sender, history_instance, **kwargs):
        records.append(history_instance)

    def refuse_bulk(name):
        original = getattr(QuerySet, name)

        def guarded(self, *args, **kwargs):
            fields = kwargs if name == "update" else (kwargs.get("fields") or args[1])
            assert not tracked(self.model) or untracked_only(self.model, fields), \
                f"{name}() on {self.model.__name__} writes no history"
            return original(self, *args, **kwargs)
        return guarded

    post_save.connect(on_write, weak=False)
    post_delete.connect(on_write, weak=False)
    post_create_historical_record.connect(on_record, weak=False)
    try:
        with mock.patch.object(QuerySet, "update", refuse_bulk("update")), \
                mock.patch.object(QuerySet, "bulk_update", refuse_bulk("bulk_update")):
            yield records
    finally:
        post_save.disconnect(on_write)
        post_delete.disconnect(on_write)
        post_create_historical_record.disconnect(on_record)
    assert len(records) == len(writes), "a tracked write without a history row"
    for record in records:
        assert record.history_user_id, f"history row without user: {record!r}"
        assert record.history_change_reason, f"history row without reason: {record!r}"
