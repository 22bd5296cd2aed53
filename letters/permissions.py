"""Who may take which step of a letter now: one predicate per step, `may_…(user, letter)`.

The screens ask them which steps to offer; the services ask them again, of the row they hold
locked, and refuse with the reason (`require`). A predicate returns True, or a Refusal: false,
and carrying the Dutch reason. The roles are the groups' permissions (register/roles.py); what a
letter's status allows is the letter's own rule (ProgressLetter.check_editable, is_approved).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHANGE = "letters.change_progressletter"
EDIT_TEXTS = "letters.edit_progress_text"
APPROVE = "letters.approve_progressletter"
FINALISE = "letters.finalise_progressletter"


@dataclass(frozen=True)
class Refusal:
    """A step not allowed, and why."""

    message: str
    code: str

    def __bool__(self):
        return False


def require(verdict):
    """Raise a Refusal as a ValidationError with its message and code; True passes."""
    if not verdict:
        raise ValidationError(verdict.message, code=verdict.code)


def editable(letter):
    """Only a draft changes (the letter's rule; `letter` was just read or is held locked)."""
    try:
        letter.check_editable(fresh=True)
    except ValidationError as error:
        return Refusal(error.messages[0], error.code)
    return True


def may_edit(user, letter):
    """Edit the letter itself: its fields, sections and items (letter staff, a draft)."""
    if not user.has_perm(CHANGE):
        return Refusal(_("U mag deze brief niet wijzigen."), "permission")
    return editable(letter)


def may_write_texts(user, letter):
    """Write the progress texts of a draft, and nothing else of it (advisors)."""
    if not user.has_perm(EDIT_TEXTS):
        return Refusal(_("U mag deze brief niet wijzigen."), "permission")
    return editable(letter)


def may_submit(user, letter):
    """Offer the draft for approval: its author (or a superuser)."""
    if not user.has_perm(CHANGE):
        return Refusal(_("U mag deze brief niet wijzigen."), "permission")
    if letter.author_id != user.pk and not user.is_superuser:
        return Refusal(_("Alleen de auteur biedt de brief ter goedkeuring aan."), "not_author")
    return editable(letter)


def may_review(user, letter):
    """Send a letter that waits for approval back to its author (letter staff)."""
    if not user.has_perm(APPROVE):
        return Refusal(_("Alleen medewerkers van brieven keuren brieven goed of sturen ze "
                         "terug."), "permission")
    if not letter.is_for_approval:
        return Refusal(_("Deze brief ligt niet ter goedkeuring."), "not_for_approval")
    return True


def may_approve(user, letter):
    """Approve it: another member of letter staff (or a superuser), never its author, once."""
    verdict = may_review(user, letter)
    if not verdict:
        return verdict
    if letter.author_id == user.pk:
        return Refusal(_("U kunt uw eigen brief niet goedkeuren: een andere medewerker van "
                         "brieven doet dat."), "own_letter")
    if letter.approved_at:
        return Refusal(_("Deze brief is al goedgekeurd."), "approved")
    return True


def finalisable(letter):
    """Only an approved letter is finalised, once."""
    if letter.is_final:
        return Refusal(_("Deze brief is al vastgesteld."), "final")
    if not letter.is_approved:
        return Refusal(_("Alleen een goedgekeurde brief kan worden vastgesteld."),
                       "not_approved")
    return True


def may_finalise(user, letter):
    if not user.has_perm(FINALISE):
        return Refusal(_("Alleen medewerkers van brieven stellen brieven vast."), "permission")
    return finalisable(letter)


def may_record_kamerstuk(user, letter):
    """Record the number the Kamer published a final letter of a dossier under, once."""
    if not user.has_perm(CHANGE):
        return Refusal(_("Alleen medewerkers van brieven leggen het Kamerstuknummer vast."),
                       "permission")
    if not letter.is_final:
        return Refusal(_("Leg het Kamerstuknummer vast nadat de brief is vastgesteld."),
                       "not_final")
    if letter.dossier_id is None:
        return Refusal(_("Deze brief hoort bij geen dossier, dus krijgt hij geen "
                         "Kamerstuknummer."), "no_dossier")
    if letter.document and letter.document.reference:
        return Refusal(_("Deze brief is al vastgelegd als %(reference)s.")
                       % {"reference": letter.document.reference}, "numbered")
    return True


def steps_for(user, letter):
    """{step: allowed} for the letter's page: which steps to offer this user now."""
    return {
        "edit": bool(may_edit(user, letter)),
        "texts": bool(may_write_texts(user, letter)),
        "submit": bool(may_submit(user, letter)),
        "approve": bool(may_approve(user, letter)),
        "send_back": bool(may_review(user, letter)),
        "finalise": bool(may_finalise(user, letter)),
        "kamerstuk": bool(may_record_kamerstuk(user, letter)),
    }
