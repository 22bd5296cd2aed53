from django.core.management.base import BaseCommand

from register.backup import export_register


class Command(BaseCommand):
    help = ("Write the whole register — every model with its history, users, saved views and "
            "the stored letter PDFs — to one JSON file that import_register restores losslessly.")

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the JSON file to write")

    def handle(self, *args, output, **options):
        with open(output, "w", encoding="utf-8") as stream:
            counts = export_register(stream)
        self.stdout.write(f"Wrote {sum(counts.values())} rows of {len(counts)} models "
                          f"to {output}.")
