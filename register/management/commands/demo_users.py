import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from register.roles import BELEID, BRIEVEN, GRIFFIE

# username, role, name; two letter staff, because a letter is approved by someone else.
DEMO_USERS = [
    ("griffie", GRIFFIE, "Gerda", "Griffier"),
    ("beleid", BELEID, "Bart", "Beleid"),
    ("brieven", BRIEVEN, "Bea", "Brieven"),
    ("brieven2", BRIEVEN, "Bram", "Brieven"),
    ("admin", None, "Anna", "Beheer"),
]


class Command(BaseCommand):
    help = "Create one demo user per role and print their passwords (demo mode only)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("demo_users only runs with DEMO_MODE=1: never in production.")
        # Passwords are made once and kept under var/, so a second run changes nothing.
        store = settings.VAR_DIR / "demo-passwords.txt"
        known = dict(line.split(" ", 1) for line in store.read_text().splitlines()
                     if " " in line) if store.exists() else {}
        user_model = get_user_model()
        for username, role, first_name, last_name in DEMO_USERS:
            password = known.get(username) or secrets.token_urlsafe(9)
            user = user_model.objects.filter(username=username).first()
            if user is None or not user.check_password(password):
                user = user or user_model(username=username, first_name=first_name,
                                          last_name=last_name, email=f"{username}@example.nl")
                # Clerks keep the reference data (debates, people, dossiers, relations between
                # commitments) in Beheer, limited there to what their group may change.
                user.is_superuser = role is None
                user.is_staff = role in (None, GRIFFIE)
                user.set_password(password)
                user.save()
                if role:
                    user.groups.add(Group.objects.get(name=role))
            known[username] = password
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text("".join(f"{name} {password}\n" for name, password in known.items()))
        store.chmod(0o600)
        self.stdout.write("Demo users (username / password / role):")
        for username, role, *_names in DEMO_USERS:
            self.stdout.write(f"  {username:10} {known[username]:14} {role or 'beheerder'}")
