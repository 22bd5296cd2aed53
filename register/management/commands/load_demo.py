from django.db import transaction

from register import demo
from register.management.base import UserCommand


class Command(UserCommand):
    help = "Load the demo data from the reference letter (idempotent: a rerun changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            demo.load_all(by=self.user)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
