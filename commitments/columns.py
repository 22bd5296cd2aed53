"""The columns of a commitments spreadsheet: what the export writes and the import reads back.

Keys are the names used in code; headers are the Dutch column titles people see in Excel. The file
is Dutch whatever the language of the screens (the import reads its own export back); the
headers are marked for translation so the import's screens can name the columns in English.
"""

from django.utils.translation import gettext_noop

COMMITMENT_COLUMNS = [
    ("number", gettext_noop("Nummer")),
    ("tk_number", gettext_noop("Nummer Tweede Kamer")),
    ("tk_status", gettext_noop("Status Tweede Kamer")),
    ("ek_number", gettext_noop("Nummer Eerste Kamer")),
    ("ek_status", gettext_noop("Status Eerste Kamer")),
    ("title", gettext_noop("Titel")),
    ("text", gettext_noop("Tekst")),
    ("bewindspersoon", gettext_noop("Bewindspersoon")),
    ("ministry", gettext_noop("Ministerie")),
    ("made_on", gettext_noop("Datum toezegging")),
    ("debate", gettext_noop("Debat")),
    ("to_member", gettext_noop("Toegezegd aan")),
    ("to_party", gettext_noop("Fractie")),
    ("committee", gettext_noop("Commissie")),
    ("dossier", gettext_noop("Dossier")),
    ("topics", gettext_noop("Onderwerpen")),
    ("deadline_text", gettext_noop("Termijn")),
    ("deadline_start", gettext_noop("Termijn begin")),
    ("deadline_end", gettext_noop("Termijn einde")),
    # Derived, not read back by the import: how many days past its deadline an open one is.
    ("days_late", gettext_noop("Dagen te laat")),
    ("status", gettext_noop("Status")),
    ("progress", gettext_noop("Stand van zaken")),
    ("delivered_on", gettext_noop("Nagekomen op")),
    ("delivered_by", gettext_noop("Nagekomen met")),
    ("directorate", gettext_noop("Directie")),
    ("owner", gettext_noop("Eigenaar")),
    ("updated_at", gettext_noop("Laatst gewijzigd")),
]
