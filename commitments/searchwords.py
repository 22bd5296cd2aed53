"""What a commitment's or motion's search words are made of (register/search.py finds them).

Beyond its own number, title and text, a record is found by the people it names (the
bewindspersoon, the member it was made to, the submitters), its dossier as written with and
without a space ("24077", "24 077") and the papers it was made in or delivered by ("468"). Those
words are copied onto the record, so a search stays one indexed look-up; when a person, dossier
or paper is renamed, `refresh_search` derives them again for the records that name it
(commitments/signals.py).

Plain functions of the record's fields, so a migration can apply them to its historical models.
"""

from register.references import format_dossier
from register.search import normalize


def person_words(person):
    """The name parts (no office: that would read the offices of every person)."""
    if person is None:
        return ""
    return " ".join((person.first_name, person.initials, person.prefix, person.surname))


def dossier_words(dossier):
    if dossier is None:
        return ""
    return f"{dossier.number} {format_dossier(dossier.number)}"


def document_words(document):
    """"24077 24 077 nr 468" for Kamerstuk 24 077, nr. 468; a letter's kenmerk."""
    if document is None:
        return ""
    number = f"nr {document.number}" if document.number else ""
    return " ".join((dossier_words(document.dossier), number, document.kenmerk))


def commitment_search(commitment):
    """(search_title, search_text) of a commitment."""
    title = normalize(commitment.number, commitment.tk_number, commitment.ek_number,
                      commitment.title)
    related = " ".join((dossier_words(commitment.dossier),
                        person_words(commitment.bewindspersoon),
                        person_words(commitment.to_member),
                        document_words(commitment.made_in),
                        document_words(commitment.delivered_by)))
    return title, normalize(title, related, commitment.text)


def motion_search(motion, dossier, submitters):
    """(search_title, search_text) of a motion placed in `dossier` (None while to be completed)
    with these submitters (people)."""
    number = dossier.number if dossier else ""
    title = normalize(number, format_dossier(number) if number else "", f"nr {motion.number}",
                      motion.tk_document_number, motion.tk_zaak_number, motion.title)
    # While the dossier is to be completed, the Kamer's title of it finds the motion.
    related = " ".join([document_words(motion.reported_by), motion.tk_dossier_title]
                       + [person_words(person) for person in submitters])
    return title, normalize(title, related, motion.text)
