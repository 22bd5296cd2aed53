"""What higher apps show on the page of a commitment or a motion: legislation the law tracks it
belongs to, letters the letters that report on it (STYLE.md 13: commitments imports neither).

An app adds its section in its AppConfig.ready(): a template, included with the record as
`record`, and the prefetch that template needs, so that the page reads each relation once.
Sections are shown in the order of INSTALLED_APPS.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RelatedSection:
    template: str
    prefetch: object  # a lookup or a Prefetch, valid on both Commitment and Motion


SECTIONS = []


def add_section(section):
    if section not in SECTIONS:
        SECTIONS.append(section)


def prefetches():
    return [section.prefetch for section in SECTIONS]
