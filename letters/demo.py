"""The reference letter itself as a final letter in the register: Kamerstuk 24 077, nr. 468.

Its text is the one typed in letters/reference_letter.py; its items are the demo's commitments, the
motion and the law tracks that letter reports on or delivers. Their progress texts are empty: the
letter's own sections already say everything, as the original does. It went the whole way on
18 December 2020 — drafted, offered for approval, approved by a second person, finalised with
its PDF stored — and its history says so. Idempotent: a letter linked to that Kamerstuk is
left alone (and its PDF not rendered again).
"""

import datetime

from django.contrib.auth import get_user_model

from commitments.demo import at
from letters import reference_letter
from letters.content import approval_record, letter_content, letter_items
from letters.layout import render_letter_pdf
from letters.models import (
    Addressee,
    LetterItem,
    LetterKind,
    LetterSection,
    LetterStatus,
    ProgressLetter,
)
from letters.services import finalise, record_approval
from register.history import save_with_history
from register.models import Directorate

LETTER = "Kamerstuk 24 077, nr. 468"
DATE = reference_letter.DATE
PREVIOUS_LETTER_DATE = datetime.date(2019, 12, 19)  # Kamerstuk 24 077, nr. 456

# Section title → the items it reports on: commitment titles, "motion", law tracks by short name.
# (title, delivers)
ITEMS = {
    "Onderzoeken en monitors": [
        ("In gesprek met de spoedeisende hulp over registratie van drugsincidenten", True),
        ("Informeren over het implementatieplan NEED", False),
        ("Rapport verkennend onderzoek naar gebruikers van cocaïne", True),
        ("Gerichte preventieaanpak voor gebruikers van cocaïne", False),
        ("Resultaten EXPLORE-onderzoek naar middelengebruik onder scholieren", False),
        ("Bij voldoende onderzoek ook kijken naar de wijze van inzet van ervaringsdeskundigen",
         True),
        ("Effectiviteitsonderzoek naar interventies met ervaringsdeskundigen stimuleren", False),
        ("Uitkomsten persona onderzoek", False),
        ("Onderzoek naar lachgasgebruik onder jongeren met een niet-westerse "
         "migratieachtergrond", True),
        ("Lachgas-preventiemateriaal vertalen in het Arabisch", False),
        ("Lachgasbesluit", False),
    ],
    "Wetsvoorstel verbod groepen NPS (nieuwe psychoactieve stoffen)": [
        ("Voortgang plaatsing lachgas op lijst II en wetsvoorstel groepsverbod NPS", True),
        ("Groepsverbod NPS", False),
    ],
    "Motie drugsvrije schoolpleinen": [
        ("motion", True),
        ("Eindrapportage pilots IJslandse preventieaanpak", False),
    ],
    "LADIS": [("Wkkgz LADIS/LTR", False)],
    "Afsluiting": [("Brief over genomen stappen en openstaande toezeggingen", False)],
}

# The same content gives the same PDF: loading the demo again in one process (the test suite
# does, for every test that uses it) renders the letter once. LetterContent is a frozen
# dataclass, so the content itself is the key.
_rendered = {}


def render_once(content):
    if content not in _rendered:
        _rendered[content] = render_letter_pdf(content, draft=False)
    return _rendered[content]


def subjects(objects):
    found = {c.title: c for c in objects.get("commitments", [])}
    found.update({t.short_name: t for t in objects.get("law_tracks", [])})
    if objects.get("motion"):
        found["motion"] = objects["motion"]
    return found


def user_or(username, fallback):
    return get_user_model().objects.filter(username=username).first() or fallback


def load(objects, *, by):
    document = objects["documents"][LETTER]
    existing = ProgressLetter.objects.filter(document=document).first()
    if existing:
        objects["letter"] = existing
        return objects
    author, approver = user_or("brieven", by), user_or("brieven2", by)
    blokhuis = objects["people"]["blokhuis"]
    original = reference_letter
    letter = save_with_history(ProgressLetter(
        kind=LetterKind.PROGRESS, dossier=objects["dossiers"]["24077"], subject=original.SUBJECT,
        kenmerk=original.KENMERK, date=DATE, addressee=Addressee.TWEEDE_KAMER,
        ministry=objects["ministries"]["VWS"], signatory=blokhuis,
        directorate=Directorate.objects.filter(abbreviation="VGP").first(),
        signatory_office=original.SIGNATORY_OFFICE, signatory_name=original.SIGNATORY_NAME,
        bijlagen=original.BIJLAGEN, opening=original.OPENING, closing=original.CLOSING,
        annex=True, since=PREVIOUS_LETTER_DATE, author=author, document=document,
    ), by=author, reason="Brief opgesteld", at=at(DATE, 9))
    load_sections(letter, subjects(objects), by=author)
    # Approved by a second person; when the demo runs without the letter staff's accounts the
    # --user stands in for both, so the approval is recorded as it happened, not re-checked.
    letter.status, letter.submitted_at = LetterStatus.FOR_APPROVAL, at(DATE, 12)
    save_with_history(letter, by=author, reason="Ter goedkeuring aangeboden", at=at(DATE, 12))
    items = letter_items(letter)
    record_approval(letter, by=approver, at=at(DATE, 13), record=approval_record(
        letter, letter_content(letter, items=items), items))
    save_with_history(letter, by=approver, reason="Goedgekeurd", at=at(DATE, 13))
    # After the register's own changes of that afternoon (commitments/demo.py, 15:00; law
    # tracks, 16:00), so the next letter does not report them again.
    objects["letter"] = finalise(letter, by=author, at=at(DATE, 17), render=render_once)
    return objects


def load_sections(letter, found, *, by):
    reason = "Tekst van de voortgangsbrief van 18 december 2020"
    for order, (title, body) in enumerate(reference_letter.SECTIONS, start=1):
        section = save_with_history(LetterSection(letter=letter, order=order * 10, title=title,
                                                  body=body), by=by, reason=reason, at=at(DATE, 10))
        for position, (key, delivers) in enumerate(ITEMS.get(title, []), start=1):
            subject = found.get(key)
            if subject is None:
                continue
            field = {"Commitment": "commitment", "Motion": "motion"}.get(
                type(subject).__name__, "law_track")
            save_with_history(LetterItem(letter=letter, section=section, order=position * 10,
                                         delivers=delivers, **{field: subject}),
                              by=by, reason=reason, at=at(DATE, 11))
