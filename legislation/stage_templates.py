"""The stages each kind of instrument goes through (DESIGN.md "Statuses", law-track part).

A track is created with its instrument's template; afterwards it may skip, add or reorder
stages. Each stage kind says which state of the whole track it stands for while it is the
first unfinished stage.
"""

import functools
from dataclasses import dataclass

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Instrument(models.TextChoices):
    BILL = "wetsvoorstel", _("Wetsvoorstel")
    DECREE = "amvb", _("AMvB / besluit")
    REGULATION = "regeling", _("Ministeriële regeling")


class State(models.TextChoices):
    PREPARATION = "preparation", _("Voorbereiding")
    CONSULTATION = "consultation", _("Consultatie")
    COUNCIL_OF_STATE = "council_of_state", _("Raad van State")
    HOUSE = "house", _("Tweede Kamer")
    SENATE = "senate", _("Eerste Kamer")
    ADOPTED = "adopted", _("Aangenomen")
    IN_FORCE = "in_force", _("In werking")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


STATE_EXPLANATIONS = {
    State.PREPARATION: _("Het ministerie werkt aan het ontwerp."),
    State.CONSULTATION: _("Het ontwerp ligt voor aan het publiek en aan de uitvoerders "
                          "(internetconsultatie, uitvoeringstoetsen, impactanalyses)."),
    State.COUNCIL_OF_STATE: _("De Afdeling advisering van de Raad van State adviseert over het "
                              "ontwerp."),
    State.HOUSE: _("Het voorstel ligt bij de Tweede Kamer (indiening, behandeling of voorhang)."),
    State.SENATE: _("Het voorstel ligt bij de Eerste Kamer."),
    State.ADOPTED: _("Aangenomen, of wordt vastgesteld; publicatie en inwerkingtreding volgen "
                     "nog."),
    State.IN_FORCE: _("Alle fasen zijn afgerond: de regeling is in werking."),
    State.WITHDRAWN: _("Het traject is ingetrokken; de reden staat erbij."),
}


class StageKind(models.TextChoices):
    DRAFT = "draft", _("Ontwerp")
    CONSULTATION = "consultation", _("Internetconsultatie")
    IMPLEMENTATION_TESTS = "implementation_tests", _("Uitvoeringstoetsen en impactanalyses")
    PRE_SUBMISSION = "pre_submission", _("Voorhang bij de Staten-Generaal")
    COUNCIL_ADVICE = "council_advice", _("Advies Raad van State")
    SUBMISSION = "submission", _("Indiening bij de Tweede Kamer")
    HOUSE = "house", _("Behandeling en stemming Tweede Kamer")
    SENATE = "senate", _("Behandeling en stemming Eerste Kamer")
    ADOPTION_PUBLICATION = "adoption_publication", _("Vaststelling en publicatie in het "
                                                     "Staatsblad")
    PUBLICATION_STAATSBLAD = "publication_staatsblad", _("Publicatie in het Staatsblad")
    SIGNING = "signing", _("Ondertekening")
    PUBLICATION_STAATSCOURANT = "publication_staatscourant", _("Publicatie in de Staatscourant")
    ENTRY_INTO_FORCE = "entry_into_force", _("Inwerkingtreding")
    OTHER = "other", _("Overige fase")


# While a stage of this kind is the first unfinished one, the track is in this state. Being
# adopted (vaststelling, a minister's signature) and waiting for publication or entry into force
# count as adopted. OTHER (an added stage) has no state of its own: it keeps the state of the
# stage before it.
STATE_OF_KIND = {
    StageKind.DRAFT: State.PREPARATION,
    StageKind.CONSULTATION: State.CONSULTATION,
    StageKind.IMPLEMENTATION_TESTS: State.CONSULTATION,
    StageKind.PRE_SUBMISSION: State.HOUSE,
    StageKind.COUNCIL_ADVICE: State.COUNCIL_OF_STATE,
    StageKind.SUBMISSION: State.HOUSE,
    StageKind.HOUSE: State.HOUSE,
    StageKind.SENATE: State.SENATE,
    StageKind.ADOPTION_PUBLICATION: State.ADOPTED,
    StageKind.PUBLICATION_STAATSBLAD: State.ADOPTED,
    StageKind.SIGNING: State.ADOPTED,
    StageKind.PUBLICATION_STAATSCOURANT: State.ADOPTED,
    StageKind.ENTRY_INTO_FORCE: State.ADOPTED,
}


@functools.cache
def dutch_name(kind):
    """The name a template gives a stage of `kind`: stored, and quoted in letters, so Dutch."""
    with translation.override("nl"):
        return str(StageKind(kind).label)


def stage_display_name(name, kind):
    """A stage's name in the reader's language while it is still its template's name; a name
    a person gave it stays as typed."""
    if kind in StageKind.values and kind != StageKind.OTHER and name == dutch_name(kind):
        return StageKind(kind).label
    return name


@dataclass(frozen=True)
class TemplateStage:
    kind: StageKind
    optional: bool = False

    @property
    def name(self):
        return dutch_name(self.kind)


STAGE_TEMPLATES = {
    Instrument.DECREE: [
        TemplateStage(StageKind.DRAFT),
        TemplateStage(StageKind.CONSULTATION),
        TemplateStage(StageKind.IMPLEMENTATION_TESTS),
        TemplateStage(StageKind.PRE_SUBMISSION),
        TemplateStage(StageKind.COUNCIL_ADVICE),
        TemplateStage(StageKind.ADOPTION_PUBLICATION),
        TemplateStage(StageKind.ENTRY_INTO_FORCE),
    ],
    Instrument.BILL: [
        TemplateStage(StageKind.DRAFT),
        TemplateStage(StageKind.CONSULTATION),
        TemplateStage(StageKind.IMPLEMENTATION_TESTS),
        TemplateStage(StageKind.COUNCIL_ADVICE),
        TemplateStage(StageKind.SUBMISSION),
        TemplateStage(StageKind.HOUSE),
        TemplateStage(StageKind.SENATE),
        TemplateStage(StageKind.PUBLICATION_STAATSBLAD),
        TemplateStage(StageKind.ENTRY_INTO_FORCE),
    ],
    Instrument.REGULATION: [
        TemplateStage(StageKind.DRAFT),
        TemplateStage(StageKind.CONSULTATION, optional=True),
        TemplateStage(StageKind.SIGNING),
        TemplateStage(StageKind.PUBLICATION_STAATSCOURANT),
        TemplateStage(StageKind.ENTRY_INTO_FORCE),
    ],
}

# Stages are numbered with gaps, so a stage added between two others needs no renumbering.
ORDER_STEP = 10


def template_for(instrument, *, include_optional=True):
    """The template stages of `instrument`, optional ones left out on request."""
    return [stage for stage in STAGE_TEMPLATES[Instrument(instrument)]
            if include_optional or not stage.optional]


def derive_state(stages, *, withdrawn=False):
    """The state of a track: that of its first unfinished stage, skipped stages not counting.

    `stages` in their order. With every stage finished the track is in force; a track without
    stages is in preparation.
    """
    if withdrawn:
        return State.WITHDRAWN
    state, counted = State.PREPARATION, 0
    for stage in stages:
        if stage.skipped:
            continue
        counted += 1
        state = STATE_OF_KIND.get(stage.kind, state)
        if stage.actual_end is None:
            return state
    return State.IN_FORCE if counted else State.PREPARATION
