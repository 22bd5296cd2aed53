"""Who may take a letter's steps is said once (letters/permissions.py): the page offers a step
exactly when the service lets that user take it. For every role and every stage of a letter,
each step is tried through its service (and undone): the service refuses it with a predicate's
reason exactly when the page does not offer it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from letters import permissions, services
from letters.forms import TextFormSet
from letters.models import LetterStatus
from tests.letters.conftest import reload

# The codes of the predicates' refusals; any other refusal (an incomplete letter, a duplicate
# item) is about the input, not about who may take the step.
REFUSALS = {"permission", "not_author", "final", "not_draft", "not_for_approval", "own_letter",
            "approved", "not_approved", "not_final", "no_dossier", "numbered"}

STEPS = {
    "edit": lambda letter, by, r: services.letter_add_item(letter=letter, by=by,
                                                           text=r["open"].number),
    "texts": lambda letter, by, r: services.letter_save_texts(
        letter=letter, by=by, version=letter.version,
        formset=TextFormSet(instance=letter, prefix="items")),
    "submit": lambda letter, by, r: services.letter_submit(letter=letter, by=by),
    "approve": lambda letter, by, r: services.letter_approve(letter=letter, by=by),
    "send_back": lambda letter, by, r: services.letter_send_back(letter=letter, by=by,
                                                                 comment="Nog niet."),
    "finalise": lambda letter, by, r: services.letter_finalise(letter=letter, by=by),
    "kamerstuk": lambda letter, by, r: services.letter_record_kamerstuk(letter=letter, by=by,
                                                                        number="999"),
}


class Undone(Exception):
    pass


def service_allows(step, letter, user, register):
    """Whether the service takes the step (its work undone again), or refuses who or when."""
    try:
        with transaction.atomic():
            STEPS[step](reload(letter), user, register)
            raise Undone
    except Undone:
        return True
    except ValidationError as error:
        return not REFUSALS & {e.code for e in error.error_list}


@pytest.fixture
def letter_at(draft, letter_writer, letter_writer2, fake_pdf):
    def at(stage):
        if stage != "draft":
            services.letter_submit(letter=reload(draft), by=letter_writer)
        if stage in ("approved", "final"):
            services.letter_approve(letter=reload(draft), by=letter_writer2)
        if stage == "final":
            services.letter_finalise(letter=reload(draft), by=letter_writer2)
        return reload(draft)
    return at


@pytest.mark.parametrize("role", ["letter_writer", "letter_writer2", "advisor", "clerk",
                                  "superuser"])
@pytest.mark.parametrize("stage", ["draft", "for_approval", "approved", "final"])
def test_the_page_offers_exactly_the_steps_the_services_allow(stage, role, request, letter_at,
                                                              register_24077):
    letter = letter_at(stage)
    user = request.getfixturevalue(role)
    offered = permissions.steps_for(user, letter)
    allowed = {step: service_allows(step, letter, user, register_24077) for step in STEPS}
    assert offered == allowed
    assert reload(letter).status == (LetterStatus.FINAL if stage == "final" else
                                     LetterStatus.DRAFT if stage == "draft" else
                                     LetterStatus.FOR_APPROVAL)


def test_the_roles_steps_in_words():
    """What DESIGN.md gives each role, read off the predicates for a draft and an approved
    letter of someone else."""
    class User:
        pk, is_superuser = 1, False

        def __init__(self, *perms):
            self.perms = set(perms)

        def has_perm(self, perm):
            return perm in self.perms

    class Letter:
        author_id, approved_at, dossier_id, document = 2, None, 1, None

        def __init__(self, status, approved_at=None):
            self.status, self.approved_at = status, approved_at
            self.is_draft = status == "draft"
            self.is_for_approval = status == "for_approval"
            self.is_final = status == "final"
            self.is_approved = self.is_for_approval and approved_at is not None

        def check_editable(self, fresh):
            if not self.is_draft:
                raise ValidationError("niet", code="not_draft")

    staff = User(permissions.CHANGE, permissions.APPROVE, permissions.FINALISE)
    advisor = User(permissions.EDIT_TEXTS)
    draft, approved = Letter("draft"), Letter("for_approval", approved_at="gisteren")
    assert permissions.may_edit(staff, draft) and not permissions.may_edit(advisor, draft)
    assert permissions.may_write_texts(advisor, draft)
    assert not permissions.may_write_texts(advisor, approved)
    refusal = permissions.may_submit(staff, draft)
    assert not refusal and refusal.code == "not_author"  # someone else's draft
    assert permissions.may_finalise(staff, approved)
    assert permissions.may_approve(staff, approved).code == "approved"
    assert not permissions.may_finalise(advisor, approved)
