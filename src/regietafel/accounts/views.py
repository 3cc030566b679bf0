"""Log-in and log-out; the throttling rule lives in accounts.services."""

from __future__ import annotations

from django import forms
from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from regietafel.accounts.services import (
    LOGIN_THROTTLED,
    WRONG_CREDENTIALS,
    LoginThrottledError,
    login_attempt,
)


class LoginForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Gebruikersnaam"), max_length=150)
    password = forms.CharField(
        label=gettext_lazy("Wachtwoord"), strip=False, widget=forms.PasswordInput
    )


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    error = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = login_attempt(
                request=request,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except LoginThrottledError:
            user = None
            error = str(LOGIN_THROTTLED)
            status = 429
        else:
            if user is None:
                error = str(WRONG_CREDENTIALS)
                status = 401
        if user is not None:
            login(request, user)
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
                target = ""
            return redirect(target or "home")
    return render(request, "accounts/login.html", {"form": form, "error": error}, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("login")
