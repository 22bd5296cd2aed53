"""The Kamer's status words for commitments, both ways: read into our statuses (the imports, the
spreadsheet, the differences with the Kamer) and written from them (the letters' annex and the
rappel table). DESIGN.md "Statuses".

The Kamer's registers have two vocabularies: the Tweede Kamer's open data says Afgedaan and Deels
Afgedaan, older records and the Eerste Kamer Voldaan and Deels voldaan, for the same two statuses.
"In uitvoering" is ours alone: the Kamer still sees Openstaand.
"""

from commitments.models import OPEN_STATUSES, Appreciation, Status, VoteOutcome

# Reading: each word the Kamer writes, compared without regard to capitals or spacing ("Deels
# Afgedaan", "Deels voldaan"), as our status.
KAMER_STATUSES = {
    "openstaand": Status.OPEN,
    "afgedaan": Status.DONE,
    "voldaan": Status.DONE,
    "deels afgedaan": Status.PARTLY_DONE,
    "deels voldaan": Status.PARTLY_DONE,
    "vervallen": Status.LAPSED,
}
# The words as a message lists them.
KAMER_WORDS = "Openstaand, Afgedaan, Deels Afgedaan, Vervallen, Voldaan, Deels Voldaan"
# Written into tk_status when the Kamer withdrew a record we hold.
DELETED = "Verwijderd"
# Which of our statuses agree with each of the Kamer's.
AGREES_WITH = {
    Status.OPEN: set(OPEN_STATUSES) - {Status.PARTLY_DONE},
    Status.DONE: {Status.DONE},
    Status.PARTLY_DONE: {Status.PARTLY_DONE},
    Status.LAPSED: {Status.LAPSED},
}

# Writing: our status as each Kamer's register words it.
TWEEDE_KAMER_WORDS = {
    Status.OPEN: "Openstaand",
    Status.IN_PROGRESS: "Openstaand",
    Status.PARTLY_DONE: "Deels afgedaan",
    Status.DONE: "Afgedaan",
    Status.LAPSED: "Vervallen",
}
EERSTE_KAMER_WORDS = {**TWEEDE_KAMER_WORDS, Status.PARTLY_DONE: "Deels voldaan",
                      Status.DONE: "Voldaan"}


def kamer_status(word):
    """Our status for the Kamer's word (None for a word the Kamer does not use)."""
    return KAMER_STATUSES.get(" ".join(word.split()).casefold())


def kamer_agrees(word, status):
    """Whether the Kamer's word says the same as our status; an empty word says nothing."""
    if not word:
        return True
    kamer = kamer_status(word)
    return kamer is not None and status in AGREES_WITH[kamer]


# --- Motions --------------------------------------------------------------------------------

# The cabinet's appreciation as a Zaak's Kabinetsappreciatie words it. "Niet beschikbaar bij
# moties en/of amendementen vóór 1 april 2019", "Niet beschikbaar bij gewijzigde moties …" and
# "Geen (expliciete) appreciatie" say that there is none.
APPRECIATIONS = {
    "oordeel kamer": Appreciation.OORDEEL_KAMER,
    "ontraden": Appreciation.ONTRADEN,
    "overgenomen": Appreciation.OVERGENOMEN,
    "ontijdig": Appreciation.ONTIJDIG,
    "verzocht motie aan te houden": Appreciation.AANHOUDEN,
    "verzoek aan te houden": Appreciation.AANHOUDEN,
}
# A Besluit's BesluitSoort or BesluitTekst ("Stemmen - aangenomen", "Aangenomen.", "Verworpen.",
# "Aangehouden (tijdens de vergadering)", "Ingetrokken.") as our vote outcome; a decision that
# is none of these ("Stemmingen uitgesteld", "Behandeld") decides nothing about the motion.
VOTE_WORDS = [("aangenomen", VoteOutcome.ADOPTED), ("verworpen", VoteOutcome.REJECTED),
              ("aangehouden", VoteOutcome.HELD), ("aanhouden", VoteOutcome.HELD),
              ("ingetrokken", VoteOutcome.WITHDRAWN), ("intrekken", VoteOutcome.WITHDRAWN)]


def kamer_appreciation(word):
    """Our appreciation for the Kamer's Kabinetsappreciatie ("" for none or one we do not know)."""
    return APPRECIATIONS.get(" ".join((word or "").split()).casefold(), "")


def kamer_vote_outcome(*texts):
    """Our outcome for a Besluit, from its BesluitSoort and BesluitTekst (None: not a vote)."""
    for text in texts:
        text = (text or "").casefold()
        for word, outcome in VOTE_WORDS:
            if word in text:
                return outcome
    return None
