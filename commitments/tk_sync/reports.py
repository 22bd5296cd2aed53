"""Debate reports (`Verslag`) as sync_tk follows them: each new or changed report of a committee
the ministry follows is read for the commitments the chair reads out (register.extraction), and
these are offered for the griffie's review (commitments.proposals), as an uploaded report is.

Fields as the service's schema gives them ($metadata of /OData/v4/2.0/): Verslag has Id, Soort
("Voorpublicatie", "Tussenpublicatie", "Eindpublicatie"), Status ("Ongecorrigeerd",
"Gecorrigeerd", …), ContentType, ContentLength, Vergadering_Id and the navigation Vergadering
(Soort "Commissie" or "Plenair", Titel, Datum); the report itself, VLOS XML, is the record's
file: `Verslag(<Id>)/resource`. The record does not say which committee met: that is in the
XML (`vergadering/commissie`, abbreviation and name), so the file of each committee debate's
report is read, and only then compared with the committees followed.

Which committees the ministry follows is a setting, `TK_FOLLOWED_COMMITTEES` (abbreviations or
names as the Kamer writes them: "VWS", "J&V", "vaste commissie voor Economische Zaken"); with none
set, reports are not followed at all. A report comes in several versions (each its own Verslag
record, the same meeting): proposals are kept per meeting, so a new version offers only what is
new in it and brings open proposals up to date (commitments.proposals.proposals_plan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_noop

from commitments.models import CommitmentProposal
from commitments.proposals import proposals_plan, proposals_write, report_source
from commitments.tk_import.members import common
from commitments.tk_import.reading import Issue, text_value
from register.extraction import report_committees, toezeggingen_from_report


def followed_committees():
    return [name for name in getattr(settings, "TK_FOLLOWED_COMMITTEES", []) if name.strip()]


def committee_key(name):
    """A committee's abbreviation or name, compared loosely: "I&W" is "IenW", "vaste commissie
    voor Economische Zaken" is "Economische Zaken"."""
    name = re.sub(r"^\s*(?:de\s+)?(?:vaste\s+|algemene\s+)?commissie\s+voor\s+", "",
                  name.casefold())
    return re.sub(r"[\s.]+", "", name.replace("&", "en"))


def follows(committees, followed):
    """Whether a report of these committees ([(abbreviation, name)]) is one the ministry follows."""
    wanted = {committee_key(name) for name in followed}
    return any(committee_key(part) in wanted for pair in committees for part in pair if part)


def first_since():
    """Where a first run starts: the reports of the last TK_REPORTS_FIRST_DAYS days (default 30),
    not every report the Kamer ever published (each committee debate's file is read)."""
    return timezone.now() - timedelta(days=getattr(settings, "TK_REPORTS_FIRST_DAYS", 30))


@dataclass(slots=True)
class Verslag:
    file: str
    index: int
    tk_id: str
    deleted: bool
    modified: datetime | None
    meeting_kind: str = ""
    title: str = ""

    @property
    def key(self):
        return self.title or self.tk_id


def parse_verslag(record, file, index, report):
    item = common(record, Verslag, file, index, "Verslag")
    if item.deleted:
        return item
    meeting = record.get("Vergadering")
    if isinstance(meeting, dict):
        item.meeting_kind = text_value(meeting, "Soort", max_length=50)
        item.title = text_value(meeting, "Titel", max_length=300)
    if item.meeting_kind and item.meeting_kind != "Commissie":
        # A plenary sitting has no chair's list of commitments.
        report.skipped_why[f"meeting:{item.meeting_kind}"] += 1
        return None
    return item


class VerslagImport:
    """Reads the file of each report of a page; then plans its proposals against what the review
    holds and writes them, one report after the other (two versions of one report on a page:
    the second sees what the first wrote)."""

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.client = None  # set by the run: the files are read from the service
        self.followed = followed_committees()
        self.pending = []  # (item, proposals)
        self.origin = lambda item: "sync_tk Verslag"

    def plan(self, items):
        for item in items:
            if item.deleted:
                # We keep no copy of a report: a withdrawn one leaves its proposals as they are.
                self.report.skipped_deleted += 1
                continue
            proposals = self.read(item)
            if proposals:
                self.pending.append((item, proposals))
        return self

    def read(self, item):
        """The proposals of the report's chair's list; None when not followed or unreadable."""
        xml = self.client.resource(f"Verslag({item.tk_id})/resource")
        try:
            if not follows(report_committees(xml), self.followed):
                self.report.skipped_why["committee"] += 1
                return None
            proposals = toezeggingen_from_report(xml)
        except (ValueError, ParseError) as error:
            self.report.errors.append(Issue(item.file, gettext_noop(
                "het verslag is geen leesbare VLOS-XML: %(error)s"), item.index, item.tk_id,
                                            params=(("error", str(error)),)))
            return None
        if not proposals:
            self.report.unchanged += 1  # a debate without commitments read out
        return proposals

    def offer(self, item, proposals, *, write):
        source_id, also, title = report_source(proposals)
        fresh, changed, known = proposals_plan(source=CommitmentProposal.Source.REPORT,
                                               source_ids={source_id, *also}, found=proposals)
        self.report.unchanged += known
        where = f"‘{title}’ (Verslag {item.tk_id})"
        self.report.created += [f"{where}: {p.text[:80]}" for _position, p in fresh]
        self.report.updated += [f"{where}: {p.text[:80]}" for _proposal, p in changed]
        if write:
            proposals_write(source=CommitmentProposal.Source.REPORT, source_id=source_id,
                            source_title=title, fresh=fresh, changed=changed, by=self.by,
                            via=f"sync_tk, Verslag {item.tk_id}")

    def write(self):
        for item, proposals in self.pending:
            self.offer(item, proposals, write=True)
        self.pending = []

    def discard(self):
        for item, proposals in self.pending:
            self.offer(item, proposals, write=False)
        self.pending = []

    def finish(self, *, dry_run):
        """Nothing waits for the last batch."""
