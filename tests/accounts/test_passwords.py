"""Every password rule answers in Dutch, as the rest of the admin does."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


def test_a_short_password_is_refused_in_dutch() -> None:
    """Django 5.2's own text was untranslated: "This password is too short…"."""
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_password("kort")
    assert "Dit wachtwoord is te kort: gebruik minstens 8 tekens." in refused.value.messages
    assert not any("password" in message for message in refused.value.messages)
