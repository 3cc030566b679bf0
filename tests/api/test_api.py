"""Read API v1: same scoping and masking as the pages, pagination, Dutch errors, schema."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from regietafel.accounts.access import province_refusal
from regietafel.opvang.models import SeriesMetric
from regietafel.taakstelling.models import TaakstellingEntry, TaakstellingPeriod
from tests.opvang.factories import (
    ImportFactory,
    RealisationRecordFactory,
    locations_week45,
    series_import,
)

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]

ENDPOINTS = [
    "/api/v1/provincies/",
    "/api/v1/gemeenten/?peildatum=2021-01-01&provincie=PV27",
    "/api/v1/taakstelling/",
    "/api/v1/taakstelling/2021-II/",
    "/api/v1/realisatie/?week=2021-W45",
    "/api/v1/locaties/?week=2021-W45",
    "/api/v1/locaties/NH-AZC/?week=2021-W45",
    "/api/v1/opvang-per-provincie/?week=2021-W45",
    "/api/v1/reeksen/?week=2021-W45",
]


def _taakstelling() -> None:
    period = TaakstellingPeriod.objects.create(
        label="2021-II",
        start=date(2021, 7, 1),
        end=date(2021, 12, 31),
        national_total=11000,
        population_date=date(2021, 1, 1),
        method="largest_remainder",
    )
    for code, name, province, task, arrears in [
        ("GM0363", "Amsterdam", "PV27", 551, 120),
        ("GM0362", "Amstelveen", "PV27", 58, -3),
        ("GM0014", "Groningen", "PV20", 145, 10),
    ]:
        TaakstellingEntry.objects.create(
            period=period,
            municipality_code=code,
            municipality_name=name,
            province_code=province,
            inhabitants=1000,
            quota=float(task),
            taakstelling=task,
            arrears=arrears,
            corrected=task + arrears,
        )


@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_is_refused_everywhere(client_as: Client, url: str) -> None:
    locations_week45()
    _taakstelling()
    response = client_as(None).get(url)
    assert response.status_code == 401  # log in first (a 403 told a client "not allowed")
    assert response["WWW-Authenticate"] == 'Basic realm="regietafel API", charset="UTF-8"'
    assert "NH-AZC" not in response.content.decode()


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_answers_a_signed_in_user(client_as: Client, url: str) -> None:
    locations_week45()
    _taakstelling()
    response = client_as("landelijk").get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("key", ["landelijk", "provincie"])
def test_confidential_location_masked_in_api(client_as: Client, key: str) -> None:
    locations_week45()
    client = client_as(key)
    listed = client.get("/api/v1/locaties/", {"week": "2021-W45"}).json()
    by_code = {row["code"]: row for row in listed["results"]}
    amv = by_code["NH-AMV"]
    assert (amv["bezetting"], amv["adres"], amv["afgeschermd"]) == (None, None, True)
    assert by_code["NH-AZC"]["bezetting"] == 550
    assert by_code["NH-AZC"]["adres"] == "Dijkweg 1"
    detail = client.get("/api/v1/locaties/NH-AMV/", {"week": "2021-W45"}).json()
    assert (detail["bezetting"], detail["adres"]) == (None, None)
    assert "Geheimstraat" not in str(listed) + str(detail)


def test_coa_sees_confidential_location_in_api(client_as: Client) -> None:
    locations_week45()
    detail = client_as("coa").get("/api/v1/locaties/NH-AMV/", {"week": "2021-W45"}).json()
    assert (detail["bezetting"], detail["adres"]) == (37, "Geheimstraat 7")
    assert detail["soort"] == "amv"
    assert detail["einddatum"] == "2022-06-30"
    assert detail["structureel"] is False


def test_province_user_scoping_in_api(client_as: Client) -> None:
    locations_week45()
    client = client_as("provincie")
    listed = client.get("/api/v1/locaties/", {"week": "2021-W45"}).json()
    assert listed["count"] == 2
    assert [row["code"] for row in listed["results"]] == ["NH-AMV", "NH-AZC"]
    other = client.get("/api/v1/locaties/GR-AZC/", {"week": "2021-W45"})
    assert other.status_code == 403
    assert "Zuiderweg" not in other.content.decode()
    totals = client.get("/api/v1/opvang-per-provincie/", {"week": "2021-W45"}).json()
    # One confidential AMV location in each province, two in the nation: every occupancy
    # total over them is afgeschermd (docs/vertrouwelijkheid.md); COA sees the sums.
    assert [(t["provincie"], t["bezetting"]) for t in totals["results"]] == [
        ("PV20", None),
        ("PV27", None),
    ]
    assert all(t["bezetting_afgeschermd"] for t in totals["results"])
    coa = client_as("coa").get("/api/v1/opvang-per-provincie/", {"week": "2021-W45"}).json()
    assert [(t["provincie"], t["bezetting"]) for t in coa["results"]] == [
        ("PV20", 409),
        ("PV27", 587),
    ]


def test_api_week_defaults_and_version_choice(client_as: Client) -> None:
    locations_week45()
    client = client_as("coa")
    # W46 has no import: W45 version 2 holds (600 places, not version 1's 500).
    w46 = client.get("/api/v1/locaties/NH-AZC/", {"week": "2021-W46"}).json()
    assert (w46["capaciteit"], w46["leveringsweek"]) == (600, "2021-W45")
    latest = client.get("/api/v1/locaties/").json()
    assert [row["code"] for row in latest["results"]] == ["NH-NIEUW"]


def test_pagination_with_limit_and_offset(client_as: Client) -> None:
    locations_week45()
    page = client_as("landelijk").get("/api/v1/locaties/?week=2021-W45&limit=1&offset=1").json()
    assert page["count"] == 4
    assert [row["code"] for row in page["results"]] == ["GR-AZC"]
    assert page["next"] is not None
    assert page["previous"] is not None


def test_bad_parameters_give_dutch_400(client_as: Client) -> None:
    client = client_as("landelijk")
    response = client.get("/api/v1/locaties/", {"week": "2021-W99"})
    assert response.status_code == 400
    assert "week 99 bestaat niet in 2021" in response.json()["week"][0]
    response = client.get("/api/v1/locaties/", {"week": "2021-W45", "soort": "kasteel"})
    assert response.status_code == 400
    assert "kasteel" in response.json()["soort"][0]
    response = client.get("/api/v1/gemeenten/", {"peildatum": "1-1-2021"})
    assert response.status_code == 400
    assert "JJJJ-MM-DD" in response.json()["peildatum"][0]


def test_series_in_api(client_as: Client) -> None:
    series_import("2021-W44", {SeriesMetric.VERGUNNINGEN: 2300})
    series_import("2021-W45", {SeriesMetric.VERGUNNINGEN: 2210})
    body = client_as("provincie").get("/api/v1/reeksen/", {"week": "2021-W45"}).json()
    rows = {row["reeks"]: row for row in body["results"]}
    assert rows["verleende_vergunningen"] == {
        "reeks": "verleende_vergunningen",
        "omschrijving": "verleende vergunningen",
        "waarde": 2210,
        "vorige_week": 2300,
        "verandering": -90,
    }
    assert body["count"] == len(SeriesMetric)


def test_provinces_and_municipalities(client_as: Client) -> None:
    client = client_as("provincie")
    provinces = client.get("/api/v1/provincies/").json()
    assert provinces["count"] == 12
    assert {"code": "PV27", "naam": "Noord-Holland"} in provinces["results"]
    nh = client.get("/api/v1/gemeenten/", {"peildatum": "2021-01-01", "provincie": "PV27"}).json()
    # Noord-Holland had 47 municipalities on 1 January 2021; in 2022 Beemster joined Purmerend,
    # Heerhugowaard and Langedijk became Dijk en Waard (1 January) and Weesp joined Amsterdam
    # (24 March): 44 left.
    assert nh["count"] == 47
    codes = {row["code"] for row in nh["results"]}
    assert {"GM0363", "GM0457"} <= codes
    assert "GM0014" not in codes
    later = client.get("/api/v1/gemeenten/", {"peildatum": "2022-06-01", "provincie": "PV27"})
    assert later.json()["count"] == 44
    assert "GM0457" not in {row["code"] for row in later.json()["results"]}


def test_taakstelling_entries_scoped_with_totals_for_every_province(client_as: Client) -> None:
    _taakstelling()
    periods = client_as("provincie").get("/api/v1/taakstelling/").json()
    assert [p["periode"] for p in periods["results"]] == ["2021-II"]
    body = client_as("provincie").get("/api/v1/taakstelling/2021-II/").json()
    assert body["periode"]["landelijke_taakstelling"] == 11000
    assert [e["gemeentecode"] for e in body["results"]] == ["GM0362", "GM0363"]
    assert body["count"] == 2
    totals = {t["provincie"]: t for t in body["provincies"]}
    # PV27: 551 + 58 = 609 task, 120 - 3 = 117 arrears, 726 corrected.
    assert (totals["PV27"]["taakstelling"], totals["PV27"]["achterstand"]) == (609, 117)
    assert totals["PV27"]["gecorrigeerde_taakstelling"] == 726
    assert totals["PV20"]["gecorrigeerde_taakstelling"] == 155
    national = client_as("landelijk").get("/api/v1/taakstelling/2021-II/").json()
    assert national["count"] == 3
    assert client_as("landelijk").get("/api/v1/taakstelling/2020-I/").status_code == 404


def test_taakstelling_totals_equal_the_page_s(client_as: Client) -> None:
    """2021-II in week 2021-W45, Noord-Holland: the API's province totals are the page's."""
    _taakstelling()
    # By hand: 551 + 58 = 609 task, 120 - 3 = 117 arrears, 671 + 55 = 726 corrected.
    client = client_as("landelijk")
    api = {
        t["provincie"]: t for t in client.get("/api/v1/taakstelling/2021-II/").json()["provincies"]
    }
    page = client.get("/taakstelling/2021-II/?week=2021-W45&formaat=csv&tabel=provincies")
    text = page.content.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    noord_holland = next(r for r in rows if r["provinciecode"] == "PV27")
    page_totals = tuple(
        int(noord_holland[c]) for c in ("taakstelling", "achterstand", "gecorrigeerde_taakstelling")
    )
    api_totals = tuple(
        api["PV27"][k] for k in ("taakstelling", "achterstand", "gecorrigeerde_taakstelling")
    )
    assert page_totals == api_totals == (609, 117, 726)
    assert api["PV27"]["gemeenten"] == 2


def test_realisation_scoped_and_current_version(client_as: Client) -> None:
    old = ImportFactory(kind="realisatie", week="2021-W44", version=1)
    RealisationRecordFactory(batch=old, municipality_code="GM0363", housed=100)
    new = ImportFactory(kind="realisatie", week="2021-W45", version=1)
    RealisationRecordFactory(batch=new, municipality_code="GM0363", housed=130)
    RealisationRecordFactory(batch=new, municipality_code="GM0014", province_code="PV20", housed=40)
    body = client_as("provincie").get("/api/v1/realisatie/", {"week": "2021-W45"}).json()
    assert [(r["gemeentecode"], r["gehuisvest"]) for r in body["results"]] == [("GM0363", 130)]
    assert body["results"][0]["gemeente"] == "Amsterdam"
    national = client_as("landelijk").get("/api/v1/realisatie/", {"week": "2021-W44"}).json()
    assert [(r["gemeentecode"], r["gehuisvest"]) for r in national["results"]] == [("GM0363", 100)]


def test_schema_documents_the_endpoints(client_as: Client) -> None:
    response = client_as("landelijk").get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/locaties/" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/v1/locaties/"]["get"]["parameters"]}
    assert {"week", "provincie", "soort", "limit", "offset"} <= params
    gemeenten = schema["paths"]["/api/v1/gemeenten/"]["get"]["parameters"]
    assert {"peildatum", "provincie"} <= {p["name"] for p in gemeenten}
    # Both ways to log in are documented: the session and HTTP Basic through the throttle.
    schemes = schema["components"]["securitySchemes"]
    assert schemes["basicAuth"]["scheme"] == "basic"
    assert "cookieAuth" in schemes
    assert {"basicAuth": []} in schema["paths"]["/api/v1/locaties/"]["get"]["security"]


ROLES = ("landelijk", "provincie", "provincie_andere", "coa", "beheerder")
OWN = {"provincie": "PV27", "provincie_andere": "PV20"}


def _realisation_w45() -> None:
    batch = ImportFactory(kind="realisatie", week="2021-W45", version=1)
    RealisationRecordFactory(batch=batch, municipality_code="GM0363", housed=130)
    RealisationRecordFactory(
        batch=batch, municipality_code="GM0014", province_code="PV20", housed=40
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("url", "code_key"),
    [
        ("/api/v1/realisatie/?week=2021-W45&provincie=PV20", "gemeentecode"),
        ("/api/v1/taakstelling/2021-II/?provincie=PV20", "gemeentecode"),
        ("/api/v1/locaties/?week=2021-W45&provincie=PV20", "code"),
    ],
)
def test_province_filter_applies_or_is_refused(
    client_as: Client, role: str, url: str, code_key: str
) -> None:
    """Regression: ?provincie=PV20 was ignored on realisatie and taakstelling (200, other data)."""
    _realisation_w45()
    _taakstelling()
    locations_week45()
    response = client_as(role).get(url)
    if role in OWN and OWN[role] != "PV20":
        assert response.status_code == 403
        assert "Amsterdam" not in response.content.decode()
        # The reason every page of Groningen gives (was one text per endpoint, none of them
        # the one docs/api.md quotes).
        assert response.json() == {"detail": province_refusal("PV20")}
        return
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    expected = {
        "realisatie": ["GM0014"],
        "taakstelling": ["GM0014"],
        "locaties": ["GR-AMV", "GR-AZC"],
    }[url.split("/")[3]]
    assert [row[code_key] for row in results] == expected


@pytest.mark.parametrize(
    "url", ["/api/v1/realisatie/?provincie=PV20", "/api/v1/locaties/?provincie=PV20"]
)
def test_another_province_is_refused_before_anything_is_delivered(
    client_as: Client, url: str
) -> None:
    """Regression: with no file of the kind ever delivered, another province's filter gave
    200 with ``gegevens: false``; the refusal must not depend on what has been delivered."""
    response = client_as("provincie").get(url)
    assert response.status_code == 403
    assert response.json() == {"detail": province_refusal("PV20")}
    assert client_as("landelijk").get(url).json()["gegevens"] is False


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/realisatie/?provincie=PV99",
        "/api/v1/taakstelling/2021-II/?provincie=Atlantis",
        "/api/v1/locaties/?provincie=PV99",
        "/api/v1/gemeenten/?provincie=PV99",
    ],
)
def test_unknown_province_is_a_dutch_400(client_as: Client, url: str) -> None:
    _taakstelling()
    response = client_as("landelijk").get(url)
    assert response.status_code == 400
    assert "onbekende provincie" in response.json()["provincie"][0]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/api/v1/provincies/?provinsie=PV27", "limit, offset"),
        ("/api/v1/gemeenten/?datum=2021-01-01", "limit, offset, peildatum, provincie"),
        ("/api/v1/taakstelling/?periode=2021-II", "limit, offset"),
        ("/api/v1/taakstelling/2021-II/?week=2021-W45", "limit, offset, provincie"),
        ("/api/v1/realisatie/?gemeente=GM0363", "limit, offset, provincie, week"),
        ("/api/v1/locaties/?type=amv", "limit, offset, provincie, soort, week"),
        ("/api/v1/locaties/NH-AZC/?provincie=PV27", "week"),
        ("/api/v1/opvang-per-provincie/?provincie=PV27", "limit, offset, week"),
        ("/api/v1/reeksen/?reeks=x", "limit, offset, week"),
        ("/api/v1/opvangbeeld/?scope=PV27", "provincie, week"),
        ("/api/v1/boodschappenlijst/?provincie=PV27", "scope, week"),
        ("/api/v1/verdeling/?provincie=PV27", "totaal, week"),
        # Regression: kerncijfers answered the national figures with 200 (provincie= for scope=).
        ("/api/v1/kerncijfers/?week=2021-W45&provincie=PV27", "scope, week"),
        ("/api/v1/kerncijfers/?foo=1", "scope, week"),
    ],
)
def test_unknown_parameter_is_a_dutch_400_listing_the_allowed(
    client_as: Client, url: str, allowed: str
) -> None:
    _taakstelling()
    locations_week45()
    response = client_as("landelijk").get(url)
    assert response.status_code == 400, response.content
    message = str(response.json()["detail"])
    assert message.startswith("Onbekende parameter '")
    assert message.endswith(f"Toegestaan: {allowed}.")


@pytest.mark.parametrize("role", ["landelijk", "provincie", "beheerder", "coa"])
def test_confidential_amv_masked_in_api_exactly_as_on_the_page(
    client_as: Client, role: str
) -> None:
    """Regression: locaties?soort=amv showed the names of confidential locations."""
    locations_week45()
    client = client_as(role)
    api = client.get("/api/v1/locaties/", {"week": "2021-W45", "soort": "amv"}).json()["results"]
    page = client.get("/opvang/locaties/", {"week": "2021-W45", "soort": "amv", "formaat": "csv"})
    assert page.status_code == 200
    text = page.content.decode("utf-8").lstrip("\ufeff")
    listed = {row["code"]: row for row in csv.DictReader(io.StringIO(text))}
    by_code = {row["code"]: row for row in api}
    assert sorted(by_code) == sorted(listed)
    amv = by_code["NH-AMV"]
    if role == "coa":
        assert (amv["naam"], amv["adres"], amv["bezetting"]) == (
            "Kleinschalig Noord",
            "Geheimstraat 7",
            37,
        )
    else:
        assert (amv["naam"], amv["adres"], amv["bezetting"]) == (
            "vertrouwelijke locatie (Noord-Holland)",
            None,
            None,
        )
        assert "Kleinschalig Noord" not in str(api) + text
        assert "Geheimstraat" not in str(api) + text
    for code, row in by_code.items():
        assert row["naam"] == listed[code]["naam"]
        shown = listed[code]["bezetting"]
        assert row["bezetting"] == (None if shown == "vertrouwelijk" else int(shown))


@pytest.mark.parametrize(
    ("name", "value", "least"),
    [("limit", "tien", 1), ("offset", "-1", 0), ("limit", "1.5", 1), ("limit", "0", 1)],
)
def test_unreadable_pagination_is_a_dutch_400(
    client_as: Client, name: str, value: str, least: int
) -> None:
    """DRF would silently fall back to the default page: other data with status 200 (also
    for limit=0, which returned every row instead of none)."""
    response = client_as("landelijk").get("/api/v1/provincies/", {name: value})
    assert response.status_code == 400
    assert response.json()[name] == [f"'{value}' is geen geheel getal van {least} of meer."]
    assert client_as("landelijk").get("/api/v1/provincies/", {"offset": "0"}).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/provincies/?format=csv",
        "/api/v1/kerncijfers/?format=api",
        "/api/v1/afspraken/?format=xml",
    ],
)
def test_an_unknown_format_is_a_dutch_400(client_as: Client, url: str) -> None:
    """Regression: DRF answered 404 "Niet gevonden." as if the endpoint did not exist."""
    response = client_as("landelijk").get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    wanted = url.rsplit("=", 1)[1]
    assert response.json()["format"] == [f"Onbekend formaat '{wanted}'. Toegestaan: json."]
    assert client_as("landelijk").get("/api/v1/provincies/?format=json").status_code == 200


def test_a_week_without_a_valid_register_has_no_data(client_as: Client) -> None:
    """A register holds for its own week and the four after (core.rules.DATA_VALID_WEEKS):
    the distribution of a later week is a Dutch 404, not a 500 and not a distribution of
    the old register; the key figures of that week are null, never the old register's."""
    from tests.opvangbeeld.factories import standard_register

    standard_register("2021-W45")
    client = client_as("landelijk")
    assert client.get("/api/v1/verdeling/?week=2021-W49").status_code == 200
    gone = client.get("/api/v1/verdeling/?week=2021-W50")
    assert gone.status_code == 404
    assert "geen geldig locatieregister" in gone.json()["detail"]
    before = client.get("/api/v1/verdeling/?week=2020-W10")
    assert before.status_code == 404
    figures = client.get("/api/v1/kerncijfers/?week=2021-W50").json()
    by_code = {f["code"]: f for f in figures["kerncijfers"]}
    assert by_code["capaciteit_nu"]["waarde"] is None
    held = client.get("/api/v1/kerncijfers/?week=2021-W49").json()
    assert {f["code"]: f for f in held["kerncijfers"]}["capaciteit_nu"]["waarde"] is not None


def test_an_absurd_total_to_distribute_is_a_dutch_400(client_as: Client) -> None:
    """Found by the schema fuzzer: a total of 26 digits overflowed the engine (500)."""
    from tests.opvangbeeld.factories import standard_register

    standard_register("2021-W45")
    client = client_as("landelijk")
    huge = client.get("/api/v1/verdeling/?week=2021-W45&totaal=24744503424572987707228160")
    assert huge.status_code == 400
    assert "ligt buiten 0 tot en met 10.000.000" in huge.json()["totaal"][0]  # at its parameter
    assert client.get("/api/v1/verdeling/?week=2021-W45&totaal=10000000").status_code == 200
    page = client.get("/verdeling/?week=2021-W45&te_verdelen=aantal&totaal=24744503424572987707")
    assert page.status_code in {200, 400}
    assert "10.000.000" in page.content.decode()


def test_key_figures_of_housing_are_null_without_a_realisation(client_as: Client) -> None:
    """A period without any realisation: housed and everything compared with it is null in
    the API (0 housed made all three municipalities far behind); the task is known. With a
    delivery, hand-computed: four of six months, expected 447,3 + 36,7 + 103,3."""
    from tests.factories import realisation

    _taakstelling()
    client = client_as("landelijk")
    housing = [
        "gehuisvest",
        "gehuisvest_procent",
        "nog_te_huisvesten",
        "achterstand_op_schema",
        "gemeenten_achter",
        "gemeenten_ver_achter",
    ]
    figures = client.get("/api/v1/kerncijfers/?week=2021-W45").json()
    by_code = {f["code"]: f for f in figures["kerncijfers"]}
    assert by_code["gecorrigeerde_taakstelling"]["waarde"] == 671 + 55 + 155
    for code in housing:
        assert by_code[code]["waarde"] is None, code
    realisation(
        "2021-W44",
        "2021-II",
        {"GM0363": ("PV27", 300), "GM0362": ("PV27", 20), "GM0014": ("PV20", 100)},
    )
    figures = client.get("/api/v1/kerncijfers/?week=2021-W45").json()
    value = {f["code"]: f["waarde"] for f in figures["kerncijfers"]}
    # Behind on schedule: 448 - 300, 37 - 20 and 104 - 100; Amsterdam and Amstelveen below
    # three quarters of expected (far), Groningen above (somewhat).
    assert [value[code] for code in housing] == [420, round(100 * 420 / 881, 1), 461, 169, 3, 2]


NO_DATA_ENDPOINTS = [
    "/api/v1/boodschappenlijst/",
    "/api/v1/opvang-per-provincie/",
    "/api/v1/opvangbeeld/",
    "/api/v1/locaties/",
    "/api/v1/kerncijfers/",
]


@pytest.mark.parametrize("url", NO_DATA_ENDPOINTS)
def test_a_week_without_a_register_says_so(client_as: Client, url: str) -> None:
    """Regression: a week without data gave 200 with empty lists, which read as nothing to
    do or zero locations. No data is never zero: "gegevens": false with the Dutch reason."""
    from tests.opvangbeeld.factories import standard_register

    standard_register("2021-W45")
    client = client_as("landelijk")
    held = client.get(url, {"week": "2021-W49"})
    assert held.status_code == 200, held.content
    assert (held.json()["gegevens"], held.json()["reden"]) == (True, None)
    expired = client.get(url, {"week": "2021-W50"}).json()
    assert expired["gegevens"] is False
    assert expired["reden"].startswith(
        "Het laatste locatieregister is van week 2021-W45 en geldt voor die week en de 4 weken "
        "erna, niet meer voor week 2021-W50: er zijn geen gegevens voor deze week."
    )
    before = client.get(url, {"week": "2020-W10"}).json()
    assert before["gegevens"] is False
    assert before["reden"].startswith(
        "Voor week 2020-W10 of eerder is geen locatieregister aangeleverd; het eerste is van "
        "week 2021-W45."
    )


@pytest.mark.parametrize("url", ["/api/v1/locaties/", "/api/v1/opvang-per-provincie/"])
def test_no_register_at_all_says_so(client_as: Client, url: str) -> None:
    body = client_as("landelijk").get(url).json()
    assert (body["gegevens"], body["reden"], body["count"]) == (
        False,
        "Er is nog geen locatieregister aangeleverd.",
        0,
    )


@pytest.mark.parametrize(
    ("url", "noun", "valid_after"),
    [
        ("/api/v1/realisatie/", "realisatiebestand", 8),
        ("/api/v1/reeksen/", "bestand met landelijke reeksen", 4),
    ],
)
def test_realisation_and_series_without_data_say_so(
    client_as: Client, url: str, noun: str, valid_after: int
) -> None:
    """Regression: these two answered a week without data with an empty list (realisatie) or
    every series null (reeksen) and nothing saying why; now as the other endpoints do."""
    client = client_as("landelijk")
    none_yet = client.get(url).json()
    assert (none_yet["gegevens"], none_yet["reden"], none_yet["count"]) == (
        False,
        f"Er is nog geen {noun} aangeleverd.",
        0,
    )
    _realisation_w45()
    series_import("2021-W45", {SeriesMetric.NAREIZIGERS: 210})
    held = client.get(url, {"week": "2021-W45"}).json()
    assert (held["gegevens"], held["reden"]) == (True, None)
    assert held["count"] > 0
    # Realisation holds for 8 weeks after 2021-W45 (to 2022-W01), series for 4 (to 2021-W49).
    late = "2022-W02" if valid_after == 8 else "2021-W50"
    expired = client.get(url, {"week": late}).json()
    assert expired["gegevens"] is False
    assert expired["reden"] == (
        f"Het laatste {noun} is van week 2021-W45 en geldt voor die week en de {valid_after} "
        f"weken erna, niet meer voor week {late}: er zijn geen gegevens voor deze week."
    )
    early = client.get(url, {"week": "2021-W10"}).json()
    assert (early["gegevens"], early["reden"]) == (
        False,
        (
            f"Voor week 2021-W10 of eerder is geen {noun} aangeleverd; het eerste is van week "
            "2021-W45."
        ),
    )


SCHEMA_DATA_ENDPOINTS = [
    "/api/v1/realisatie/",
    "/api/v1/reeksen/",
    "/api/v1/locaties/",
    "/api/v1/opvang-per-provincie/",
    "/api/v1/kerncijfers/",
    "/api/v1/boodschappenlijst/",
    "/api/v1/opvangbeeld/",
]


def test_schema_documents_gegevens_and_reden_where_they_are_answered(client_as: Client) -> None:
    schema = client_as("landelijk").get("/api/schema/", {"format": "json"}).json()

    def body_of(path: str) -> dict[str, Any]:
        answer = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        body: dict[str, Any] = answer["schema"]
        if "$ref" in body:  # a page of a list: #/components/schemas/Paginated…List
            body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
        return body

    for path in SCHEMA_DATA_ENDPOINTS:
        body = body_of(path)
        assert {"gegevens", "reden"} <= set(body["required"]), path
        assert body["properties"]["gegevens"]["type"] == "boolean", path
        assert body["properties"]["reden"]["nullable"] is True, path
    # A list without them documents its page as before.
    assert "gegevens" not in body_of("/api/v1/gemeenten/")["properties"]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/v1/locaties/?week=2021-W45&week=2021-W46", "week"),
        ("/api/v1/gemeenten/?provincie=PV27&provincie=PV20", "provincie"),
        ("/api/v1/kerncijfers/?week=2021-W45&week=2021-W46", "week"),
        ("/api/v1/verdeling/?totaal=1&totaal=2", "totaal"),
    ],
)
def test_a_repeated_parameter_is_refused_not_the_last_one_used(
    client_as: Client, url: str, name: str
) -> None:
    """Every parser reads one value: ?week=2021-W45&week=2021-W46 answered for 2021-W46."""
    response = client_as("landelijk").get(url)
    assert response.status_code == 400
    assert response.json() == {
        name: ["staat er meer dan één keer in; geef deze parameter één keer"]
    }


def test_parameter_errors_of_the_figure_endpoints_are_at_their_parameter(
    client_as: Client,
) -> None:
    """kerncijfers, opvangbeeld, boodschappenlijst and verdeling answered {"detail": …};
    docs/api.md promises the message at the parameter, as the list endpoints give it."""
    client = client_as("landelijk")
    for url in ("kerncijfers", "opvangbeeld", "boodschappenlijst", "verdeling"):
        answer = client.get(f"/api/v1/{url}/", {"week": "abc"})
        assert answer.status_code == 400
        assert list(answer.json()) == ["week"], url
    assert list(client.get("/api/v1/opvangbeeld/", {"provincie": "PV99"}).json()) == ["provincie"]
    assert list(client.get("/api/v1/kerncijfers/", {"scope": "PV99"}).json()) == ["scope"]
    assert list(client.get("/api/v1/verdeling/", {"totaal": "abc"}).json()) == ["totaal"]
    # The text of limit and offset, from the same place (it lacked the full stop).
    assert client.get("/api/v1/verdeling/", {"totaal": "-1"}).json() == {
        "totaal": ["'-1' is geen geheel getal van 0 of meer."]
    }


def test_opvangbeeld_numbers_are_numbers_and_targets_are_listed_without_a_register(
    client_as: Client,
) -> None:
    """An afgeschermd cell was the text "afgeschermd" in a number field (two types in one
    field); now null, with the column in the row's ``afgeschermd`` list. Without a register
    the running targets were an empty list, where the page lists them unmeasured."""
    from regietafel.doelen.models import Target
    from tests.opvangbeeld.factories import standard_register

    standard_register("2021-W45")  # one confidential AMV location in Groningen
    Target.objects.create(
        title="600 extra", category="regulier", unit="places", quantity=600,
        start=date(2021, 10, 1), deadline=date(2021, 12, 1),
    )  # fmt: skip
    client = client_as("landelijk")
    picture = client.get("/api/v1/opvangbeeld/", {"week": "2021-W45", "provincie": "PV20"}).json()
    masked = [row for row in picture["behoefte"] if row["afgeschermd"]]
    assert masked
    for row in masked:
        assert all(row[key] is None for key in row["afgeschermd"])
    for table in ("behoefte", "capaciteit"):
        for row in picture[table]:
            for key, value in row.items():
                assert value != "afgeschermd", (table, key)
    coa = client_as("coa").get("/api/v1/opvangbeeld/", {"week": "2021-W45", "provincie": "PV20"})
    assert not any(row["afgeschermd"] for row in coa.json()["behoefte"])
    empty = client.get("/api/v1/opvangbeeld/", {"week": "2021-W40"}).json()
    assert empty["gegevens"] is False
    assert [row["doel"] for row in empty["doelen"]] == ["600 extra"]


def test_an_account_without_a_role_is_told_why_and_limit_offset_are_described_in_dutch(
    client_as: Client,
) -> None:
    """DRF's own "Je hebt geen toestemming …" gave no reason (and said je, not u); the schema
    described limit and offset in English."""
    from regietafel.accounts.models import User

    User.objects.create_user(username="zonderrol", password="x")
    client = client_as(None)
    client.login(username="zonderrol", password="x")
    refused = client.get("/api/v1/provincies/")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Uw account heeft (nog) geen rol")
    schema = client_as("landelijk").get("/api/schema/", {"format": "json"}).json()
    parameters = {
        p["name"]: p["description"]
        for p in schema["paths"]["/api/v1/locaties/"]["get"]["parameters"]
    }
    assert parameters["limit"].startswith("Hoeveel rijen per pagina")
    assert parameters["offset"].startswith("Vanaf welke rij")
