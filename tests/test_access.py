"""Every URL pattern, requested by every role, against the expected-access table.

Later issues add their pages to ACCESS; a pattern missing from the table fails the test, so no
page can be added without deciding who may see it.
"""

import pytest
from django.urls import URLResolver, get_resolver, reverse

ROLES = ["anonymous", "norole", "griffie", "beleid", "brieven", "superuser"]
LOGIN = {"anonymous": 302}


def everyone(status=200):
    return {**LOGIN, "norole": 403, "griffie": status, "beleid": status, "brieven": status,
            "superuser": status}


def only(*roles, status=200):
    return {**LOGIN, **{role: (status if role in roles else 403) for role in ROLES[1:]},
            "superuser": status}


def public(status=200):
    return dict.fromkeys(ROLES, status)


def commitment(demo):
    return {"pk": demo["commitments"][0].pk}


def motion(demo):
    return {"pk": demo["motion"].pk}


def feed_token(demo):
    from django.contrib.auth.models import User

    from register.models import FeedToken

    token = FeedToken.active_for(User.objects.get(username="beleid"))
    return {"token": (token or FeedToken.renew(User.objects.get(username="beleid"))).token}


def law_track(demo):
    return {"pk": demo["law_tracks"][0].pk}


def stage(demo):
    track = demo["law_tracks"][0]
    return {"pk": track.pk, "stage_pk": track.stages.order_by("order")[3].pk}


def final_letter(demo):
    return {"pk": demo["letter"].pk}


def draft_letter(demo):
    """A draft progress letter on the demo's dossier, composed by letter staff once per test."""
    if "draft_letter" not in demo:
        from django.contrib.auth.models import User

        from letters.compose import letter_compose
        from tests.conftest import make_user

        author = User.objects.filter(username="brieven").first() or make_user("brieven",
                                                                              "brieven")
        demo["draft_letter"] = letter_compose(dossier=demo["dossiers"]["24077"], by=author)
    return {"pk": demo["draft_letter"].pk}


def first_section(demo):
    pk = draft_letter(demo)["pk"]
    return {"pk": pk, "key": demo["draft_letter"].sections.order_by("order", "pk").first().pk}


def first_item(demo):
    pk = draft_letter(demo)["pk"]
    return {"pk": pk, "item_pk": demo["draft_letter"].items.order_by("pk").first().pk}


POST_ONLY = {**LOGIN, **dict.fromkeys(ROLES[1:], 405)}


# url name: (kwargs from the demo objects, {role: status of a GET})
ACCESS = {
    "commitments:dashboard": (None, everyone()),
    "healthz": (None, public()),
    # For monitoring, without login: 503 here, as the demo has had no sync with the Kamer.
    "healthz-check": (lambda demo: {"name": "sync"}, public(503)),
    "login": (None, public()),
    "logout": (None, {**public(405), **LOGIN}),
    "set_language": (None, dict.fromkeys(ROLES, 302)),
    "commitments:list": (None, everyone()),
    "commitments:create": (None, only("griffie")),
    "commitments:detail": (commitment, everyone()),
    "commitments:edit": (commitment, only("griffie")),
    "commitments:change-status": (commitment, only("griffie")),
    "commitments:progress": (commitment, only("griffie", "beleid")),
    "commitments:as-of": (commitment, everyone()),
    "commitments:motion-list": (None, everyone()),
    "commitments:motion-create": (None, only("griffie")),
    "commitments:motion-detail": (motion, everyone()),
    "commitments:motion-edit": (motion, only("griffie")),
    "commitments:motion-vote": (motion, only("griffie")),
    "commitments:motion-status": (motion, only("griffie")),
    "commitments:motion-progress": (motion, only("griffie", "beleid")),
    "commitments:motion-as-of": (motion, everyone()),
    "commitments:correct": (commitment, only("griffie")),
    "commitments:motion-correct": (motion, only("griffie")),
    "commitments:my-work": (None, everyone()),
    "commitments:bulk": (None, only("griffie")),
    "commitments:motion-bulk": (None, only("griffie")),
    # Where a login leads: My work or the dashboard.
    "commitments:landing": (None, dict.fromkeys(ROLES, 302)),
    "email-settings": (None, everyone()),
    "commitments:motion-export-xlsx": (None, everyone()),
    "commitments:motion-export-csv": (None, everyone()),
    "legislation:list": (None, everyone()),
    "legislation:create": (None, only("griffie")),
    "legislation:detail": (law_track, everyone()),
    "legislation:edit": (law_track, only("griffie")),
    "legislation:withdraw": (law_track, only("griffie")),
    "legislation:stage-add": (law_track, only("griffie")),
    "legislation:stage-plan": (stage, only("griffie")),
    "legislation:stage-start": (stage, only("griffie")),
    "legislation:stage-complete": (stage, only("griffie")),
    "legislation:stage-edit": (stage, only("griffie")),
    "legislation:stage-progress": (stage, only("griffie", "beleid")),
    "legislation:stage-move": (stage, only("griffie", status=405)),
    "commitments:differences": (None, everyone()),
    "commitments:motion-complete-dossier": (None, POST_ONLY),
    "commitments:sync-log": (None, everyone()),
    "person-merge": (None, only("griffie")),
    "choices": (lambda demo: {"kind": "leden"}, everyone()),
    "debate-create": (None, only("griffie")),
    "commitments:relation-add": (commitment, POST_ONLY),
    "commitments:relation-delete": (lambda demo: {**commitment(demo), "relation_pk": 999999},
                                    POST_ONLY),
    "person-create": (None, only("griffie")),
    "commitments:export-xlsx": (None, everyone()),
    "commitments:spreadsheet-upload": (None, only("griffie")),
    # An upload is its uploader's: anyone else's (here: none exists) is a 404.
    "commitments:spreadsheet-preview": (lambda demo: {"pk": 999999}, only("griffie", status=404)),
    "commitments:export-csv": (None, everyone()),
    "commitments:proposals": (None, only("griffie")),
    "commitments:proposal-upload": (None, POST_ONLY),
    "commitments:proposal-accept": (lambda demo: {"pk": 999999}, only("griffie", status=404)),
    "commitments:proposal-merge": (lambda demo: {"pk": 999999}, POST_ONLY),
    "commitments:proposal-reject": (lambda demo: {"pk": 999999}, POST_ONLY),
    # The token in the URL is the credential: the feed answers whoever holds it.
    "commitments:feed-ics": (feed_token, public()),
    "commitments:feed-atom": (feed_token, public()),
    "commitments:saved-view-create": (None, {**LOGIN, **dict.fromkeys(ROLES[1:], 405)}),
    "commitments:saved-view-delete": (lambda demo: {"pk": 1},
                                      {**LOGIN, **dict.fromkeys(ROLES[1:], 405)}),
    "feed-settings": (None, everyone()),
    "period-preview": (None, everyone()),
    "feed-renew": (None, {**LOGIN, **dict.fromkeys(ROLES[1:], 405)}),
    "feed-revoke": (None, {**LOGIN, **dict.fromkeys(ROLES[1:], 405)}),
    "letters:list": (None, everyone()),
    "letters:compose": (None, only("brieven")),
    "letters:compose-selection": (None, POST_ONLY),
    "letters:detail": (final_letter, everyone()),
    "letters:pdf": (final_letter, everyone()),
    "letters:docx": (final_letter, everyone()),
    "letters:edit": (draft_letter, only("brieven")),
    "letters:texts": (draft_letter, only("beleid")),
    "letters:add-item": (draft_letter, POST_ONLY),
    "letters:section-edit": (first_section, only("brieven")),
    "letters:section-add": (draft_letter, POST_ONLY),
    "letters:section-move": (first_section, POST_ONLY),
    "letters:section-delete": (first_section, POST_ONLY),
    "letters:item-move": (first_item, POST_ONLY),
    "letters:submit": (draft_letter, POST_ONLY),
    "letters:approve": (draft_letter, POST_ONLY),
    "letters:send-back": (draft_letter, POST_ONLY),
    # The confirmation page; before approval it says why the letter cannot be finalised yet.
    "letters:finalise": (draft_letter, only("brieven")),
    "letters:kamerstuk": (final_letter, POST_ONLY),
    "letters:promises": (final_letter, POST_ONLY),
}


def named_patterns(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_patterns(pattern, namespace)
        elif pattern.name:
            yield prefix + pattern.name


def test_every_url_pattern_is_in_the_access_table():
    assert set(named_patterns()) == set(ACCESS)


@pytest.fixture
def users(norole, clerk, advisor, letter_writer, superuser):
    return {"anonymous": None, "norole": norole, "griffie": clerk, "beleid": advisor,
            "brieven": letter_writer, "superuser": superuser}


@pytest.mark.parametrize("role", ROLES)
def test_url_access_per_role(role, users, demo, client):
    if users[role]:
        client.force_login(users[role])
    failures = []
    for name, (kwargs, expected) in ACCESS.items():
        url = reverse(name, kwargs=kwargs(demo) if kwargs else None)
        response = client.get(url)
        if response.status_code != expected[role]:
            failures.append(f"{url} ({name}): {response.status_code}, expected {expected[role]}")
        elif role == "anonymous" and expected[role] == 302 and name != "set_language":
            assert response["Location"].startswith(reverse("login"))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("norole", 302), ("griffie", 302),
                                          ("superuser", 200)])
def test_admin_is_for_staff_only(role, status, users, client):
    if users[role]:
        client.force_login(users[role])
    assert client.get("/beheer/").status_code == status


# The POST-only actions, POSTed by every role: who may act (superusers always may).
POST_ACCESS = {
    "legislation:stage-move": (stage, ["griffie"]),
    "commitments:motion-complete-dossier": (None, ["griffie"]),
    "commitments:relation-add": (commitment, ["griffie"]),
    "commitments:relation-delete": (lambda demo: {**commitment(demo), "relation_pk": 999999},
                                    ["griffie"]),
    "commitments:saved-view-create": (None, ["griffie", "beleid", "brieven"]),
    "commitments:saved-view-delete": (lambda demo: {"pk": 1}, ["griffie", "beleid", "brieven"]),
    "feed-renew": (None, ["griffie", "beleid", "brieven"]),
    "feed-revoke": (None, ["griffie", "beleid", "brieven"]),
    "letters:compose-selection": (None, ["brieven"]),
    "letters:add-item": (draft_letter, ["brieven"]),
    "letters:section-add": (draft_letter, ["brieven"]),
    "letters:section-move": (first_section, ["brieven"]),
    "letters:section-delete": (first_section, ["brieven"]),
    "letters:item-move": (first_item, ["brieven"]),
    "letters:submit": (draft_letter, ["brieven"]),
    "letters:approve": (draft_letter, ["brieven"]),
    "letters:send-back": (draft_letter, ["brieven"]),
    "letters:kamerstuk": (final_letter, ["brieven"]),
    "letters:promises": (final_letter, ["griffie"]),
    "commitments:proposal-upload": (None, ["griffie"]),
    "commitments:proposal-merge": (lambda demo: {"pk": 999999}, ["griffie"]),
    "commitments:proposal-reject": (lambda demo: {"pk": 999999}, ["griffie"]),
    "logout": (None, ["norole", "griffie", "beleid", "brieven"]),  # last: it ends the session
}


def test_every_post_only_action_is_in_the_post_table():
    post_only = {name for name, (_kwargs, expected) in ACCESS.items()
                 if expected["superuser"] == 405}
    assert post_only == set(POST_ACCESS)


@pytest.mark.parametrize("role", ROLES)
def test_post_only_actions_per_role(role, users, demo, client):
    if users[role]:
        client.force_login(users[role])
    failures = []
    for name, (kwargs, allowed) in POST_ACCESS.items():
        url = reverse(name, kwargs=kwargs(demo) if kwargs else None)
        status = client.post(url).status_code
        may = role == "superuser" or role in allowed
        expected = "login" if role == "anonymous" else ("not 403" if may else "403")
        ok = {"login": status == 302, "403": status == 403,
              "not 403": status not in (403, 405)}[expected]
        if not ok:
            failures.append(f"{url} ({name}): {status}, expected {expected}")
    assert not failures, "\n".join(failures)
