"""The response shapes of the figure endpoints, for the OpenAPI schema.

``kerncijfers/``, ``opvangbeeld/``, ``boodschappenlijst/``, ``verdeling/`` and ``prognose/``
answer dictionaries built from the result tables the pages and their CSV use (one source
for the numbers); these serializers only describe them, field by field, in Dutch.
``tests/api/test_schema.py`` holds the field names here equal to the keys of real answers,
so the description cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from regietafel.opvangprognose.tables import BAND_LABELS

AnyField = serializers.Field[Any, Any, Any, Any]

DATA_TEXT = "false: de week heeft geen gegevens (dat is nooit 0); reden zegt waarom."
REASON_TEXT = "Waarom de week geen gegevens heeft, in het Nederlands; null als ze die wel heeft."
"""The descriptions of ``gegevens`` and ``reden``, for the figures and the paginated lists."""


class _WeekData(serializers.Serializer[Any]):
    # ``gegevens`` and ``reden``: the one shape of "this week has no data" (no docstring:
    # drf-spectacular would describe every subclass with it).

    gegevens = serializers.BooleanField(help_text=DATA_TEXT)
    reden = serializers.CharField(allow_null=True, help_text=REASON_TEXT)


class _MaskedRow(serializers.Serializer[Any]):
    afgeschermd = serializers.ListField(
        child=serializers.CharField(),
        help_text="De kolommen van deze rij die voor uw rol afgeschermd zijn (één of twee "
        "vertrouwelijke locaties): hun waarde is null. Leeg als niets is afgeschermd.",
    )


def _count(text: str, *, nullable: bool = False, required: bool = True) -> AnyField:
    return serializers.IntegerField(help_text=text, allow_null=nullable, required=required)


def _number(text: str, *, nullable: bool = False) -> AnyField:
    return serializers.FloatField(help_text=text, allow_null=nullable)


def _text(text: str, *, nullable: bool = False) -> AnyField:
    return serializers.CharField(help_text=text, allow_null=nullable)


def _day(text: str) -> AnyField:
    return serializers.DateField(help_text=text)


WEEK = "De ISO-week van het antwoord, bijvoorbeeld 2021-W45."
SCOPE = "NL (landelijk) of de CBS-code van de provincie, bijvoorbeeld PV27."
MASKED = " null: afgeschermd (de kolom staat in afgeschermd)."


# Kerncijfers.


class KeyFigureSerializer(serializers.Serializer[Any]):
    code = _text("Code van het kerncijfer in de catalogus (docs/kerncijfers.md).")
    naam = _text("Naam van het kerncijfer.")
    eenheid = _text("Eenheid van de waarde, bijvoorbeeld plaatsen of personen.")
    waarde = _number(
        "Het cijfer in deze week. null: geen gegevens (nooit 0 in de plaats daarvan), of "
        "afgeschermd als afgeschermd true is.",
        nullable=True,
    )
    afgeschermd = serializers.BooleanField(
        help_text="true: het cijfer telt één of twee vertrouwelijke locaties op en is voor "
        "uw rol afgeschermd (waarde null)."
    )
    afgeschermd_toelichting = _text(
        "Waarom het cijfer afgeschermd is (de tekst van de kaart op de startpagina); null "
        "als het niet afgeschermd is.",
        nullable=True,
    )
    vorige_week = _number(
        "Het cijfer een week eerder; null: geen gegevens, of afgeschermd als "
        "vorige_week_afgeschermd true is.",
        nullable=True,
    )
    vorige_week_afgeschermd = serializers.BooleanField(
        help_text="true: het cijfer van vorige week is voor uw rol afgeschermd."
    )
    verandering = _number(
        "waarde min vorige_week; null als een van beide ontbreekt, of als vorige week in "
        "een ander halfjaar valt (verandering_toelichting).",
        nullable=True,
    )
    verandering_toelichting = _text(
        "Waarom verandering null is terwijl beide weken bekend kunnen zijn: 'nieuw halfjaar "
        "(2021-II)' bij een cijfer van de taakstelling als vorige week in het vorige halfjaar "
        "valt, 'afgeschermd' als een kant afgeschermd is; null anders.",
        nullable=True,
    )
    reden = _text(
        "Waarom dit cijfer geen waarde heeft, waar de gegevens van de week dat zeggen "
        "(bijvoorbeeld: de taakstelling van het halfjaar is niet vastgesteld); null als het "
        "cijfer een waarde heeft, afgeschermd is of de oorzaak niet bekend is.",
        nullable=True,
    )


@extend_schema_serializer(description="Alle kerncijfers van een week en scope (kerncijfers/).")
class KeyFiguresSerializer(_WeekData):
    week = _text(WEEK)
    scope = _text(SCOPE)
    kerncijfers = KeyFigureSerializer(
        many=True,
        help_text="Elk kerncijfer van de catalogus dat bij de scope hoort (een cijfer dat "
        "alleen per provincie bestaat, ontbreekt landelijk), met de waarde van vorige week.",
    )


# Opvangbeeld.


class NeedPolicySerializer(serializers.Serializer[Any]):
    sleutel = _text("Sleutel van het beleid, bijvoorbeeld lrt-voorjaar-2021.")
    soort = _text("bezettingsgraad, vaste-buffer of percentage.")
    waarde = _number(
        "De bezettingsgraad (0–1), het aantal bufferplekken of het percentage van het beleid."
    )
    omschrijving = _text("Het beleid in woorden.")
    bron = _text("Waar het beleid vandaan komt.")
    herkomst = _text(
        "gekozen (door de LRT voor deze week), instelling (REGIETAFEL_BUFFER) of gedateerd "
        "(het beleid dat op de maandag van de week gold)."
    )
    toelichting = _text("De herkomst in een zin, zoals de pagina die toont.")


class NeedRowSerializer(_MaskedRow):
    horizon = _text("korte, middellange of lange termijn.")
    weken = _count("Hoeveel weken vooruit de horizon ligt.")
    categorie = _text("Soort opvang.")
    bezetting = _count("De bezetting waarmee gerekend is." + MASKED, nullable=True)
    buffer = _count("Bufferplekken volgens het behoeftebeleid." + MASKED, nullable=True)
    behoefte = _count("Benodigde plekken: bezetting plus buffer." + MASKED, nullable=True)
    capaciteit = _count("Plekken op de horizon volgens het locatieregister.")
    tekort = _count("Behoefte min capaciteit (positief: tekort)." + MASKED, nullable=True)
    tekort_locaties = _count(
        "Het tekort in locaties van standaardomvang (AMV en sober); null: niet van "
        "toepassing of afgeschermd.",
        nullable=True,
    )


class CapacityRowSerializer(_MaskedRow):
    horizon = _text("korte, middellange of lange termijn.")
    peildatum = _day("De maandag waarop de capaciteit geteld is.")
    regulier = _count("Plekken reguliere opvang.")
    amv = _count("Plekken AMV-opvang.")
    sober = _count("Plekken sobere opvang.")
    totaal = _count("Alle plekken.")


class ClosureRowSerializer(_MaskedRow):
    locatie = _text("Naam van de locatie (bij een vertrouwelijke: vertrouwelijke locatie).")
    gemeente = _text("Naam van de gemeente, of afgeschermd bij een vertrouwelijke locatie.")
    provincie = _text("Naam van de provincie.")
    soort = _text("Soort locatie.")
    plaatsen = _count("Plekken die verdwijnen.")
    einddatum = _day("Laatste dag van de locatie.")


class TargetRowSerializer(_MaskedRow):
    doel = _text("Naam van het doel.")
    gebied = _text("landelijk of de naam van de provincie.")
    soort = _text("Soort opvang.")
    eenheid = _text("plaatsen of locaties.")
    aantal = _count("Omvang van het doel.")
    maximaal = _count("Bovengrens van het doel; null: geen bovengrens.", nullable=True)
    gerealiseerd = _count(
        "Gerealiseerd volgens het locatieregister; null: geen gegevens.", nullable=True
    )
    resterend = _count("Nog nodig; null: geen gegevens.", nullable=True)
    verwacht = _count(
        "Wat volgens het schema nu gerealiseerd zou moeten zijn; null: geen gegevens.",
        nullable=True,
    )
    deadline = _day("Deadline van het doel.")
    status = _text("Voortgang, bijvoorbeeld op schema, achter of geen gegevens.")


@extend_schema_serializer(
    description="Het opvangbeeld van een week: behoefte, capaciteit, sluitingen en doelen "
    "(opvangbeeld/)."
)
class ReceptionPictureSerializer(_WeekData):
    week = _text(WEEK)
    provincie = _text("CBS-code van de provincie; null: landelijk.", nullable=True)
    register = _text(
        "De week van het locatieregister waaruit de cijfers komen; null zonder geldig register.",
        nullable=True,
    )
    behoeftebeleid = NeedPolicySerializer(help_text="Het behoeftebeleid van de week.")
    behoefte = NeedRowSerializer(
        many=True, help_text="Behoefte tegenover capaciteit per horizon en soort opvang."
    )
    capaciteit = CapacityRowSerializer(many=True, help_text="Capaciteit per horizon.")
    sluitingen = ClosureRowSerializer(
        many=True,
        help_text="Tijdelijke locaties die binnen een half jaar sluiten zonder opvolger.",
    )
    sluitingen_later = ClosureRowSerializer(
        many=True,
        help_text="Tijdelijke locaties die later sluiten zonder opvolger (na een half jaar, "
        "tot twee jaar vooruit).",
    )
    doelen = TargetRowSerializer(
        many=True,
        help_text="De doelen van de LRT met hun voortgang; zonder register de lopende doelen "
        "met voortgang geen gegevens.",
    )


# Boodschappenlijst.


class ShoppingItemSerializer(serializers.Serializer[Any]):
    sleutel = _text("Vaste sleutel van de boodschap (ook in de afspraken).")
    categorie = _text("Waar de boodschap over gaat.")
    actie = _text("Wat er moet gebeuren, in een zin.")
    aantal = _count("Hoeveel.")
    eenheid = _text("Eenheid van het aantal.")
    deadline = _day("Uiterlijk op deze datum.")
    partij = _text("Trekker.")
    met = _text("Partijen die meewerken, met komma's; leeg: geen.")
    status = _text("Status van de boodschap.")
    toelichting = _text("Toelichting; leeg: geen.")


@extend_schema_serializer(
    description="De boodschappenlijst van een week en scope (boodschappenlijst/)."
)
class ShoppingListSerializer(_WeekData):
    week = _text(WEEK)
    scope = _text(SCOPE)
    items = ShoppingItemSerializer(many=True, help_text="De boodschappen van de week.")
    afgeschermd = serializers.ListField(
        child=serializers.CharField(),
        help_text="Soorten opvang waarvan de behoefte voor uw rol afgeschermd is; hun "
        "boodschappen staan niet op de lijst. Leeg: niets weggelaten.",
    )
    afgeschermd_toelichting = _text(
        "Zegt in een zin wat is weggelaten en waarom; null als niets is weggelaten.",
        nullable=True,
    )


# Verdeling.


class DistributionRowSerializer(serializers.Serializer[Any]):
    code = _text("CBS-code van de provincie.")
    naam = _text("Naam van de provincie.")
    inwoners = _count("Inwoners.")
    aandeel = _number("Aandeel in de inwoners van Nederland, in procenten.")
    eerlijk_aandeel = _number("Evenredig deel van de reguliere behoefte, in plekken.")
    capaciteit = _count("Meegetelde reguliere plekken.")
    verschil = _number("Capaciteit min het evenredige deel.")
    extra = _count("Voorgestelde extra plekken.")


@extend_schema_serializer(
    description="De verdeling van extra reguliere plekken over de provincies (verdeling/)."
)
class DistributionSerializer(serializers.Serializer[Any]):
    week = _text(WEEK)
    totaal = _count("Het aantal verdeelde plekken (standaard het landelijke tekort).")
    provincies = DistributionRowSerializer(
        many=True,
        help_text="Per provincie de extra reguliere plekken (regel: aanvullen tot één niveau).",
    )


# Prognose.


class ScenarioSerializer(serializers.Serializer[Any]):
    naam = _text("Naam van het scenario.")
    omschrijving = _text("Wat het scenario aanneemt.")
    instroomfactor = _number("Factor op de instroom.")
    huisvestingsfactor = _number("Factor op het huisvestingstempo.")
    onzekerheidsfactor = _number("Factor op de spreiding (0: geen spreiding).")
    instroom_per_jaar = _number(
        "Officiële instroom per jaar (een MPP-scenario); null: de geschatte.", nullable=True
    )
    # A field named like Field.label: DRF takes it from the class body as any other field.
    label = _text("Naam van het scenario zoals de pagina die toont.")  # type: ignore[assignment]


class ForecastPolicySerializer(serializers.Serializer[Any]):
    sleutel = _text("Sleutel van het behoeftebeleid.")
    naam = _text("Het beleid in woorden.")
    bron = _text("Waar het beleid vandaan komt.")


_MEASURES = (
    ("bezetting", "bezetting", True),
    ("nodig", "benodigde plekken", True),
    ("vh", "vergunninghouders in de opvang (alleen landelijk)", False),
)


def _bands() -> dict[str, AnyField]:
    """A field per measure and band of ``tables.weeks_table``, from its own band labels."""
    return {
        f"{prefix}_{key}": _count(f"{label.capitalize()}, {band}.", required=always)
        for prefix, label, always in _MEASURES
        for key, band in BAND_LABELS
    }


ForecastWeekSerializer: type[serializers.Serializer[Any]] = type(
    "ForecastWeekSerializer",
    (serializers.Serializer,),
    {"week": _day("Maandag van de week; de eerste rij is de start."), **_bands()},
)


class ForecastDateSerializer(serializers.Serializer[Any]):
    datum = _day("De peildatum.")
    extra = _count("Extra plekken die tegen die datum bij de capaciteit komen (doelen).")
    nodig_p50 = _count("Benodigde plekken, mediaan.")
    nodig_p90 = _count("Benodigde plekken, 90 %.")
    nodig_p975 = _count("Benodigde plekken, 97,5 %.")
    kans = _number("Kans dat de capaciteit bij de start plus extra genoeg is (0–1).")
    gecontracteerd = _count(
        "Plekken op die datum als geen contract wordt verlengd; null zonder register.",
        nullable=True,
    )
    kans_gecontracteerd = _number(
        "Kans dat die plekken plus extra genoeg zijn (0–1); null zonder register.",
        nullable=True,
    )
    erbij_p50 = _count("Wat erbij nodig is (mediaan); null zonder register.", nullable=True)
    erbij_p90 = _count("Wat erbij nodig is (90 %); null zonder register.", nullable=True)


class ForecastTargetSerializer(serializers.Serializer[Any]):
    doel = _text("Naam van het doel.")
    aantal = _count("Omvang van het doel.")
    eenheid = _text("plaatsen of locaties.")
    deadline = _day("Deadline van het doel.")
    capaciteit = _count("Capaciteit nu; null zonder gegevens.", nullable=True)
    kans = _number(
        "Kans dat de capaciteit nu plus het doel de behoefte op de deadline dekt (0–1); "
        "null: niet te berekenen, toelichting zegt waarom.",
        nullable=True,
    )
    gecontracteerd = _count(
        "Plekken op de deadline als niets wordt verlengd; null zonder register.", nullable=True
    )
    kans_gecontracteerd = _number(
        "Kans dat die plekken plus het doel genoeg zijn (0–1); null: niet te berekenen.",
        nullable=True,
    )
    toelichting = _text("Waarom een kans ontbreekt; leeg als ze er is.")


class ForecastBufferSerializer(serializers.Serializer[Any]):
    beleid = _text("Het bufferbeleid.")
    tekort_persoonweken = _count("Verwacht tekort in persoonweken.")
    kans_tekortweek = _number("Kans op minstens één week tekort (0–1).")
    lege_plekweken = _count("Verwachte lege plekweken.")
    openingen = _number("Verwacht aantal openingen van locaties.")
    sluitingen = _number("Verwacht aantal sluitingen van locaties.")
    kosten_mln = _number("Verwachte kosten in miljoenen euro.")


class ForecastParameterSerializer(serializers.Serializer[Any]):
    parameter = _text("Naam van de parameter of aanname.")
    waarde = _number("Waarde (een getal).")
    bron = _text("Waar de waarde vandaan komt.")


@extend_schema_serializer(
    description="De prognose van de opvang met banden, peildata, doelkansen en bufferbeleid "
    "(prognose/)."
)
class ForecastSerializer(serializers.Serializer[Any]):
    week = _text("De startweek, bijvoorbeeld 2021-W45.")
    gebied = _text("Nederland of de naam van de provincie.")
    scenario = ScenarioSerializer(help_text="Het gekozen scenario.")
    gegevens_bekend_voor = _day("De prognose gebruikt de cijfers die vóór deze dag bekend waren.")
    eerste_week = _day("Maandag van de eerste week van de prognose.")
    paden = _count("Aantal gesimuleerde paden.")
    seed = _count("Startwaarde van de toevalsgenerator (dezelfde seed: dezelfde paden).")
    reeksen_sha256 = _text("Begin van de SHA-256 van de gebruikte reeksen.")
    behoeftebeleid = ForecastPolicySerializer(help_text="Het behoeftebeleid van de prognose.")
    kwantielen = serializers.ListField(
        child=serializers.FloatField(),
        help_text="De kwantielen van de banden (0,025 tot 0,975).",
    )
    bezetting_bij_start = _count("Bezetting in de startweek.")
    start_uit_register = serializers.BooleanField(
        help_text="true: de start komt uit het locatieregister van de week; false: uit de "
        "meegeleverde reeks."
    )
    start_bron = _text("Waar de start vandaan komt, in een zin.")
    behoefte_bij_start = _count("Benodigde plekken in de startweek.")
    capaciteit_bij_start = _count("Capaciteit in de startweek.")
    capaciteit_bron = _text("Waar de capaciteit vandaan komt, in een zin.")
    weken = ForecastWeekSerializer(
        many=True, help_text="Per week de mediaan en de banden; de eerste rij is de start."
    )
    peildata = ForecastDateSerializer(
        many=True, help_text="Per peildatum de benodigde plekken en de kans dat ze er zijn."
    )
    doelkansen = ForecastTargetSerializer(
        many=True, help_text="Per doel de kans dat het genoeg is; leeg: geen doel."
    )
    bufferbeleid = ForecastBufferSerializer(many=True, help_text="Bufferbeleid vergeleken.")
    bufferbronnen = ForecastParameterSerializer(
        many=True, help_text="De aannames van de buffervergelijking met hun bron."
    )
    parameters = ForecastParameterSerializer(
        many=True, help_text="De parameters van het model met hun bron."
    )
