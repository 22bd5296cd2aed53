from commitments.models import Commitment
from commitments.rederive import commitments_rederive
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
            "(docs/OPERATIONS.md); each changed commitment gets a history row.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="show, write nothing")

    def handle(self, *args, dry_run, **options):
        pks = list(Commitment.objects.filter(deadline_estimated=True).values_list("pk", flat=True))
        changes = commitments_rederive(pks, by=self.user, reason=reason, dry_run=dry_run)
        for commitment, before, after in changes:
            self.stdout.write(f"{commitment.number}: {before[0]} – {before[1]} → "
                              f"{after[0]} – {after[1]}")
        self.stdout.write(f"{len(changes)} toezegging(en) herberekend"
                          + (" (dry run: niets opgeslagen)." if dry_run else "."))
