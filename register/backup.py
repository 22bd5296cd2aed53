"""The register's own backup format: every model with its history, users, and the letter PDFs.

One JSON document, written row by row in a fixed order (models in app order, rows by primary
key, keys sorted, many-to-many lists sorted) so that export → import → export gives an identical
file, from SQLite into PostgreSQL too. Values keep their full precision: datetimes as ISO 8601
in UTC with microseconds (Django's JSON encoder would cut them to milliseconds). Relations to
users and groups are written by natural key (username, group name): groups come from the
migrations of the database being restored into and are matched by name.
"""

import base64
import binascii
import contextvars
import datetime
import hashlib
import json

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder

# True while a backup's rows are written back. They come as they were saved, derived fields
# included; a signal that derives something when a relation changes (a many-to-many set is no
# "raw" save) leaves them as they are: the rows it would read may not be back yet.
RESTORING = contextvars.ContextVar("restoring", default=False)

FORMAT = "kamerregister-backup"
# 2: the schema (the last migration per app) is recorded, and checked on restore.
VERSION = 2
READABLE = (1, 2)


# Models that backups made by older versions hold and this one no longer has, with nothing in
# them worth restoring: the hand-written login throttle's failures (django-axes counts them now).
DROPPED_MODELS = {"register.loginfailure"}


class BackupError(Exception):
    pass


def backup_models():
    """The users, then every model (and historical model) of the register's apps."""
    found = [get_user_model()]
    for label in settings.REGISTER_APPS:
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
    stream.write(f'{{"format": "{FORMAT}", "version": {VERSION}, '
                 f'"schema": {json.dumps(schema(), sort_keys=True)}, "models": [\n')
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


def schema():
    """The migrations applied to this database, the last one per app of the backed-up models:
    a backup restores only into a database of the same schema."""
    applied = MigrationRecorder(connection).applied_migrations()
    labels = sorted({model._meta.app_label for model in backup_models()})
    return {label: max((name for app, name in applied if app == label), default="")
            for label in labels}


def import_register(data):
    """Restore a parsed backup into a freshly migrated, otherwise empty database.

    Everything is checked before anything is written (BackupError: one Dutch sentence), then
    the rows and the files are written all or nothing: a file written before the database
    refused the rows is removed again.
    """
    blocks, files = check_backup(data)
    check_empty([model for model, _rows in blocks])
    written = []
    try:
        with transaction.atomic():
            counts = write_rows(blocks)
            restore_files(files, written)
            reset_sequences([model for model, _rows in blocks])
    except BaseException as error:
        for name in written:
            default_storage.delete(name)
        if isinstance(error, DatabaseError | DeserializationError | OSError):
            raise BackupError(f"Terugzetten mislukt, er is niets teruggezet: "
                              f"{one_line(error)}.") from error
        raise
    return counts


def write_rows(blocks):
    token = RESTORING.set(True)
    try:
        return write_blocks(blocks)
    finally:
        RESTORING.reset(token)


def write_blocks(blocks):
    counts, deferred = {}, []
    for model, rows in blocks:
        objects = [{"model": model._meta.label_lower, **row} for row in rows]
        for deserialized in serializers.deserialize("python", objects,
                                                    handle_forward_references=True):
            deserialized.save()
            if deserialized.deferred_fields:
                deferred.append(deserialized)
        counts[model._meta.label] = len(objects)
    for deserialized in deferred:
        deserialized.save_deferred_fields()
    return counts


def one_line(error):
    return " ".join(str(error).split())[:300]


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


def restore_files(files, written):
    """Write the PDFs; `written` collects the names, so that they can be removed on failure."""
    for name, data in sorted(files.items()):
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as stored:
                if stored.read() == data:
                    continue
            raise BackupError(f"In de opslag staat al een ander bestand {name}; een back-up "
                              f"wordt teruggezet in een lege MEDIA_ROOT.")
        saved = default_storage.save(name, ContentFile(data))
        written.append(saved)
        if saved != name:
            raise BackupError(f"Bestand {name} kon niet onder dezelfde naam worden teruggezet.")


# --- Checking a backup before anything is written -------------------------------------------


def check_backup(data):
    """[(model, rows)] in the order to write them, and {file name: bytes}; BackupError names the
    first problem: the shape, the format version and schema, each row's fields and values, the
    primary keys, what the rows refer to, unique values, and each PDF against its SHA-256."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("Dit is geen back-up van het Kamerregister.")
    version = data.get("version")
    if type(version) is not int or version not in READABLE:
        raise BackupError(f"Onbekende versie van het back-upformaat: {version!r:.40} (dit "
                          f"register leest versie {', '.join(map(str, READABLE))}).")
    if version >= 2:
        check_schema(data.get("schema"))
    blocks = check_blocks(data.get("models"))
    keys = {model: {row["pk"] for row in rows} for model, rows in blocks}
    usernames = {row["fields"]["username"] for model, rows in blocks for row in rows
                 if model is get_user_model()}
    references = References(keys, usernames)
    for model, rows in blocks:
        check_rows(model, rows, references)
        check_unique(model, rows)
    return blocks, check_files(data.get("files", {}), blocks)


def check_schema(recorded):
    if not isinstance(recorded, dict):
        raise BackupError("De back-up zegt niet van welk databaseschema ze is (‘schema’ "
                          "ontbreekt).")
    ours = schema()
    different = sorted(label for label in ours.keys() | recorded.keys()
                       if recorded.get(label) != ours.get(label))
    if different:
        label = different[0]
        raise BackupError(
            f"De back-up is van een ander databaseschema ({label}: {recorded.get(label) or '—'} "
            f"in de back-up, {ours.get(label) or '—'} in deze database). Migreer een lege "
            f"database naar het schema van de back-up (manage.py migrate {label} "
            f"{recorded.get(label) or 'zero'}, zo voor elke app), zet de back-up daarin terug en "
            f"migreer daarna verder.")


def check_blocks(blocks):
    if not isinstance(blocks, list):
        raise BackupError("De back-up heeft geen lijst ‘models’.")
    known = {model._meta.label_lower: model for model in backup_models()}
    found = {}
    for number, block in enumerate(blocks, start=1):
        if not (isinstance(block, dict) and isinstance(block.get("model"), str)
                and isinstance(block.get("rows"), list)):
            raise BackupError(f"Blok {number} van ‘models’ is geen {{\"model\": …, \"rows\": "
                              f"[…]}}.")
        if block["model"] in DROPPED_MODELS:
            continue
        model = known.get(block["model"])
        if model is None:
            raise BackupError(f"Onbekend model in de back-up: {block['model']:.60}; de back-up "
                              f"is van een ander schema.")
        if model in found:
            raise BackupError(f"Model {block['model']} staat twee keer in de back-up.")
        found[model] = check_keys(model, block["rows"])
    missing = [label for label, model in known.items() if model not in found]
    if missing:
        raise BackupError(f"Model {missing[0]} ontbreekt in de back-up; ze is van een ouder "
                          f"schema.")
    return [(model, found[model]) for model in backup_models()]


def check_keys(model, rows):
    """The rows, each {"pk": …, "fields": {…}} with a valid primary key that occurs once."""
    label, seen = model._meta.label_lower, set()
    for number, row in enumerate(rows, start=1):
        if not (isinstance(row, dict) and isinstance(row.get("fields"), dict) and "pk" in row):
            raise BackupError(f"{label}, rij {number}: geen {{\"pk\": …, \"fields\": {{…}}}}.")
        pk = row["pk"]
        if type(pk) is not int:
            raise BackupError(f"{label}, rij {number}: primaire sleutel {pk!r:.40} is geen "
                              f"geheel getal.")
        if pk in seen:
            raise BackupError(f"{label}: primaire sleutel {pk} komt twee keer voor.")
        seen.add(pk)
    return rows


def serialized_fields(model):
    """The fields Django's serializer writes for `model`, by name (its primary key apart)."""
    meta = model._meta.concrete_model._meta
    fields = {field.name: field for field in meta.local_fields if field.serialize}
    fields |= {field.name: field for field in meta.local_many_to_many
               if field.serialize and field.remote_field.through._meta.auto_created}
    return fields


def check_rows(model, rows, references):
    label, fields = model._meta.label_lower, serialized_fields(model)
    for row in rows:
        where = f"{label} pk {row['pk']}"
        missing = sorted(fields.keys() - row["fields"].keys())
        if missing:
            raise BackupError(f"{where}: het veld ‘{missing[0]}’ ontbreekt; de back-up is van een "
                              f"ouder schema.")
        unknown = sorted(row["fields"].keys() - fields.keys())
        if unknown:
            raise BackupError(f"{where}: onbekend veld ‘{unknown[0]:.60}’; de back-up is van een "
                              f"ander schema.")
        for name, field in fields.items():
            problem = (check_relation(field, row["fields"][name], references)
                       if field.is_relation else check_value(field, row["fields"][name]))
            if problem:
                raise BackupError(f"{where}, veld {name}: {problem}.")


TEXT_TYPES = {"CharField", "TextField", "SlugField", "EmailField", "URLField", "FileField",
              "GenericIPAddressField"}


def check_value(field, value):
    """What is wrong with `value` for `field`, or None: the type, null, choices, length."""
    if value is None:
        return None if field.null else "leeg, maar dit veld is verplicht"
    if field.get_internal_type() in TEXT_TYPES and not isinstance(value, str):
        return f"verwacht tekst, gevonden {type(value).__name__}"
    try:
        python = field.to_python(value)
    except (ValidationError, TypeError, ValueError, OverflowError):
        return f"‘{value!s:.40}’ is geen geldige waarde"
    empty_allowed = field.blank and python in field.empty_values
    if field.choices and not empty_allowed and python not in {choice for choice, _label in
                                                              field.flatchoices}:
        return (f"‘{python!s:.40}’ is geen van de mogelijke waarden "
                f"({', '.join(str(choice) for choice, _label in field.flatchoices)})")
    if field.max_length and isinstance(python, str) and len(python) > field.max_length:
        return f"{len(python)} tekens, er passen er {field.max_length}"
    return None


class References:
    """What a row may refer to: the primary keys in the backup, its users' names, and the groups
    and permissions the migrations of this database made."""

    def __init__(self, keys, usernames):
        self.keys, self.usernames = keys, usernames
        self.groups = set(Group.objects.values_list("name", flat=True))
        self.permissions = {(codename, app, name) for codename, app, name in
                            Permission.objects.values_list("codename", "content_type__app_label",
                                                           "content_type__model")}

    def problem(self, target, value, checked):
        """What is wrong with one reference to a `target` row (None: nothing)."""
        if target is Group or target is Permission or target is get_user_model():
            natural = tuple(value) if isinstance(value, list) and all(
                isinstance(part, str) for part in value) else None
            known = {Group: {(name,) for name in self.groups}, Permission: self.permissions}.get(
                target, {(name,) for name in self.usernames})
            if natural is None:
                return f"{value!r:.40} is geen sleutel van {target._meta.label_lower}"
            if natural not in known:
                return f"{target._meta.label_lower} {list(natural)} bestaat niet"
            return None
        if type(value) is not int:
            return f"{value!r:.40} is geen primaire sleutel"
        if checked and value not in self.keys.get(target, ()):
            return f"{target._meta.label_lower} pk {value} staat niet in de back-up"
        return None


def check_relation(field, value, references):
    target = field.related_model
    if field.many_to_many:
        if not isinstance(value, list):
            return "verwacht een lijst"
        problems = (references.problem(target, item, True) for item in value)
        return next((problem for problem in problems if problem), None)
    if value is None:
        return None if field.null else "leeg, maar dit veld is verplicht"
    # A history row keeps the id of a row that may since have been deleted (no constraint).
    return references.problem(target, value, field.db_constraint)


def check_unique(model, rows):
    """Unique fields and unconditional unique constraints, as the database would check them."""
    label = model._meta.label_lower
    sets = [(field.name,) for field in model._meta.local_fields
            if field.unique and not field.primary_key]
    sets += [tuple(names) for names in model._meta.unique_together]
    sets += [tuple(constraint.fields) for constraint in model._meta.constraints
             if isinstance(constraint, models.UniqueConstraint) and constraint.fields
             and constraint.condition is None and not constraint.expressions]
    for names in sets:
        seen = {}
        for row in rows:
            values = [row["fields"].get(name) for name in names]
            if None in values:
                continue  # NULLs are never equal
            key = json.dumps(values, sort_keys=True)
            if key in seen:
                shown = ", ".join(f"{name} {value!s:.40}" for name, value in zip(names, values,
                                                                                 strict=True))
                raise BackupError(f"{label}: {shown} komt twee keer voor (pk {seen[key]} en "
                                  f"{row['pk']}).")
            seen[key] = row["pk"]


def check_files(files, blocks):
    """{name: bytes} of the stored PDFs: valid base64, each named by a row, each matching the
    SHA-256 its rows record; and every row's file present."""
    if not isinstance(files, dict) or not all(isinstance(content, str)
                                              for content in files.values()):
        raise BackupError("De bestanden in de back-up (‘files’) zijn geen {naam: base64}.")
    decoded = {}
    for name, content in files.items():
        try:
            decoded[name] = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise BackupError(f"Bestand {name:.80}: geen geldige base64.") from None
    named = set()
    for model, rows in blocks:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                check_stored(model, field, rows, decoded, named)
    stray = sorted(decoded.keys() - named)
    if stray:
        raise BackupError(f"Bestand {stray[0]:.80} hoort bij geen enkele rij van de back-up.")
    return decoded


def check_stored(model, field, rows, decoded, named):
    digest = f"{field.name}_sha256"
    for row in rows:
        name = row["fields"].get(field.name)
        if not name:
            continue
        named.add(name)
        where = f"{model._meta.label_lower} pk {row['pk']}"
        if name not in decoded:
            raise BackupError(f"{where}: het bestand {name:.80} ontbreekt in de back-up.")
        expected = row["fields"].get(digest)
        if expected is not None and hashlib.sha256(decoded[name]).hexdigest() != expected:
            raise BackupError(f"{where}: het bestand {name:.80} is niet het opgeslagen bestand "
                              f"(de SHA-256 verschilt); de back-up is beschadigd.")
