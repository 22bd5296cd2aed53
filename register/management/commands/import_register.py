import json
import sys

from django.core.management.base import BaseCommand, CommandError

from register.backup import BackupError, import_register


class Command(BaseCommand):
    help = ("Restore a backup written by export_register into a freshly migrated, otherwise "
            "empty database (groups are matched by name).")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file written by export_register")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8") as stream:
                data = json.load(stream)
        except FileNotFoundError:
            raise CommandError(f"{file}: bestand niet gevonden.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file}: geen UTF-8; is dit een back-up?") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{file}: geen geldige JSON (regel {error.lineno}: "
                               f"{error.msg}); is het bestand afgebroken?") from None
        except RecursionError:
            raise CommandError(f"{file}: geen bruikbare JSON: te diep genest; is dit een "
                               f"back-up?") from None
        except ValueError:  # an integer of more digits than Python reads
            raise CommandError(f"{file}: geen bruikbare JSON: een getal van meer dan "
                               f"{sys.get_int_max_str_digits()} cijfers.") from None
        except OSError as error:
            raise CommandError(f"{file}: kan het bestand niet lezen ({error.strerror}).") from None
        try:
            counts = import_register(data)
        except BackupError as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(f"Restored {sum(counts.values())} rows of {len(counts)} models "
                          f"from {file}.")
