from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class UserCommand(BaseCommand):
    """A command that changes data: every history row it writes names the user given with --user."""

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True,
                            help="username recorded in the history of every change")

    def execute(self, *args, **options):
        username = options.get("user")
        self.user = get_user_model().objects.filter(username=username).first()
        if self.user is None:
            raise CommandError(f"Unknown user {username!r}: --user must name an existing user.")
        return super().execute(*args, **options)
