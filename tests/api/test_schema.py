"""The OpenAPI schema (``/api/schema/``) says what the API answers, in Dutch.

The figure endpoints were free objects with only ``gegevens``/``reden``; their real shapes
(``api.shapes``) are held equal to real answers here, field by field and by type, so the
schema and the code cannot drift. Every operation documents its errors with their body,
and no English docstring reaches the schema.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.urls import resolve
from drf_spectacular.checks import schema_check
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema

from tests.opvangbeeld.factories import STANDARD, Loc, make_register

pytestmark = pytest.mark.django_db

Client = Callable[[str | None], Any]
Schema = dict[str, Any]


@pytest.fixture
def schema(client_as: Client) -> Schema:
    response = client_as("landelijk").get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    document: Schema = response.json()
    return document


def test_the_schema_generates_without_warnings_and_is_valid_openapi(schema: Schema) -> None:
    """drf-spectacular's own check (``manage.py check --deploy``) and its validator."""
    GENERATOR_STATS.reset()
    assert schema_check(None) == []
    validate_schema(schema)


def _operations(schema: Schema) -> Iterator[tuple[str, Schema]]:
    for path, methods in schema["paths"].items():
        yield path, methods["get"]


def test_every_operation_has_a_dutch_summary_and_its_errors(schema: Schema) -> None:
    assert len(schema["paths"]) == 18
    for path, operation in _operations(schema):
        assert operation["summary"], path
        assert operation["description"], path
        answers = operation["responses"]
        assert {"200", "400", "401", "403", "429"} <= set(answers), path
        for code in ("400", "401", "403", "429"):
            body = answers[code]["content"]["application/json"]["schema"]["$ref"]
            expected = "ParameterError" if code == "400" else "Error"
            assert body == f"#/components/schemas/{expected}", (path, code)
            assert answers[code]["description"], (path, code)
        assert "WWW-Authenticate" in answers["401"]["headers"], path
        # A 404 where the endpoint gives one: an object by its path, or no register.
        expects_404 = "{" in path or path == "/api/v1/verdeling/"
        assert ("404" in answers) is expects_404, path
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["detail"]
    assert error["properties"]["detail"]["type"] == "string"
    parameter_error = schema["components"]["schemas"]["ParameterError"]
    assert parameter_error["additionalProperties"]["items"] == {"type": "string"}


def test_no_english_docstring_reaches_the_schema(schema: Schema) -> None:
    """kerncijfers/ and prognose/ were described by their English docstrings, two
    serializers' components too."""
    from regietafel.afspraken import api as agreements_api
    from regietafel.api import openapi, serializers, shapes

    docstrings = set()
    for module in (serializers, shapes, agreements_api, openapi):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and cls.__doc__:
                docstrings.add(inspect.cleandoc(cls.__doc__))
    for path in schema["paths"]:
        view = resolve(path.replace("{", "").replace("}", "")).func
        for owner in (view, getattr(view, "view_class", None), getattr(view, "cls", None)):
            if owner is not None and owner.__doc__:
                docstrings.add(inspect.cleandoc(owner.__doc__))
            method = getattr(owner, "get", None)
            if method is not None and method.__doc__:
                docstrings.add(inspect.cleandoc(method.__doc__))
    leaked = sorted(text for text in _descriptions(schema) if text in docstrings)
    assert not leaked


def _descriptions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"description", "summary"} and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _descriptions(value)


# The shapes of the figure endpoints against real answers.

TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


class ShapeCheck:
    """Walks an answer along its schema: every key documented, every required key there,
    every value of its type (null only where nullable); and remembers which documented
    fields an answer had, so that together the answers show every documented field."""

    def __init__(self, schema: Schema) -> None:
        self.components = schema["components"]["schemas"]
        self.documented: set[tuple[str, str]] = set()
        self.seen: set[tuple[str, str]] = set()
        self.errors: list[str] = []

    def _resolve(self, node: Schema) -> tuple[str, Schema]:
        if "allOf" in node and len(node["allOf"]) == 1:  # a $ref with its own description
            return self._resolve(node["allOf"][0])
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            return name, self.components[name]
        return "", node

    def check(self, node: Schema, value: Any, where: str) -> None:
        name, node = self._resolve(node)
        if value is None:
            if not node.get("nullable"):
                self.errors.append(f"{where}: null, not nullable in the schema")
            return
        kind = node.get("type", "object")
        if not isinstance(value, TYPES[kind]) or (kind != "boolean" and isinstance(value, bool)):
            self.errors.append(f"{where}: {value!r} is no {kind}")
            return
        if kind == "array":
            for index, item in enumerate(value):
                self.check(node["items"], item, f"{where}[{index}]")
        elif kind == "object":
            properties = node.get("properties", {})
            self.documented |= {(name or where, key) for key in properties}
            self.seen |= {(name or where, key) for key in value if key in properties}
            missing = set(node.get("required", ())) - set(value)
            undocumented = set(value) - set(properties)
            if missing or undocumented:
                self.errors.append(f"{where}: missing {missing}, undocumented {undocumented}")
            for key in set(value) & set(properties):
                self.check(properties[key], value[key], f"{where}.{key}")

    def answer(self, schema: Schema, path: str, body: Any) -> None:
        answer = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        self.check(answer["schema"], body, path)


CLOSING = [
    *STANDARD,
    # Temporary without successor, closing after the half year: "sluitingen_later".
    Loc("E", "PV27", "GM0363", "noodopvang", 100, 90, date(2021, 6, 1), date(2022, 12, 31)),
]


@pytest.fixture
def week45(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard register of 2021-W45 with a later closure, and one running target: every
    table of every figure endpoint has at least one row."""
    from regietafel.doelen.models import Target
    from regietafel.opvangprognose import selectors
    from regietafel.prognose import cache as runs

    monkeypatch.setattr(runs, "WEB_PATHS", 500)
    selectors.cache_clear()
    make_register("2021-W45", CLOSING)
    Target.objects.create(
        title="600 extra", category="regulier", unit="places", quantity=600,
        start=date(2021, 10, 1), deadline=date(2021, 12, 1),
    )  # fmt: skip


FIGURE_ANSWERS = {
    "/api/v1/kerncijfers/": [{"week": "2021-W45"}, {"week": "2021-W45", "scope": "PV27"}],
    "/api/v1/opvangbeeld/": [{"week": "2021-W45"}, {"week": "2021-W45", "provincie": "PV20"}],
    "/api/v1/boodschappenlijst/": [{"week": "2021-W45"}, {"week": "2021-W45", "scope": "PV20"}],
    "/api/v1/verdeling/": [{"week": "2021-W45"}],
    # Nationally with the status holders' bands, in a province without them.
    "/api/v1/prognose/": [{"week": "2021-W45"}, {"week": "2021-W45", "provincie": "PV27"}],
}
"""Per figure endpoint the questions whose answers together show every documented field."""


@pytest.mark.parametrize("path", FIGURE_ANSWERS)
def test_the_schema_of_a_figure_endpoint_is_its_answer(
    path: str, schema: Schema, week45: None, client_as: Client
) -> None:
    check = ShapeCheck(schema)
    client = client_as("coa")  # sees every number: no afgeschermd start for the forecast
    for query in FIGURE_ANSWERS[path]:
        response = client.get(path, query)
        assert response.status_code == 200, response.content
        check.answer(schema, path, response.json())
    assert not check.errors
    assert check.documented - check.seen == set()
    assert len(check.documented) > 5  # the walk reached the nested rows


def test_the_shape_check_can_fail(schema: Schema) -> None:
    """An undocumented key, a missing one, a wrong type and an unexpected null are found."""
    check = ShapeCheck(schema)
    body = {
        "week": "2021-W45",
        "totaal": "347",  # text, not an integer
        "provincies": [{"code": "PV20", "naam": None, "nieuw": 1}],  # naam not nullable
    }
    check.answer(schema, "/api/v1/verdeling/", body)
    assert any("'347' is no integer" in error for error in check.errors)
    assert any("naam: null" in error for error in check.errors)
    assert any("undocumented {'nieuw'}" in error for error in check.errors)
    assert any("missing" in error and "'extra'" in error for error in check.errors)
