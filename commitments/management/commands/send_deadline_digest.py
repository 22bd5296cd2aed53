from django.conf import settings
from django.utils import timezone

from commitments.digest import send_digest
from register.management.base import UserCommand


class Command(UserCommand):
    help = ("E-mail each owner their overdue commitments and those due in the next 14 days; "
            "an item is sent at most once a day.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true",
                            help="show what would be sent; send and record nothing")
        parser.add_argument("--base-url", default=getattr(settings, "BASE_URL", ""),
                            help="address of the register, for the links in the e-mail")

    def handle(self, *args, dry_run, base_url, **options):
        sent, unreachable = send_digest(today=timezone.localdate(), base_url=base_url,
                                        dry_run=dry_run)
        verb = "would send" if dry_run else "sent"
        for owner, commitments in sent:
            self.stdout.write(f"{verb} to {owner.email}: "
                              + ", ".join(c.number for c in commitments))
        for owner, commitments in unreachable:
            self.stderr.write(f"not sent: {owner.username} has no e-mail address ("
                              + ", ".join(c.number for c in commitments) + ")")
        self.stdout.write(f"{len(sent)} e-mail(s) {verb}.")
