from commitments.models import Commitment
from commitments.rederive import COMMITMENTS, REDERIVABLE, rederive, rederive_all
from register.history import dutch_reason
from register.management.base import UserCommand

# gettext_noop would do as well; the reason is Dutch whatever the language (dutch_reason).
KNOWN = "termijn herberekend: recesdata %(year)s vastgesteld"
STILL_ESTIMATED = "termijn herberekend: geschatte recesdata gewijzigd"


def reason(commitment, before, after):
    if commitment.deadline_estimated:
        return dutch_reason(STILL_ESTIMATED)
    return dutch_reason(KNOWN, year=(after[1] or before[1]).year)


class Command(UserCommand):
    help = ("Derive again the deadline of every commitment whose period came from estimated "
            "recess dates. Run after register/data/parliamentary_calendar.json gains a year "
            "(docs/OPERATIONS.md); each changed commitment gets a history row. With --all: "
            "every period derived from words (commitments, law-track stages) that no person "
            "set by hand; run after an upgrade whose reading rules changed.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--all", action="store_true", dest="every",
                            help="derive every period from words again, not only estimated ones")
        parser.add_argument("--dry-run", action="store_true", help="show, write nothing")

    def handle(self, *args, every, dry_run, **options):
        if every:
            for kind in REDERIVABLE:
                self.report(kind, rederive_all(kind, by=self.user, dry_run=dry_run), dry_run)
            return
        estimated = Commitment.objects.filter(deadline_estimated=True)
        changes = rederive(COMMITMENTS, estimated, by=self.user, reason=reason, dry_run=dry_run)
        self.report(COMMITMENTS, changes, dry_run)

    def report(self, kind, changes, dry_run):
        for record, before, after in changes:
            self.stdout.write(f"{kind.name(record)}: {before[0]} – {before[1]} → "
                              f"{after[0]} – {after[1]}")
        self.stdout.write(f"{len(changes)} {kind.label} herberekend"
                          + (" (dry run: niets opgeslagen)." if dry_run else "."))
