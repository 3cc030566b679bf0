"""The "Meldingen" page: a logged-in user chooses which weekly reports come by e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.models import User
from regietafel.meldingen.forms import SubscriptionForm
from regietafel.meldingen.selectors import subscription_of
from regietafel.meldingen.services import subscription_set


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User) or not access.can_view(user):
        raise PermissionDenied
    province = access.own_province(user)
    province_name = reference.province(province).name if province else None
    current = subscription_of(user)
    form = SubscriptionForm(
        # An empty POST is a valid choice (both boxes off), so bind on the method.
        request.POST if request.method == "POST" else None,
        province_name=province_name,
        initial={"national": current.national, "own_province": current.own_province},
    )
    if request.method == "POST" and form.is_valid():
        subscription_set(
            actor=user,
            user=user,
            national=form.cleaned_data["national"],
            own_province=form.cleaned_data.get("own_province", False),
        )
        messages.success(request, _("Uw keuze voor meldingen is opgeslagen."))
        return redirect("meldingen")
    return render(
        request,
        "meldingen/instellingen.html",
        {"form": form, "email": user.email, "feeds": _feeds(province, province_name)},
    )


def _feeds(province: str | None, province_name: str | None) -> list[tuple[str, str]]:
    """The Atom feeds this user may read: the national one, and the own province's."""
    from django.urls import reverse

    feeds = [(_("Landelijk weekrapport"), reverse("rapport-feed", args=["landelijk"]))]
    if province and province_name:
        feeds.append(
            (
                _("Weekrapport %(name)s") % {"name": province_name},
                reverse("rapport-feed", args=[reference.province_slug(province)]),
            )
        )
    return feeds
