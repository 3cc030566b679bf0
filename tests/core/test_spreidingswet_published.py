"""The Spreidingswet figures of 2024 reproduced as far as the published key allows.

The Staatscourant of 31 January 2024 divided 96,000 places over the provinces, with an
indicative figure per municipality, by inhabitants with a socio-economic (SES) correction and
a minimum of 5. The SES factors and the municipal table were not found in public sources
(shared/data/SOURCES_series_2026-11.md, "Looked for, not found"), so the product can only
compute the inhabitants part; ``docs/verdeling.md`` lists the implied correction per figure.

Published figures used here:

- Provinces: Zuid-Holland 19,776 (nieuws.nl/ANP, 2 February 2024,
  https://nieuws.nl/algemeen/20240202/van-der-burg-snapt-provincies-maar-ze-moeten-asielopvang-leveren/);
  Groningen 2,717 (OOG TV, January 2024,
  https://www.oogtv.nl/2024/01/groningen-hoeft-niet-meer-asielzoekers-op-te-vangen/);
  Gelderland 11,704 of which 992 AMV (upday, November 2024,
  https://www.upday.com/nl/overzicht-deze-provincies-halen-de-opvangplekken-voor-de-spreidingswet-niet).
- Municipalities: Amsterdam 4,479, Den Haag 2,513, Rotterdam 2,667, Utrecht 1,988, Groningen
  969, Ede 719, Enschede 638, Dordrecht 611, Haarlem 963, Zaanstad 818, Zoetermeer 703,
  Zwolle 717 (gemeente.nu, January 2024,
  https://www.gemeente.nu/bestuur/aantal-opvangplekken-spreidingswet-bekend/); Westerwolde 131
  and Schiermonnikoog 5, the minimum (kleurdekamer.nl/ANP, 1 February 2024,
  https://kleurdekamer.nl/spreidingswet-gaat-in-provincies-moeten-1-november-plan-inleveren/).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from regietafel import reference
from regietafel.core.distribution import Rule, Unit, distribute
from regietafel.core.rules import (
    DEFAULT_AMV_SHARE,
    SPREIDINGSWET_CAPACITY_ESTIMATE,
    SPREIDINGSWET_MINIMUM_PER_MUNICIPALITY,
)

ON = date(2023, 1, 1)
"""The latest CBS inhabitants available when the 2024 figures were prepared."""

PROVINCES = {"PV28": 19_776, "PV20": 2_717, "PV25": 11_704}
MUNICIPALITIES = {
    "GM0363": 4_479,
    "GM0518": 2_513,
    "GM0599": 2_667,
    "GM0344": 1_988,
    "GM0014": 969,
    "GM0228": 719,
    "GM0153": 638,
    "GM0505": 611,
    "GM0392": 963,
    "GM0479": 818,
    "GM0637": 703,
    "GM0193": 717,
    "GM1950": 131,
    "GM0088": 5,
}

# The SES correction moved the published figures by at most this much from a plain share by
# inhabitants (measured: 0.73 for Enschede to 1.09 for Ede; provinces 0.85 to 1.02).
CORRECTION_BAND = (0.70, 1.12)


def shares(level: str) -> dict[str, int]:
    municipalities = reference.municipalities(ON)
    if level == "provincie":
        totals: dict[str, int] = {}
        for m in municipalities:
            totals[m.province_code] = totals.get(m.province_code, 0) + m.inhabitants
        units = [Unit(code, code, Fraction(n)) for code, n in sorted(totals.items())]
        minimum = None
    else:
        units = [Unit(m.code, m.name, Fraction(m.inhabitants)) for m in municipalities]
        minimum = SPREIDINGSWET_MINIMUM_PER_MUNICIPALITY
    result = distribute(
        units, 0, rule=Rule.AANDEEL, whole=SPREIDINGSWET_CAPACITY_ESTIMATE, minimum=minimum
    )
    assert sum(r.share or 0 for r in result.rows) == 96_000
    return {r.code: r.share or 0 for r in result.rows}


@pytest.mark.parametrize(
    ("level", "published"), [("provincie", PROVINCES), ("gemeente", MUNICIPALITIES)]
)
def test_published_figures_lie_within_the_correction_band(
    level: str, published: dict[str, int]
) -> None:
    ours = shares(level)
    low, high = CORRECTION_BAND
    for code, figure in published.items():
        assert low <= figure / ours[code] <= high, (code, figure, ours[code])


def test_the_minimum_of_five_is_reproduced() -> None:
    assert shares("gemeente")["GM0088"] == 5


def test_municipalities_near_the_national_average_match_closely() -> None:
    # Utrecht and Zwolle have a correction close to 1: inhabitants alone give 1,983 and 714.
    ours = shares("gemeente")
    assert abs(ours["GM0344"] - 1_988) <= 10
    assert abs(ours["GM0193"] - 717) <= 5


def test_amv_share_matches_the_published_provincial_split() -> None:
    # Gelderland: 992 AMV places in 11,704, i.e. 8.48 %, "about 8.5 %".
    assert round(Fraction(992, 11_704), 3) == round(DEFAULT_AMV_SHARE, 3)
