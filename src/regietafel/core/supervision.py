"""The provinces' judgement of each municipality's taakstelling and the intervention it implies.

Every half year (on 1 January and 1 July) the province judges each municipality: it
complies (voldoet), does not comply (voldoet niet), or does not comply but excusably
(voldoet niet, maar verschoonbaar — e.g. a house was refused, or COA linked status holders
too late). A municipality that keeps failing climbs the interbestuurlijk toezicht ladder;
``docs/taakstelling-cyclus.md`` gives the steps and their sources. The ladder's thresholds
are data (``LADDER``), so a province with another policy changes one table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """The three judgements provinces give."""

    VOLDOET = "voldoet"
    VOLDOET_NIET = "voldoet-niet"
    VERSCHOONBAAR = "verschoonbaar"

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self]


_VERDICT_LABELS = {
    Verdict.VOLDOET: "voldoet",
    Verdict.VOLDOET_NIET: "voldoet niet",
    Verdict.VERSCHOONBAAR: "voldoet niet, maar verschoonbaar",
}


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One rung: reached after ``failures`` half-years in a row that did not comply."""

    failures: int
    name: str
    description: str


LADDER: tuple[LadderStep, ...] = (
    LadderStep(0, "geen interventie", "De gemeente voldoet; reguliere informatievoorziening."),
    LadderStep(
        1,
        "signaleren",
        "Ambtelijk contact: de provincie wijst de gemeente op de achterstand en vraagt om een "
        "plan van aanpak.",
    ),
    LadderStep(
        2,
        "bestuurlijk overleg",
        "De gedeputeerde spreekt het college aan; afspraken over inlopen met een termijn.",
    ),
    LadderStep(
        3,
        "vooraankondiging",
        "Schriftelijke waarschuwing met een termijn: het voornemen tot indeplaatsstelling "
        "(art. 124 Gemeentewet, Wet revitalisering generiek toezicht).",
    ),
    LadderStep(
        4,
        "indeplaatsstelling",
        "Gedeputeerde Staten huisvesten de vergunninghouders zelf, op kosten van de gemeente "
        "(Groningen deed dit bij Delfzijl in 2017; Zuid-Holland grijpt in na vier mislukte "
        "halfjaren).",
    ),
)
"""The interbestuurlijk toezicht ladder as regietafel applies it by default (an assumption
built from public policies; see docs/taakstelling-cyclus.md)."""


def failures_in_a_row(verdicts: Sequence[Verdict]) -> int:
    """Half-years in a row, counting back from the latest, that did not comply.

    "voldoet" ends the run; "verschoonbaar" neither counts nor ends it (an excusable half
    year does not push the municipality up the ladder, nor does it wipe the history).
    """
    count = 0
    for verdict in reversed(verdicts):
        if verdict is Verdict.VOLDOET:
            break
        if verdict is Verdict.VOLDOET_NIET:
            count += 1
    return count


def ladder_step(verdicts: Sequence[Verdict], ladder: Sequence[LadderStep] = LADDER) -> LadderStep:
    """The rung the judgements so far (oldest first, one per half year) imply."""
    failures = failures_in_a_row(verdicts)
    return [step for step in ladder if step.failures <= failures][-1]
