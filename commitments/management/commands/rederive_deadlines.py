from django.db import transaction

from commitments.models import Commitment
from register.history import dutch_reason, save_with_history
from register.management.base import UserCommand

# gettext_noop would do as well; the reason is Dutch whatever the language (dutch_reason).
KNOWN = "termijn herberekend: recesdata %(year)s vastgesteld"
STILL_ESTIMATED = "termijn herberekend: geschatte recesdata gewijzigd"


class Command(UserCommand):
    help = ("Derive again the deadline of every commitment whose period came from estimated "
            "recess dates. Run after register/data/parliamentary_calendar.json gains a year "
            "(docs/OPERATIONS.md); each changed commitment gets a history row.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="show, write nothing")

    def handle(self, *args, dry_run, **options):
        changed = 0
        for pk in Commitment.objects.filter(deadline_estimated=True).values_list("pk", flat=True):
            with transaction.atomic():
                commitment = Commitment.objects.select_for_update().get(pk=pk)
                before = (commitment.deadline_parsed_start, commitment.deadline_parsed_end)
                commitment.derive_deadline()
                after = (commitment.deadline_parsed_start, commitment.deadline_parsed_end)
                if after == before and commitment.deadline_estimated:
                    continue
                changed += 1
                self.stdout.write(f"{commitment.number}: {before[0]} – {before[1]} → "
                                  f"{after[0]} – {after[1]}")
                if dry_run:
                    transaction.set_rollback(True)
                    continue
                reason = (dutch_reason(STILL_ESTIMATED) if commitment.deadline_estimated
                          else dutch_reason(KNOWN, year=(after[1] or before[1]).year))
                save_with_history(commitment, by=self.user, reason=reason)
        self.stdout.write(f"{changed} toezegging(en) herberekend" + (" (dry run: niets "
                                                                     "opgeslagen)." if dry_run
                                                                     else "."))
