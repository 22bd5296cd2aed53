"""The register's own backup format: every model with its history, users, and the letter PDFs.

One JSON document, written row by row in a fixed order (models in app order, rows by primary
key, keys sorted, many-to-many lists sorted) so that export → import → export gives an identical
file, from SQLite into PostgreSQL too. Values keep their full precision: datetimes as ISO 8601
in UTC with microseconds (Django's JSON encoder would cut them to milliseconds). Relations to
users and groups are written by natural key (username, group name): groups come from the
migrations of the database being restored into and are matched by name.
"""

import base64
import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, models, transaction

FORMAT = "kamerregister-backup"
VERSION = 1
APPS = ["register", "commitments", "legislation"]


# Models that backups made by older versions hold and this one no longer has, with nothing in
# them worth restoring: the hand-written login throttle's failures (django-axes counts them now).
DROPPED_MODELS = {"register.loginfailure"}


class BackupError(Exception):
    pass


def backup_models():
    """The users, then every model (and historical model) of the register's apps."""
    found = [get_user_model()]
    for label in APPS:
        found += sorted(apps.get_app_config(label).get_models(), key=lambda m: m._meta.label)
    return found


def encode(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list):
        return sorted((encode(item) for item in value), key=json.dumps)
    return value


def rows(model):
    queryset = model._default_manager.order_by("pk")
    for obj in serializers.serialize("python", queryset.iterator(chunk_size=2000),
                                     use_natural_foreign_keys=True):
        yield {"pk": obj["pk"], "fields": {name: encode(value)
                                           for name, value in obj["fields"].items()}}


def stored_files():
    """The stored PDFs of final letters, by storage name."""
    names = set()
    for model in backup_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names |= set(model._default_manager.exclude(**{field.name: ""})
                             .values_list(field.name, flat=True))
    return sorted(name for name in names if name)


def export_register(stream):
    """Write the backup to a text stream; returns {model label: rows}."""
    counts = {}
    stream.write(f'{{"format": "{FORMAT}", "version": {VERSION}, "models": [\n')
    for index, model in enumerate(backup_models()):
        stream.write(("" if index == 0 else ",\n") + json.dumps(model._meta.label_lower)
                     .join(['{"model": ', ', "rows": [\n']))
        count = 0
        for row in rows(model):
            stream.write(("" if count == 0 else ",\n")
                         + json.dumps(row, sort_keys=True, ensure_ascii=False))
            count += 1
        stream.write("\n]}")
        counts[model._meta.label] = count
    stream.write('\n], "files": {')
    for index, name in enumerate(stored_files()):
        with default_storage.open(name, "rb") as stored:
            content = base64.b64encode(stored.read()).decode("ascii")
        stream.write(("" if index == 0 else ",") + f"\n{json.dumps(name)}: {json.dumps(content)}")
    stream.write("\n}}\n")
    return counts


def import_register(data):
    """Restore a parsed backup into a freshly migrated, otherwise empty database."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("Dit is geen back-up van het Kamerregister.")
    if data.get("version") != VERSION:
        raise BackupError(f"Onbekende versie van het back-upformaat: {data.get('version')!r}.")
    known = {model._meta.label_lower: model for model in backup_models()}
    check_empty(known.values())
    counts = {}
    with transaction.atomic():
        for block in data["models"]:
            if block["model"] in DROPPED_MODELS:
                continue
            model = known.get(block["model"])
            if model is None:
                raise BackupError(f"Onbekend model in de back-up: {block['model']}.")
            objects = [{"model": block["model"], **row} for row in block["rows"]]
            for deserialized in serializers.deserialize("python", objects,
                                                        handle_forward_references=True):
                deserialized.save()
            counts[model._meta.label] = len(objects)
        reset_sequences(known.values())
        restore_files(data.get("files", {}))
    return counts


def check_empty(models_to_fill):
    filled = [model._meta.label for model in models_to_fill
              if model._default_manager.exists()]
    if filled:
        raise BackupError("De database is niet leeg (" + ", ".join(filled[:5]) + "); een "
                          "back-up wordt alleen teruggezet in een nieuwe, gemigreerde database.")


def reset_sequences(models_filled):
    """PostgreSQL's id sequences must continue after the restored primary keys."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_filled))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def restore_files(files):
    for name, content in sorted(files.items()):
        data = base64.b64decode(content)
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as stored:
                if stored.read() == data:
                    continue
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            raise BackupError(f"Bestand {name} kon niet onder dezelfde naam worden teruggezet.")
