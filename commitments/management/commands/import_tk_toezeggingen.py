"""Import Toezegging records from the Tweede Kamer's open data (OData JSON, one or more pages)."""

from pathlib import Path

from django.core.management.base import CommandError
from django.db import DatabaseError

from commitments.tk_import import ImportRefused, configured_max_bytes, import_toezeggingen
from register.management.base import UserCommand

# The exit status when --skip-invalid left records or files out; the valid ones were imported.
SKIPPED = 3
EXIT_CODES = (f"Afsluitcode 0: alles geïmporteerd; 1: geweigerd, niets opgeslagen (of afgebroken "
              f"door een databasefout); {SKIPPED}: met --skip-invalid zijn ongeldige records of "
              "bestanden overgeslagen en de geldige geïmporteerd, of een toezegging die iemand "
              "tijdens de import wijzigde is niet bijgewerkt.")


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
            # The import writes in short transactions: what was committed stays, complete and
            # with its history; the same run again adds the rest and leaves that unchanged.
            raise CommandError(f"Import afgebroken door een fout van de database ({error}). Wat "
                               f"al was opgeslagen blijft, met geschiedenis; start dezelfde import "
                               f"opnieuw om de rest te importeren.") from error
        for line in report.lines(verbose=verbosity > 1):
            self.stdout.write(line)
        if report.stale:
            raise CommandError(f"{len(report.stale)} toezegging(en) niet bijgewerkt: iemand "
                               f"wijzigde ze tijdens de import; de rest is geïmporteerd. Start de "
                               f"import opnieuw (afsluitcode {SKIPPED}).", returncode=SKIPPED)
        skipped = report.skipped_invalid()
        if skipped:
            done = "proefrun, er is niets opgeslagen" if dry_run else \
                "de geldige records zijn geïmporteerd"
            raise CommandError(f"{skipped} ongeldige record(s) of bestand(en) overgeslagen; "
                               f"{done} (afsluitcode {SKIPPED}).", returncode=SKIPPED)
