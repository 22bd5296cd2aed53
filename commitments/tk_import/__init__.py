"""Import of the Tweede Kamer's open data: Toezegging records and Document records of Soort Motie.

DESIGN.md, "Exchange formats". A file is the OData JSON the gegevensmagazijn answers
(`{"value": [...], "@odata.nextLink": …}`), a bare list of records, or one page of several,
records expanded or not. Files are read as a stream (`stream`), in two passes (`files`): every
record is checked before anything is written, so by default one bad record refuses the whole
import and nothing is written; `skip_invalid` imports the rest and reports what it left out.
What the service really returns is not bad: a tombstone (`Verwijderd: true`) marks ours as
withdrawn at the Kamer, a record of another Soort is skipped and counted, a motion without its
dossier is imported with the dossier to be completed. Messages for people are Dutch and name
the file, the record (its position and number), the field and why.

An import first plans, batch by batch, from reads only: which records are new, which change what,
which people, ministries, parties, dossiers and letters must be added (`writing.Pending`). A dry
run stops there: it writes nothing and takes no lock. Then it writes in short transactions of 250
records (`writing.in_short_transactions`), each record complete with its history row, and on
SQLite, which lets one writer in at a time, it lets go of the lock for a moment every half second,
so that a clerk's change gets in (issue 12). What can still go wrong then is the database itself,
or someone saving a commitment the import was about to update: that one is left as it is and listed
(exit code 3). Either way, running the same import again completes it; what was imported already is
unchanged.

The Kamer's register and ours may disagree: a commitment whose status nobody here changed
(`status_source == "import"`) follows the Kamer; one whose status a person set keeps ours, and
only the Kamer's word (`tk_status`) is brought up to date, so the difference shows on
`/verschillen/`.

Speed matters (monthly exports hold thousands of records): everything the import needs is read in
a few queries up front, new commitments are written with one bulk insert and their history with
another, changed ones with one bulk update, and unchanged ones are not written at all — which is
what makes a re-import of the same file cheap.

The package, by stage: `reading` (size limit, fields, problems and the report), `stream` (the
JSON, record by record), `files` (the two passes), `entities` (which entity a record is),
`texts` (titles, deadline words, similarity), `people` (names, people, ministries),
`documents` (KamerbriefNakoming as a Document), `recipients` (ToegezegdAan: the member and the
party), `relations` (IsHerhalingVan, IsWijzigingVan, IsAanvullingOp), `differences` (where the
Kamer's statuses and ours disagree; the words themselves are in `commitments.vocabulary`),
`toezeggingen` and `moties` (mapping and writing each
entity). The names below are the public API: the commands, the views, the spreadsheet import, the
tests and the benchmark import them from `commitments.tk_import`.
"""

from commitments.tk_import.differences import Difference, kamer_differences, vote_differences
from commitments.tk_import.documents import Letter, Letters, parse_letter
from commitments.tk_import.moties import Motie, MotieImport, import_moties, parse_motie
from commitments.tk_import.people import (
    KNOWN_MINISTRIES,
    Ministries,
    Name,
    People,
    abbreviate,
    ministry_key,
    name_fit,
    parse_member_name,
    parse_sorted_name,
)
from commitments.tk_import.reading import (
    DEFAULT_MAX_BYTES,
    FileRefused,
    ImportRefused,
    ImportReport,
    Issue,
    RecordError,
    configured_max_bytes,
    date_value,
    moment_value,
)
from commitments.tk_import.stream import JsonRecords, file_records, read_records
from commitments.tk_import.texts import MATCH_THRESHOLD, deadline_words, short_title, similarity
from commitments.tk_import.toezeggingen import (
    Toezegging,
    ToezeggingImport,
    check_toezeggingen,
    import_toezeggingen,
    parse_toezegging,
)

__all__ = [
    "DEFAULT_MAX_BYTES", "KNOWN_MINISTRIES", "MATCH_THRESHOLD",
    "Difference", "FileRefused", "ImportRefused", "ImportReport", "Issue", "JsonRecords",
    "Letter", "Letters",
    "Ministries", "Motie", "MotieImport", "Name", "People", "RecordError", "Toezegging",
    "ToezeggingImport", "abbreviate", "check_toezeggingen", "configured_max_bytes", "date_value",
    "deadline_words", "file_records", "import_moties", "import_toezeggingen", "kamer_differences",
    "vote_differences",
    "ministry_key", "moment_value", "name_fit", "parse_letter", "parse_member_name", "parse_motie",
    "parse_sorted_name", "parse_toezegging", "read_records", "short_title",
    "similarity",
]
