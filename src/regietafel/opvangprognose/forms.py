"""The choices of the Prognose page: a scenario, or a copy of one with edited parameters."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from regietafel.core.buffer_policies import DEFAULT_ORDER_PERCENTILE
from regietafel.core.forecast import SCENARIOS, Scenario
from regietafel.core.need_policy import CHOOSABLE_POLICIES
from regietafel.opvang.forms import WeekField
from regietafel.prognose.scenarios import SCENARIO_ORDER

StrOrPromise = str | Promise

OFFICIAL_LABELS = {
    "mpp-min": _("officieel min (MPP)"),
    "mpp-midden": _("officieel midden (MPP)"),
    "mpp-max": _("officieel max (MPP)"),
}


class FactorField(forms.Field):
    """A factor such as 1,25 or 1.25 (both read as one and a quarter), between two bounds."""

    def __init__(self, *, low: str, high: str, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.low = Decimal(low)
        self.high = Decimal(high)

    def to_python(self, value: Any) -> Decimal | None:
        text = str(value or "").strip().replace(",", ".")[:20]
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(
                _("'%(value)s' is geen getal; schrijf bijvoorbeeld 1,25.") % {"value": value}
            ) from None
        if not number.is_finite() or not self.low <= number <= self.high:
            raise forms.ValidationError(
                # The page and the API put the field's name before it.
                _("moet tussen %(low)s en %(high)s liggen.")
                % {
                    "low": factor_text(float(self.low)),
                    "high": factor_text(float(self.high)),
                }
            )
        return number


def _factor(label: StrOrPromise, help_text: StrOrPromise, *, low: str, high: str) -> FactorField:
    return FactorField(label=label, help_text=help_text, low=low, high=high)


class ForecastForm(forms.Form):
    """``?scenario=midden&provincie=PV27&beleid=…&week=…``, optionally with edited factors.

    When a factor differs from the chosen scenario's value, the forecast uses a copy of that
    scenario named "eigen" with the edited factors.
    """

    week = WeekField(label=_("Week"), required=False)
    scenario = forms.ChoiceField(
        label=_("Scenario"),
        required=False,
        choices=[
            (name, SCENARIOS[name].label if name in SCENARIOS else OFFICIAL_LABELS[name])
            for name in SCENARIO_ORDER
        ],
    )  # fmt: skip
    provincie = forms.CharField(label=_("Gebied"), required=False)
    beleid = forms.ChoiceField(
        label=_("Behoeftebeleid"),
        required=False,
        choices=[("", _("het beleid van de week (keuze van het LRT, anders dat van de maandag)"))]
        + [(p.key, p.label) for p in CHOOSABLE_POLICIES],
    )
    percentiel = forms.IntegerField(
        label=_("Percentiel voor bestellen"),
        help_text=_("het bufferbeleid 'bestellen tot' bestelt tot dit percentiel van de groei "
                    "over de levertijd (50–99, standaard 90)"),
        required=False, min_value=50, max_value=99,
    )  # fmt: skip
    instroom = _factor(
        _("Instroomfactor"), _("vermenigvuldigt het instroomniveau van het scenario (0,10–5)"),
        low="0.1", high="5",
    )  # fmt: skip
    huisvesting = _factor(
        _("Huisvestingsfactor"), _("vermenigvuldigt het huisvestingstempo (0,10–5)"),
        low="0.1", high="5",
    )  # fmt: skip
    onzekerheid = _factor(
        _("Onzekerheidsfactor"),
        _("schaalt alle spreiding; 0 = geen onzekerheid, alleen het rekenmodel (0–3)"),
        low="0", high="3",
    )  # fmt: skip

    def order_percentile(self) -> float:
        """The chosen percentile for the order-up-to policy, as a share (0.90)."""
        chosen = self.cleaned_data.get("percentiel")
        return DEFAULT_ORDER_PERCENTILE if chosen is None else chosen / 100

    def base(self, available: Mapping[str, Scenario] = SCENARIOS) -> Scenario:
        """The chosen scenario among those ``available`` from the origin (KeyError when an
        official scenario was not yet published then)."""
        return available[self.cleaned_data.get("scenario") or "midden"]

    def chosen_scenario(self, available: Mapping[str, Scenario] = SCENARIOS) -> Scenario:
        """The named scenario, or a copy with the edited factors ("eigen")."""
        base = self.base(available)
        data: dict[str, Any] = self.cleaned_data
        inflow = _or(data.get("instroom"), base.inflow_factor)
        housing = _or(data.get("huisvesting"), base.housing_factor)
        spread = _or(data.get("onzekerheid"), base.level_uncertainty)
        if (inflow, housing, spread) == (
            base.inflow_factor,
            base.housing_factor,
            base.level_uncertainty,
        ):
            return base
        shown = ", ".join(
            f"{name} × {factor_text(value)}"
            for name, value in (("instroom", inflow), ("huisvesting", housing),
                                ("onzekerheid", spread))
        )  # fmt: skip
        return base.replace(
            name="eigen",
            label=f"eigen variant van {base.label}",
            inflow_factor=inflow,
            housing_factor=housing,
            level_uncertainty=spread,
            noise_uncertainty=spread,
            province_uncertainty=spread,
            description=f"kopie van {base.label} met {shown}",
        )


def _or(value: Decimal | None, default: float) -> float:
    return default if value is None else float(value)


def factor_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
