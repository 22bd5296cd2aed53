"""The letter that delivered a commitment (KamerbriefNakoming) as a register.Document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from commitments.tk_import.reading import RecordError, date_value, in_chunks, json_type, text_value
from commitments.tk_import.writing import create_with_history
from register.models import DOSSIER_NUMBER_RE, Document, Dossier
from register.references import Reference, parse_references

# --- The delivering letter (KamerbriefNakoming) ---------------------------------------------------

@dataclass(frozen=True)
class Letter:
    reference: Reference | None = None
    kenmerk: str = ""
    kind: str = Document.Kind.BRIEF
    title: str = ""
    date: date | None = None
    document_number: str = ""  # the Kamer's DocumentNummer, kept also when there is a reference

    @property
    def key(self):
        if self.reference:
            return self.reference.ident
        return f"brief-{self.kenmerk}" if self.kenmerk else f"titel:{self.title}"


def parse_letter(value):
    """KamerbriefNakoming: an expanded Document (or a list of them), or a plain string."""
    if value in (None, "", []):
        return None
    if isinstance(value, list):
        letters = [parse_letter(item) for item in value]
        return next((letter for letter in letters if letter), None)
    if isinstance(value, str):
        return letter_from_text(value.strip())
    if isinstance(value, dict):
        return letter_from_document(value)
    raise RecordError("KamerbriefNakoming", f"verwacht een document of tekst, gevonden "
                                            f"{json_type(value)}")


def letter_from_text(text):
    references = parse_references(text)
    if references:
        return Letter(reference=references[0])
    if len(text) <= 50:
        return Letter(kenmerk=text)
    return Letter(title=text[:300])


def letter_from_document(record):
    soort = text_value(record, "Soort").casefold()
    kind = Document.Kind.BRIEF if not soort or "brief" in soort else Document.Kind.OTHER
    title = (text_value(record, "Onderwerp") or text_value(record, "Titel"))[:300]
    on = date_value(record, "Datum")
    reference = kamerstuk_reference(record)
    kenmerk = text_value(record, "DocumentNummer")
    if reference is None:
        for name in ("Kamerstuk", "Citeertitel"):
            references = parse_references(text_value(record, name)) if isinstance(
                record.get(name), str) else []
            if references:
                reference = references[0]
                break
    if reference is None and not kenmerk and not title:
        raise RecordError("KamerbriefNakoming", "het document heeft geen DocumentNummer, "
                                                "Kamerstuknummer of titel")
    return Letter(reference=reference, kenmerk="" if reference else kenmerk[:50], kind=kind,
                  title=title, date=on, document_number=kenmerk[:20])


def dossier_number(value):
    """The dossier of an expanded Kamerstukdossier (or a list of them): ("35570-XVI", title)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return None, ""
    number = text_value(value, "Nummer")
    suffix = text_value(value, "Toevoeging").replace(" ", "")
    full = f"{number}-{suffix}" if suffix else number
    if not DOSSIER_NUMBER_RE.match(full):
        return None, ""
    return full, text_value(value, "Titel")


def kamerstuk_reference(record):
    number = text_value(record, "Volgnummer")
    dossier, _title = dossier_number(record.get("Kamerstukdossier")
                                     or record.get("Kamerstuk"))
    if not (dossier and number and number.isdigit()):
        return None
    year = text_value(record, "Vergaderjaar")
    year = f"{year[:4]}/{year[-2:]}" if re.fullmatch(r"[0-9]{4}-[0-9]{4}", year) else None
    return Reference(kind="kamerstuk", dossier=dossier, number=number, year=year)


def fill_number(document, number, pending, reason):
    """A document we hold without the Kamer's DocumentNummer (stored before register migration
    0018, or typed by a clerk) gets it, saved with Pending: a clerk can then find it by that
    number (register.forms). False when it holds another one: that one is kept, for the import
    to report (number_conflict)."""
    if not number or document.tk_document_number.casefold() == number.casefold():
        return True
    if document.tk_document_number:
        return False
    document.tk_document_number = number
    pending.add(document, f"{reason} (documentnummer van de Kamer)")
    return True


def number_conflict(document, number):
    return (f"{document} heeft bij ons documentnummer {document.tk_document_number}, bij de "
            f"Kamer {number}; het onze blijft")


class Letters:
    """The delivering documents: looked up by natural key in one query, the new ones planned and
    then written in one bulk insert (an export names hundreds of letters)."""

    def __init__(self, letters, pending):
        self.pending, self.new = pending, []
        keys = {letter.key for letter in letters if letter.reference or letter.kenmerk}
        self.known = {document.ident: document for document in
                      in_chunks(Document.objects.all(), "ident", keys)}
        titles = {letter.title for letter in letters if letter.key.startswith("titel:")}
        for document in in_chunks(Document.objects.filter(ident__isnull=True), "title", titles):
            self.known.setdefault(f"titel:{document.title}", document)

    def plan_missing(self, letters):
        """`letters`: {Letter: reason}. New dossiers go to Pending (saved first), the new
        documents are written by `write`."""
        missing = {letter.key: (letter, reason) for letter, reason in letters.items()
                   if letter.key not in self.known}
        dossiers = {d.number: d for d in in_chunks(Dossier.objects.all(), "number", {
            letter.reference.dossier for letter, _reason in missing.values()
            if letter.reference and letter.reference.dossier})}
        for key, (letter, reason) in missing.items():
            document = self.document(letter, dossiers, reason=reason)
            document._change_reason = reason
            self.known[key] = document
            self.new.append(document)

    def fill_numbers(self, letters):
        """`letters`: {Letter: reason}. Each document we hold gets its DocumentNummer if it
        lacks it (fill_number); returns [(letter, document)] of those holding another one."""
        return [(letter, document) for letter, reason in letters.items()
                if (document := self.known.get(letter.key)) is not None and document.pk
                and not fill_number(document, letter.document_number, self.pending, reason)]

    def write(self, *, by):
        """The new documents, in one bulk insert (their dossiers are saved by then)."""
        create_with_history(self.new, Document, by=by)
        for document in self.new:
            document.__dict__.pop("_change_reason", None)
        self.new = []

    def document(self, letter, dossiers, *, reason):
        reference = letter.reference
        if reference is None:
            document = Document(kind=letter.kind, kenmerk=letter.kenmerk, date=letter.date,
                                title=letter.title, tk_document_number=letter.document_number)
        else:
            dossier = None
            if reference.dossier:
                dossier = dossiers.get(reference.dossier) or self.pending.add(
                    Dossier(number=reference.dossier, title=""), reason)
                dossiers[reference.dossier] = dossier
            # Only a Kamerstuk keeps its reference under another kind (a letter is one).
            kind = letter.kind if reference.kind == "kamerstuk" else reference.kind
            document = Document(kind=kind, dossier=dossier, number=reference.number,
                                chamber=reference.chamber, year=reference.year or "",
                                item=reference.item or "", date=letter.date, title=letter.title,
                                tk_document_number=letter.document_number)
        # What Document.save derives: the natural key and the official URL.
        reference = document.reference
        document.ident = reference.ident if reference else (
            f"brief-{document.kenmerk}" if document.kenmerk else None)
        document.url = reference.url if reference else ""
        return document

    def get(self, letter):
        return self.known[letter.key]
