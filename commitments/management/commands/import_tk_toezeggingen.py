"""Import Toezegging records from the Tweede Kamer's open data (OData JSON, one or more pages)."""

from pathlib import Path

from django.core.management.base import CommandError
from django.db import DatabaseError

from commitments.tk_import import ImportRefused, configured_max_bytes, import_toezeggingen
from register.management.base import UserCommand

# The exit status when --skip-invalid left records or files out; the valid ones were imported.
SKIPPED = 3
EXIT_CODES = (f"Afsluitcode 0: alles geïmporteerd; 1: geweigerd, niets opgeslagen; {SKIPPED}: met "
              "--skip-invalid zijn ongeldige records of bestanden overgeslagen en de geldige "
              "geïmporteerd.")


class Command(UserCommand):
    help = ("Importeer toezeggingen uit de open data van de Tweede Kamer (OData JSON: "
            "{\"value\": [...]}, een lijst, of meerdere pagina's). " + EXIT_CODES)
    service = staticmethod(import_toezeggingen)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                            help="JSON file(s); several files are pages of one import")
        parser.add_argument("--dry-run", action="store_true",
                            help="show what would change, write nothing")
        parser.add_argument("--skip-invalid", action="store_true",
                            help=f"import the valid records and report the others; exits "
                                 f"{SKIPPED} when anything was skipped")
        parser.add_argument("--max-bytes", type=int, default=None,
                            help="refuse larger files (default: setting TK_IMPORT_MAX_BYTES)")

    def handle(self, *args, files, dry_run, skip_invalid, max_bytes, verbosity, **options):
        if max_bytes is not None and max_bytes <= 0:
            raise CommandError("--max-bytes moet een positief aantal bytes zijn.")
        try:
            report = self.service(files, by=self.user, dry_run=dry_run,
                                  skip_invalid=skip_invalid,
                                  max_bytes=max_bytes or configured_max_bytes())
        except ImportRefused as refused:
            raise CommandError(str(refused)) from None
        except DatabaseError as error:
            raise CommandError(f"Import mislukt; er is niets opgeslagen ({error}). Probeer het "
                               f"opnieuw.") from error
        for line in report.lines(verbose=verbosity > 1):
            self.stdout.write(line)
        skipped = report.skipped_invalid()
        if skipped:
            done = "proefrun, er is niets opgeslagen" if dry_run else \
                "de geldige records zijn geïmporteerd"
            raise CommandError(f"{skipped} ongeldige record(s) of bestand(en) overgeslagen; "
                               f"{done} (afsluitcode {SKIPPED}).", returncode=SKIPPED)
