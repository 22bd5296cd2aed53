"""What a commitment's or motion's search words are made of (register/search.py finds them).

Beyond its own number, title and text, a record is found by the people it names (the
bewindspersoon, the member it was made to, the submitters), its dossier as written with and
without a space ("24077", "24 077"), the papers it was made in or delivered by ("468"), and to
whom and what it is assigned: its owner by name, its directorate and its topics. Those words are
copied onto the record, so a search stays one indexed look-up; when a person, dossier, paper,
owner, directorate or topic is renamed, or a topic added or removed, `refresh_search` derives
them again for the records that name it (commitments/signals.py).

Plain functions of the record's fields, so a migration can apply them to its historical models.
"""

from register.references import format_dossier
from register.search import normalize


def related(record, name, cached_only):
    """The record's `name` relation; with `cached_only` (rows written in bulk, where no query may
    run while PostgreSQL's COPY is streaming: tk_import/writing.py) only what is loaded already."""
    field = record._meta.get_field(name)
    if cached_only and not field.is_cached(record):
        return None
    return getattr(record, name)


def person_words(person):
    """The name parts (no office: that would read the offices of every person)."""
    if person is None:
        return ""
    return " ".join((person.first_name, person.initials, person.prefix, person.surname))


def dossier_words(dossier):
    if dossier is None:
        return ""
    return f"{dossier.number} {format_dossier(dossier.number)}"


def document_words(document, cached_only=False):
    """"24077 24 077 nr 468" for Kamerstuk 24 077, nr. 468; a letter's kenmerk."""
    if document is None:
        return ""
    number = f"nr {document.number}" if document.number else ""
    dossier = related(document, "dossier", cached_only)
    return " ".join((dossier_words(dossier), number, document.kenmerk))


def user_words(user):
    """The owner as the app shows them: the full name, else the username (fields only: a
    migration's historical user has no get_full_name)."""
    if user is None:
        return ""
    return f"{user.first_name} {user.last_name}".strip() or user.username


def directorate_words(directorate):
    if directorate is None:
        return ""
    return f"{directorate.abbreviation} {directorate.name}"


def topic_words(record, cached_only):
    """The topics' names; none for a record not saved yet (its topics come after it)."""
    if record.pk is None or (cached_only and "topics" not in getattr(
            record, "_prefetched_objects_cache", {})):
        return ""
    return " ".join(topic.name for topic in record.topics.all())


def assignment_words(record, cached_only):
    """To whom and what the record is assigned: owner, directorate, topics."""
    return " ".join((user_words(related(record, "owner", cached_only)),
                     directorate_words(related(record, "directorate", cached_only)),
                     topic_words(record, cached_only)))


def commitment_search(commitment, cached_only=False):
    """(search_title, search_text) of a commitment."""
    title = normalize(commitment.number, commitment.tk_number, commitment.ek_number,
                      commitment.title)
    def get(name):
        return related(commitment, name, cached_only)

    words = " ".join((dossier_words(get("dossier")), person_words(get("bewindspersoon")),
                      person_words(get("to_member")),
                      document_words(get("made_in"), cached_only),
                      document_words(get("delivered_by"), cached_only),
                      assignment_words(commitment, cached_only)))
    return title, normalize(title, words, commitment.text)


def motion_search(motion, dossier, submitters, cached_only=False):
    """(search_title, search_text) of a motion placed in `dossier` (None while to be completed)
    with these submitters (people)."""
    number = dossier.number if dossier else ""
    title = normalize(number, format_dossier(number) if number else "", f"nr {motion.number}",
                      motion.tk_document_number, motion.tk_zaak_number, motion.title)
    # While the dossier is to be completed, the Kamer's title of it finds the motion.
    words = " ".join([document_words(related(motion, "reported_by", cached_only), cached_only),
                      motion.tk_dossier_title, assignment_words(motion, cached_only)]
                     + [person_words(person) for person in submitters])
    return title, normalize(title, words, motion.text)
