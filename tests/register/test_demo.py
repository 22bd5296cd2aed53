import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from register.models import Debate, Document, Dossier, Person


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_load_demo_twice_gives_the_same_row_counts(clerk):
    call_command("load_demo", user="griffie")
    first = row_counts()
    call_command("load_demo", user="griffie")
    assert row_counts() == first


def test_load_demo_requires_an_existing_user(db):
    with pytest.raises(CommandError, match="Unknown user"):
        call_command("load_demo", user="nobody")


def test_demo_holds_the_reference_letters_papers_people_and_debates(demo):
    idents = set(Document.objects.values_list("ident", flat=True))
    assert {f"kst-24077-{n}" for n in (426, 450, 453, 456, 457, 465, 468)} <= idents
    assert {"kst-29248-323", "h-tk-20192020-38-5", "h-tk-20202021-30",
            "ah-tk-20192020-243"} <= idents
    letter = Document.objects.get(ident="kst-24077-468")
    assert letter.date.isoformat() == "2020-12-18"
    assert letter.dossier == Dossier.objects.get(number="24077", title="Drugbeleid")
    names = {person.full_name for person in Person.objects.all()}
    assert {"P. Blokhuis", "Van der Graaf", "Edgar Mulder", "Van der Staaij",
            "Minister van Justitie en Veiligheid", "Minister voor Medische Zorg en Sport",
            "Minister van Infrastructuur en Waterstaat"} <= names
    assert Debate.objects.filter(date="2019-11-07", kind="ao", committee__abbreviation="VWS")
    assert Debate.objects.get(kind="budget").documents.get().ident == "h-tk-20202021-30"


def test_every_demo_row_has_history_with_user_and_reason(demo, clerk):
    for model in (Dossier, Document, Person, Debate):
        for record in model.history.all():
            assert record.history_user == clerk
            assert record.history_change_reason


def test_demo_users_refuses_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        call_command("demo_users")


def test_demo_users_creates_one_user_per_role_once(db, settings, tmp_path, capsys):
    from django.contrib.auth.models import User

    settings.DEMO_MODE = True
    settings.VAR_DIR = tmp_path
    call_command("demo_users")
    first = capsys.readouterr().out
    hashes = dict(User.objects.values_list("username", "password"))
    call_command("demo_users")
    assert capsys.readouterr().out == first
    assert dict(User.objects.values_list("username", "password")) == hashes
    assert User.objects.get(username="beleid").groups.get().name == "beleid"
    password = first.split("griffie", 1)[1].split()[0]
    assert User.objects.get(username="griffie").check_password(password)


def test_demo_clerk_keeps_reference_data_in_beheer_limited_to_the_clerks_rights(
        db, settings, tmp_path, client):
    from django.contrib.auth.models import User

    settings.DEMO_MODE = True
    settings.VAR_DIR = tmp_path
    call_command("demo_users")
    griffie, beleid = User.objects.get(username="griffie"), User.objects.get(username="beleid")
    assert griffie.is_staff and not griffie.is_superuser and not beleid.is_staff
    client.force_login(griffie)
    assert "/beheer/" in client.get("/").content.decode()
    assert client.get("/beheer/register/debate/add/").status_code == 200
    assert client.get("/beheer/auth/user/").status_code == 403
    client.force_login(beleid)
    assert client.get("/beheer/register/debate/add/").status_code == 302  # to the admin login
