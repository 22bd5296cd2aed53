"""Keep the register in step with the Tweede Kamer's open-data service (OData v4)."""

from argparse import ArgumentTypeError
from datetime import datetime

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils import timezone, translation

from commitments.models import SyncRun, logged_run_message, run_message
from commitments.tk_sync.client import ODataClient, ServiceFailed
from commitments.tk_sync.run import AnotherRun, finish_run, start_run, sync
from commitments.tk_sync.sets import BY_NAME, SETS
from register.management.base import UserCommand

DEFAULT_BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
# Exit statuses: 0 all applied; 3 applied, but records that could not be read were skipped (the
# run log lists them); 75 (EX_TEMPFAIL) the service failed and the run gave up, what it applied
# stays and the next run goes on from there; 1 anything else (another run busy, the database).
SKIPPED, SERVICE_FAILED = 3, 75
EXIT_CODES = ("Afsluitcode 0: alles verwerkt; 3: verwerkt, maar records die niet te lezen waren "
              "zijn overgeslagen (zie het verslag); 75: de dienst van de Kamer faalde, de run is "
              "gestopt, wat verwerkt was blijft en de volgende run gaat daar verder; 1: een andere "
              "fout (een andere run is bezig, de database).")


class Command(UserCommand):
    help = ("Volg de open data van de Tweede Kamer (Fractie, Persoon, Document en Zaak van "
            "Soort Motie, Toezegging, en de Verslagen van de gevolgde commissies: hun "
            "toezeggingen als voorstellen) vanaf de cursor van elke entiteit. " + EXIT_CODES)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--base-url", default=getattr(settings, "TK_ODATA_URL",
                                                          DEFAULT_BASE_URL),
                            help="the OData v4 service (default: setting TK_ODATA_URL, else "
                                 "the Kamer's gegevensmagazijn)")
        parser.add_argument("--entity", action="append", choices=[s.name for s in SETS],
                            help="only this entity set (repeatable); default: all, in order")
        parser.add_argument("--since", type=since_value, default=None,
                            help="read the records changed since this moment (ISO 8601) "
                                 "instead of since the cursor; the cursor never goes back")
        parser.add_argument("--dry-run", action="store_true",
                            help="show what would change, write nothing (no cursor, no log)")
        parser.add_argument("--timeout", type=float, default=60.0,
                            help="seconds to wait for an answer before trying again")
        parser.add_argument("--max-wait", type=float,
                            default=getattr(settings, "TK_SYNC_MAX_WAIT", 900.0),
                            help="seconds of pauses between tries after which the run gives "
                                 "up (default: setting TK_SYNC_MAX_WAIT, else 900)")

    def handle(self, *args, base_url, entity, since, dry_run, timeout, max_wait, **options):
        entities = [BY_NAME[name.casefold()] for name in entity] if entity else SETS
        client = ODataClient(base_url, timeout=timeout, max_wait=max_wait,
                             first_pause=getattr(settings, "TK_SYNC_FIRST_PAUSE", 1.0))
        run = None
        try:
            if not dry_run:
                run = start_run(by=self.user, base_url=base_url)
            logs = sync(client=client, entities=entities, by=self.user, since=since,
                        dry_run=dry_run, run=run, write=self.stdout.write)
        except AnotherRun as busy:
            raise CommandError(str(busy)) from None
        except ServiceFailed as failed:
            message = self.finish(run, SyncRun.Outcome.FAILED, "service", why=str(failed),
                                  exit=SERVICE_FAILED)
            raise CommandError(message, returncode=SERVICE_FAILED) from None
        except DatabaseError as error:
            message = self.finish(run, SyncRun.Outcome.FAILED, "database", error=str(error))
            raise CommandError(message) from error
        finally:
            client.close()
        if dry_run:
            self.stdout.write("Proefrun (--dry-run): er is niets opgeslagen, de cursors staan "
                              "nog waar ze stonden.")
            return
        errors = sum(log.report.skipped_invalid() for log in logs)
        if errors:
            message = self.finish(run, SyncRun.Outcome.PARTIAL, "partial", count=errors,
                                  exit=SKIPPED)
            raise CommandError(message, returncode=SKIPPED)
        self.finish(run, SyncRun.Outcome.SUCCEEDED, None)

    def finish(self, run, outcome, code, **params):
        """Ends the run log with the message by its code (shown in the reader's language);
        returns the message in Dutch, as the command prints it."""
        stored = run_message(code, **params) if code else ""
        if run is not None:
            finish_run(run, outcome=outcome, message=stored)
        with translation.override("nl"):
            return logged_run_message(stored)


def since_value(text):
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ArgumentTypeError(f"‘{text}’ is geen moment (ISO 8601, bijvoorbeeld 2025-01-31 "
                                f"of 2025-01-31T06:00:00Z)") from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
