"""Every model of regietafel has a Dutch name and its own text."""

from __future__ import annotations


def test_every_model_has_a_dutch_name_and_its_own_text() -> None:
    """Model names show in the admin (permissions, deletions) and ``str`` in the audit trail:
    a model without them showed "login failure" and "AgreementUpdate object (22)"."""
    from django.apps import apps
    from django.db import models

    missing = [
        f"{model._meta.label}: {what}"
        for model in apps.get_models()
        if model.__module__.startswith("regietafel.")
        for what, ok in (
            ("verbose_name", "verbose_name" in model._meta.original_attrs),
            ("verbose_name_plural", "verbose_name_plural" in model._meta.original_attrs),
            ("__str__", model.__str__ is not models.Model.__str__),
        )
        if not ok
    ]
    assert not missing
