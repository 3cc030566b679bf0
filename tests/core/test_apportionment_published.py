"""The apportionment module against real, published apportionments.

The numbers below are facts copied from the named sources, not generated data.

US House 2010 (Huntington-Hill, 435 seats)
    Source: US Census Bureau, "Apportionment Population and Number of Representatives,
    by State: 2010 Census" (released 21 December 2010; see also Census brief
    C2010BR-08, https://census.gov/library/publications/2011/dec/c2010br-08.html, and
    CRS report R41584, https://www.everycrsreport.com/reports/R41584.html).
    The 50 apportionment populations were taken from two independent copies of that
    table in public GitHub repositories that agree figure for figure; their sum is
    309,183,463, the apportionment population both the Census brief and the CRS report
    state. The seat counts agree with the 2010 column of the table at
    http://www.aaroads.com/forum/index.php?topic=4060.msg92926 and add up to 435.

Tweede Kamer 2021 (150 seats)
    Verified from the Kiesraad's announcement of the official result (26 March 2021,
    https://www.kiesraad.nl/actueel/nieuws/2021/03/26/officiele-uitslag-tweede-kamerverkiezing-17-maart-2021,
    reproduced by nieuws.nl the same day): 10,422,852 valid votes, kiesdeler 69,485 102/150,
    and the seats of the 17 lists that won any. The votes per list are those of the
    Kiesraad's proces-verbaal as reproduced on Wikipedia; cross-checks: VVD 2,279,130 is
    quoted exactly elsewhere, and FvD's 523,083 agrees with nu.nl's statement that Baudet's
    245,323 preference votes were 46.9 % of the party's votes. The Kieswet gives full seats by
    the kiesdeler and residual seats by largest averages among lists that reached the kiesdeler;
    without list combinations (abolished in 2017) that equals D'Hondt over those lists.

Tweede Kamer 2017 is left out: it used list combinations (lijstverbindingen).
"""

from __future__ import annotations

from fractions import Fraction

from regietafel.core.apportionment import Method, apportion

# State: (apportionment population 2010, representatives 2010)
US_2010: dict[str, tuple[int, int]] = {
    "Alabama": (4_802_982, 7),
    "Alaska": (721_523, 1),
    "Arizona": (6_412_700, 9),
    "Arkansas": (2_926_229, 4),
    "California": (37_341_989, 53),
    "Colorado": (5_044_930, 7),
    "Connecticut": (3_581_628, 5),
    "Delaware": (900_877, 1),
    "Florida": (18_900_773, 27),
    "Georgia": (9_727_566, 14),
    "Hawaii": (1_366_862, 2),
    "Idaho": (1_573_499, 2),
    "Illinois": (12_864_380, 18),
    "Indiana": (6_501_582, 9),
    "Iowa": (3_053_787, 4),
    "Kansas": (2_863_813, 4),
    "Kentucky": (4_350_606, 6),
    "Louisiana": (4_553_962, 6),
    "Maine": (1_333_074, 2),
    "Maryland": (5_789_929, 8),
    "Massachusetts": (6_559_644, 9),
    "Michigan": (9_911_626, 14),
    "Minnesota": (5_314_879, 8),
    "Mississippi": (2_978_240, 4),
    "Missouri": (6_011_478, 8),
    "Montana": (994_416, 1),
    "Nebraska": (1_831_825, 3),
    "Nevada": (2_709_432, 4),
    "New Hampshire": (1_321_445, 2),
    "New Jersey": (8_807_501, 12),
    "New Mexico": (2_067_273, 3),
    "New York": (19_421_055, 27),
    "North Carolina": (9_565_781, 13),
    "North Dakota": (675_905, 1),
    "Ohio": (11_568_495, 16),
    "Oklahoma": (3_764_882, 5),
    "Oregon": (3_848_606, 5),
    "Pennsylvania": (12_734_905, 18),
    "Rhode Island": (1_055_247, 2),
    "South Carolina": (4_645_975, 7),
    "South Dakota": (819_761, 1),
    "Tennessee": (6_375_431, 9),
    "Texas": (25_268_418, 36),
    "Utah": (2_770_765, 4),
    "Vermont": (630_337, 1),
    "Virginia": (8_037_736, 11),
    "Washington": (6_753_369, 10),
    "West Virginia": (1_859_815, 3),
    "Wisconsin": (5_698_230, 8),
    "Wyoming": (568_300, 1),
}
US_2010_APPORTIONMENT_POPULATION = 309_183_463  # Census brief C2010BR-08, CRS R41584
HOUSE_SEATS = 435


def test_us_2010_table_is_internally_consistent() -> None:
    assert len(US_2010) == 50
    assert sum(pop for pop, _ in US_2010.values()) == US_2010_APPORTIONMENT_POPULATION
    assert sum(seats for _, seats in US_2010.values()) == HOUSE_SEATS


def test_us_house_2010_huntington_hill_reproduces_census_apportionment() -> None:
    populations = [pop for pop, _ in US_2010.values()]
    published = {state: seats for state, (_, seats) in US_2010.items()}
    result = apportion(populations, HOUSE_SEATS, method=Method.HUNTINGTON_HILL)
    computed = dict(zip(US_2010, result.seats.tolist(), strict=True))
    assert computed == published
    assert min(computed.values()) >= 1  # every state its first seat


def test_us_house_2010_huntington_hill_priority_of_seat_435() -> None:
    # Seat 435 went to the state whose last seat has the lowest priority value
    # P = pop / sqrt(n(n-1)) among all assigned seats; seat 436 would have the highest
    # priority among the next seats. An exact check that the result is a divisor
    # solution: every last seat given beats every first seat not given.
    given_min = min(
        Fraction(pop * pop, seats * (seats - 1)) for pop, seats in US_2010.values() if seats > 1
    )
    next_max = max(Fraction(pop * pop, seats * (seats + 1)) for pop, seats in US_2010.values())
    assert given_min > next_max


def test_us_house_2010_hamilton_sums_and_satisfies_quota() -> None:
    # No published Hamilton apportionment for 2010 was found to compare with, so only
    # the method's own guarantees are asserted on the real data.
    populations = [pop for pop, _ in US_2010.values()]
    result = apportion(populations, HOUSE_SEATS, method=Method.HAMILTON)
    assert int(result.seats.sum()) == HOUSE_SEATS
    assert result.satisfies_quota
    for pop, seats in zip(populations, result.seats.tolist(), strict=True):
        quota = Fraction(pop * HOUSE_SEATS, US_2010_APPORTIONMENT_POPULATION)
        assert quota - 1 < seats < quota + 1


# List: (valid votes, seats), Tweede Kamer 17 March 2021; see the module docstring.
TK_2021: dict[str, tuple[int, int]] = {
    "VVD": (2_279_130, 34),
    "D66": (1_565_861, 24),
    "PVV": (1_124_482, 17),
    "CDA": (990_601, 15),
    "SP": (623_371, 9),
    "PvdA": (597_192, 9),
    "GROENLINKS": (537_308, 8),
    "FvD": (523_083, 8),
    "PvdD": (399_750, 6),
    "ChristenUnie": (351_275, 5),
    "Volt": (252_480, 3),
    "JA21": (246_620, 3),
    "SGP": (215_249, 3),
    "DENK": (211_237, 3),
    "50PLUS": (106_702, 1),
    "BBB": (104_319, 1),
    "BIJ1": (87_238, 1),
}
TK_2021_VALID_VOTES = 10_422_852


def test_tweede_kamer_2021_dhondt_reproduces_the_kiesraad_seats() -> None:
    kiesdeler = Fraction(TK_2021_VALID_VOTES, 150)
    assert kiesdeler == 69_485 + Fraction(102, 150)  # as the Kiesraad states it
    votes = [v for v, _ in TK_2021.values()]
    assert all(v >= kiesdeler for v in votes)  # only lists that reached the kiesdeler
    assert sum(votes) < TK_2021_VALID_VOTES  # the 20 other lists won no seat
    result = apportion(votes, 150, method=Method.DHONDT)
    assert dict(zip(TK_2021, result.seats.tolist(), strict=True)) == {
        party: seats for party, (_, seats) in TK_2021.items()
    }


def test_tweede_kamer_2021_hamilton_would_have_differed() -> None:
    """D'Hondt favours large lists; largest remainder on the same votes gives VVD fewer seats."""
    votes = [v for v, _ in TK_2021.values()]
    hamilton = apportion(votes, 150, method=Method.HAMILTON).seats.tolist()
    dhondt = apportion(votes, 150, method=Method.DHONDT).seats.tolist()
    assert sum(hamilton) == 150
    assert hamilton != dhondt
    assert hamilton[0] < dhondt[0]  # the largest list loses a seat under Hamilton
