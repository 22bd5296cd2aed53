import os

from django.core.management.base import BaseCommand

from register.backup import export_register


class Command(BaseCommand):
    help = ("Write the whole register — every model with its history, users (with their "
            "password hashes), feed tokens, saved views and the stored letter PDFs — to one JSON "
            "file that import_register restores losslessly. The file is made readable by its "
            "owner only (mode 0600).")

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the JSON file to write")

    def handle(self, *args, output, **options):
        # The file holds password hashes and feed tokens: readable by its owner only, also
        # when it existed before with wider permissions.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)
        with open(descriptor, "w", encoding="utf-8") as stream:
            counts = export_register(stream)
        self.stdout.write(f"Wrote {sum(counts.values())} rows of {len(counts)} models "
                          f"to {output}.")
