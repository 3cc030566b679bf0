"""The agreements of the two sets of LRT minutes the product was built from, as demo data.

The minutes of the LRT of March 2021 and of autumn 2021 (``shared/minutes``) carry no dates;
the demo places them on Mondays: the March LRT on 22 March 2021, the next one "in juni" on
14 June, the autumn LRT on 25 October (the date the demo's targets count from), and the "LRT
van half november" on 15 November 2021, the meeting whose action list is the demo's example.
Owners are parties with a role, never a person's name. The four reception agreements are
linked to the demo's LRT targets, so their progress follows the location register.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from regietafel.accounts.models import User

LRT_MARCH = date(2021, 3, 22)
LRT_JUNE = date(2021, 6, 14)
LRT_AUTUMN = date(2021, 10, 25)
LRT_NOVEMBER = date(2021, 11, 15)
ALL_PARTIES = ("jenv", "bzk", "vng", "ipo", "coa", "ind")

MEETINGS: tuple[dict[str, Any], ...] = (
    {
        "kind": "LRT",
        "on": LRT_MARCH,
        "parties": (*ALL_PARTIES, "aedes"),
        "agenda": (
            "Integrale Uitvoeringsagenda (IUA)",
            "Ontwikkelingen asielketen en taakstelling 2021-II",
            "Opvang: de 417 extra plaatsen",
            "Gesprekken met de CdK's",
            "Bestuurlijk aanjager huisvesting vergunninghouders",
            "Woonagenda (Aedes)",
        ),
    },
    {"kind": "LRT", "on": LRT_JUNE, "parties": ALL_PARTIES, "agenda": ()},
    {
        "kind": "LRT",
        "on": LRT_AUTUMN,
        "parties": ALL_PARTIES,
        "agenda": (
            "Eindrapport Aanjaagteam huisvesting vergunninghouders",
            "Samenwerkingsstructuur en informatievoorziening",
            "Opvangopgave korte termijn",
            "Provinciale verdeling opvang en huisvesting",
            "Informeren van de Tweede Kamer",
        ),
    },
    {"kind": "HLRT", "on": date(2021, 11, 1), "parties": ("jenv", "bzk", "vng", "ipo", "coa")},
    {
        "kind": "PRT",
        "province_code": "PV27",
        "on": date(2021, 11, 1),
        "parties": ("provincie", "gemeenten", "coa"),
    },
    {
        "kind": "PRT",
        "province_code": "PV20",
        "on": date(2021, 11, 2),
        "parties": ("provincie", "gemeenten", "coa"),
    },
    {
        "kind": "LRT",
        "on": LRT_NOVEMBER,
        "parties": ALL_PARTIES,
        "agenda": ("Actielijst", "Conclusies provinciale verdeling", "Doelstellingsbrief TK"),
    },
    {"kind": "HLRT", "on": date(2021, 11, 15), "parties": ("jenv", "bzk", "vng", "ipo", "coa")},
)

TARGET_TITLES = {
    "600": "600 extra opvangplekken vóór 1 december 2021",
    "1200": "1.200 extra opvangplekken vóór januari 2022",
    "amv": "6 à 7 AMV-locaties van elk 50 plaatsen vóór het eind van het jaar",
    "sober": "Minimaal 2 locaties voor sobere opvang van veilige landers",
}
"""The demo's LRT targets (``demo.services.DEMO_TARGETS``) by a short key."""

AGREEMENTS: tuple[dict[str, Any], ...] = (
    # LRT of March 2021 (minutes 004): LRT-2021-01 ... LRT-2021-08.
    {
        "at": LRT_MARCH,
        "agenda": 1,
        "owner": "bzk",
        "role": "werkgroep Ter Haar",
        "text": "De integraliteit op huisvesting, ook van andere aandachtsgroepen, wordt geborgd "
        "in de werkgroep Ter Haar; tussentijds terugkoppelen aan de LRT.",
        "rule": "doorlopend",
        "history": ((LRT_JUNE, "in-uitvoering", "Eerste terugkoppeling gegeven in de LRT."),),
    },
    {
        "at": LRT_MARCH,
        "agenda": 1,
        "owner": "jenv",
        "role": "met VNG",
        "text": "Het vraagstuk van de AMV's wordt onderling besproken tussen JenV en VNG.",
        "rule": "volgende-lrt",
        "history": ((LRT_JUNE, "afgerond", "Besproken; vervolg in het AMV-overleg."),),
    },
    {
        "at": LRT_MARCH,
        "agenda": 2,
        "owner": "jenv",
        "role": "SJenV",
        "text": "De taakstelling 2021-II (11.000 vergunninghouders) wordt definitief vastgesteld "
        "en uiterlijk 1 april in de Staatscourant gepubliceerd.",
        "deadline": date(2021, 4, 1),
        "history": ((date(2021, 3, 31), "afgerond", "Gepubliceerd in de Staatscourant."),),
    },
    {
        "at": LRT_MARCH,
        "agenda": 3,
        "owner": "jenv",
        "role": "SJenV",
        "text": "De 417 extra opvangplekken blijven voorlopig gehandhaafd (korte termijnvraag); "
        "aan de volgende LRT weer bespreken.",
        "rule": "volgende-lrt",
        "history": ((LRT_JUNE, "afgerond", "Besproken: de 417 plaatsen blijven."),),
    },
    {
        "at": LRT_MARCH,
        "agenda": 4,
        "owner": "jenv",
        "role": "Rijksheren",
        "text": "De ronde bestuurlijke en hoogambtelijke gesprekken met de CdK's wordt periodiek "
        "herhaald.",
        "rule": "doorlopend",
        "history": ((LRT_JUNE, "in-uitvoering", "Tweede ronde gepland in het najaar."),),
    },
    {
        "at": LRT_MARCH,
        "agenda": 4,
        "owner": "bzk",
        "text": "Bespreken of een regionale in plaats van een lokale taakstelling wordt "
        "gehanteerd (wens uit de gesprekken met de CdK's).",
        "rule": "volgende-lrt",
        "history": (
            (
                LRT_JUNE,
                "uitgesteld",
                "Uitgesteld tot na het eindrapport van het Aanjaagteam.",
                date(2021, 11, 15),
            ),
        ),
    },
    {
        "at": LRT_MARCH,
        "agenda": 5,
        "owner": "bzk",
        "role": "bestuurlijk aanjager huisvesting vergunninghouders",
        "text": "Aan de volgende LRT een advies van de bestuurlijk aanjager bespreken en knopen "
        "doorhakken.",
        "rule": "volgende-lrt",
        "history": ((LRT_JUNE, "afgerond", "Advies besproken; Aanjaagteam gaat door."),),
    },
    {
        "at": LRT_MARCH,
        "agenda": 6,
        "owner": "vng",
        "text": "De VNG deelt goede voorbeelden van flexwonen.",
        "rule": "volgende-lrt",
        "history": ((LRT_JUNE, "afgerond", "Voorbeelden gedeeld met de LRT-partijen."),),
    },
    # LRT of autumn 2021 (minutes 000): LRT-2021-09 ... LRT-2021-20.
    {
        "at": LRT_AUTUMN,
        "agenda": 2,
        "owner": "jenv",
        "role": "secretariaat LRT",
        "text": "De samenwerkingsstructuur wordt versterkt: de LRT komt op z'n minst maandelijks "
        "bijeen, de HLRT elke twee weken; overleggen daaronder doorlopend.",
        "rule": "doorlopend",
        "history": ((date(2021, 11, 1), "in-uitvoering", "HLRT op 1 en 15 november gepland."),),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 2,
        "owner": "jenv",
        "role": "informatievoorziening, met COA",
        "text": "Wekelijks worden kerncijfers en sturingsinformatie gedeeld met de LRT en de "
        "tafels daaronder: opvang- en huisvestingsopgave, voortgang en aanvullende acties "
        "(boodschappenlijstje).",
        "rule": "doorlopend",
        "history": (
            (date(2021, 11, 1), "in-uitvoering", "Weekrapport en boodschappenlijst elke week."),
        ),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 3,
        "owner": "coa",
        "text": "600 extra opvangplekken vóór 1 december 2021.",
        "deadline": date(2021, 11, 30),
        "target": "600",
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 3,
        "owner": "coa",
        "text": "Nog eens 1.200 extra opvangplekken vóór januari 2022.",
        "deadline": date(2021, 12, 31),
        "target": "1200",
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 3,
        "owner": "coa",
        "role": "met gemeenten",
        "text": "Zes à zeven AMV-locaties van elk 50 plaatsen vóór het eind van het jaar.",
        "deadline": date(2021, 12, 31),
        "target": "amv",
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 3,
        "owner": "coa",
        "text": "Minimaal twee locaties voor de sobere opvang van veilige landers.",
        "deadline": date(2021, 12, 31),
        "target": "sober",
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 4,
        "owner": "jenv",
        "role": "HLRT",
        "text": "In kaart brengen welke aanvullende afspraken nodig zijn voor een provinciale "
        "verdeling van extra opvang en huisvesting; de conclusies met concrete voorstellen "
        "bespreken in de volgende LRT.",
        "rule": "volgende-lrt",
        "history": ((date(2021, 11, 1), "in-uitvoering", "Conceptvoorstel in de HLRT."),),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 4,
        "owner": "jenv",
        "text": "In de komende week separate overleggen met de LRT-partners, ook over de "
        "overlast in het openbaar vervoer.",
        "deadline": date(2021, 11, 1),
        "history": ((date(2021, 11, 1), "afgerond", "Overleggen gevoerd."),),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 4,
        "owner": "ipo",
        "role": "PRT's onder leiding van de CdK's",
        "text": "De PRT's vullen de afspraken over de provinciale verdeling in.",
        "deadline": date(2021, 12, 13),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 5,
        "owner": "jenv",
        "role": "SJenV",
        "text": "Na de LRT van half november een doelstellingsbrief naar de Tweede Kamer met een "
        "actualisatie van de opgave (opvang en huisvesting) en de bestuurlijke afspraken op "
        "provinciaal niveau.",
        "deadline": date(2021, 11, 26),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 5,
        "owner": "jenv",
        "role": "SJenV",
        "text": "Zo veel eerder als mogelijk de Tweede Kamer informeren over het eindrapport "
        "van het Aanjaagteam, de 600 plaatsen vóór 1 december en de hotel- en "
        "accommodatieregeling.",
        "deadline": date(2021, 11, 5),
        "history": ((date(2021, 11, 1), "in-uitvoering", "Brief in voorbereiding."),),
    },
    {
        "at": LRT_AUTUMN,
        "agenda": 1,
        "owner": "bzk",
        "text": "Vervolg op het eindrapport van het Aanjaagteam in de vorm van een "
        "ondersteuningsstructuur.",
        "rule": "volgende-lrt",
    },
    # HLRT and two PRT's.
    {
        "at": date(2021, 11, 1),
        "kind": "HLRT",
        "owner": "jenv",
        "role": "secretariaat HLRT",
        "text": "Conceptvoorstel provinciale verdeling gereed voor de LRT.",
        "deadline": date(2021, 11, 12),
    },
    {
        "at": date(2021, 11, 1),
        "kind": "PRT",
        "province_code": "PV27",
        "owner": "provincie",
        "role": "secretariaat PRT",
        "text": "Gemeenten melden mogelijke locaties voor extra opvang bij de PRT.",
        "deadline": date(2021, 11, 29),
    },
    {
        "at": date(2021, 11, 1),
        "kind": "PRT",
        "province_code": "PV27",
        "owner": "gemeenten",
        "text": "Gesprek met de gemeenten die ver achter liggen met de taakstelling 2021-II.",
        "deadline": date(2021, 12, 15),
    },
    {
        "at": date(2021, 11, 2),
        "kind": "PRT",
        "province_code": "PV20",
        "owner": "coa",
        "text": "Verkenning van een locatie voor sobere opvang in Groningen.",
        "deadline": date(2021, 12, 1),
    },
)


def create_agreements(users: Mapping[str, User]) -> None:
    """Meetings and agreements of the minutes, their history, and one COA update."""
    from regietafel.afspraken.models import Meeting
    from regietafel.afspraken.services import agreement_create, agreement_update, meeting_create
    from regietafel.doelen.models import Target

    managers = {
        "": users["lrt"],
        "PV27": users["prt-noord-holland"],
        "PV20": users["prt-groningen"],
    }
    meetings: dict[tuple[str, str, date], Meeting] = {}
    for spec in MEETINGS:
        code = spec.get("province_code", "")
        meetings[(spec["kind"], code, spec["on"])] = meeting_create(
            actor=managers[code],
            kind=spec["kind"],
            on=spec["on"],
            province_code=code,
            parties=spec["parties"],
            agenda=spec.get("agenda", ()),
        )
    targets = {
        key: Target.objects.filter(title=title).values_list("pk", flat=True).first()
        for key, title in TARGET_TITLES.items()
    }
    for spec in AGREEMENTS:
        code = spec.get("province_code", "")
        actor = managers[code]
        agreement = agreement_create(
            actor=actor,
            meeting=meetings[(spec.get("kind", "LRT"), code, spec["at"])],
            text=spec["text"],
            owner_party=spec["owner"],
            owner_role=spec.get("role", ""),
            deadline_rule=spec.get("rule", "datum"),
            deadline=spec.get("deadline"),
            agenda_number=spec.get("agenda"),
            target_id=targets.get(spec.get("target", "")),
        )
        for step in spec.get("history", ()):
            on, status, note, *rest = step
            agreement_update(
                actor=actor,
                agreement=agreement,
                on=on,
                status=status,
                note=note,
                deadline=rest[0] if rest else None,
            )
        if agreement.target_id is not None and agreement.number == "LRT-2021-11":
            agreement_update(
                actor=users["coa"],
                agreement=agreement,
                on=date(2021, 11, 12),
                status="in-uitvoering",
                note="Locaties in voorbereiding; de meetelling volgt het locatieregister.",
            )
