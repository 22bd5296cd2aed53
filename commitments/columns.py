"""The columns of a commitments spreadsheet: what the export writes and the import reads back.

Keys are the names used in code; headers are the Dutch column titles people see in Excel.
"""

COMMITMENT_COLUMNS = [
    ("number", "Nummer"),
    ("tk_number", "Nummer Tweede Kamer"),
    ("tk_status", "Status Tweede Kamer"),
    ("ek_number", "Nummer Eerste Kamer"),
    ("ek_status", "Status Eerste Kamer"),
    ("title", "Titel"),
    ("text", "Tekst"),
    ("bewindspersoon", "Bewindspersoon"),
    ("ministry", "Ministerie"),
    ("made_on", "Datum toezegging"),
    ("debate", "Debat"),
    ("to_member", "Toegezegd aan"),
    ("to_party", "Fractie"),
    ("committee", "Commissie"),
    ("dossier", "Dossier"),
    ("topics", "Onderwerpen"),
    ("deadline_text", "Termijn"),
    ("deadline_start", "Termijn begin"),
    ("deadline_end", "Termijn einde"),
    ("status", "Status"),
    ("progress", "Stand van zaken"),
    ("delivered_on", "Nagekomen op"),
    ("delivered_by", "Nagekomen met"),
    ("directorate", "Directie"),
    ("owner", "Eigenaar"),
    ("updated_at", "Laatst gewijzigd"),
]
HEADERS = dict(COMMITMENT_COLUMNS)
