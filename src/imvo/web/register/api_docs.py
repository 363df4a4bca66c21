"""The API reference page (``/api-reference/``): every endpoint of the OpenAPI schema rendered on the server,
with its parameters, its response fields and an example ``curl`` call, in the reader's language.

Ninja's own docs page loads Swagger UI with an inline configuration the Content-Security-Policy
forbids, and its texts are English only; this page needs no script at all. What each endpoint does is
said in :data:`ENDPOINT_TEXTS` (translated); field names, paths and values are the API's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from imvo.web.site import site_url

PREFIX = "/api/v1"

#: What each endpoint does, by "METHOD path" (a test checks every endpoint of the schema has one).
ENDPOINT_TEXTS: dict[str, Promise] = {
    "GET /suppliers": gettext_lazy("The suppliers on the list now, or those the list of one scan named."),
    "GET /scans": gettext_lazy("The scans of supplier lists, newest first."),
    "GET /scans/{scan_id}": gettext_lazy("One scan."),
    "GET /risks": gettext_lazy("The risk register, most salient first, with the evidence of each risk."),
    "GET /risks/{risk_id}": gettext_lazy("One risk with its evidence."),
    "GET /measures": gettext_lazy("The measures against the risks."),
    "GET /measures/{measure_id}": gettext_lazy("One measure."),
    "PATCH /measures/{measure_id}": gettext_lazy(
        "Change a measure (a token with an editing role; recorded in the audit trail)."
    ),
    "POST /risks/{risk_id}/measures": gettext_lazy(
        "Add a measure to a risk (a token with an editing role; recorded in the audit trail)."
    ),
    "GET /policies": gettext_lazy("Step 1: the policies, most recently adopted first."),
    "GET /policies/{policy_id}": gettext_lazy("One policy."),
    "GET /judgements": gettext_lazy(
        "Step 2: the recorded severity judgements and their reasons, of every risk or of one."
    ),
    "GET /indicators": gettext_lazy("Step 4: the indicators of the measures, of every measure or of one."),
    "GET /follow-ups": gettext_lazy(
        "Step 4: audits, site visits and KPI measurements, planned and done, of every measure or of one."
    ),
    "GET /follow-ups/{follow_up_id}": gettext_lazy("One follow-up."),
    "GET /engagements": gettext_lazy("Stakeholder engagements: who was consulted, when, and the outcome."),
    "GET /engagements/{engagement_id}": gettext_lazy("One stakeholder engagement."),
    "GET /remediation": gettext_lazy("Step 6: the remediation provided for the risks."),
    "GET /remediation/{remediation_id}": gettext_lazy("One remediation record."),
    "GET /reports": gettext_lazy("Step 5: the published versions of the public report and their addresses."),
    "GET /reports/{version}": gettext_lazy("One published version of the report, by its number."),
    "GET /grievances/mechanisms": gettext_lazy("The grievance mechanisms and how many cases each received."),
    "GET /grievances/cases": gettext_lazy(
        "The grievance cases (tokens of editors and owners, as in the web): phase, deadlines, theme, "
        "country and outcome — never who complained or what they wrote. The phase “open” gives every "
        "case not closed."
    ),
    "GET /grievances/cases/{case_id}": gettext_lazy(
        "One grievance case, without anything about the complainant."
    ),
    "GET /obligations": gettext_lazy(
        "Which laws apply on a date (today when left out), why, and which facts are missing."
    ),
    "GET /monitoring/companies": gettext_lazy(
        "A monitor's population, with each sector code's name in Dutch and English."
    ),
    "GET /monitoring/rounds": gettext_lazy("A monitor's measurement rounds."),
    "GET /monitoring/figures": gettext_lazy("A monitor's figures of every round, as on its dashboard."),
}

LOCATIONS = {"path": gettext_lazy("in the path"), "query": gettext_lazy("in the query string")}
PAGE_PARAMETERS = {"limit", "offset"}


@dataclass(frozen=True)
class Row:
    """A parameter or a response field: its name, its type in words, and whether it may be empty."""

    name: str
    type: str
    required: bool = False
    where: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    anchor: str
    text: str
    parameters: list[Row]
    body: list[Row]
    fields: list[Row]
    paginated: bool
    curl: str
    statuses: list[str] = field(default_factory=list)


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _scalar_words(schema: dict[str, Any]) -> str:
    if "const" in schema or "enum" in schema:
        return _("one of")  # the values themselves: allowed_values(), shown as code
    formats = {"date": _("date (YYYY-MM-DD)"), "date-time": _("date and time (ISO 8601)")}
    if schema.get("format") in formats:
        return formats[schema["format"]]
    types = {
        "integer": _("whole number"),
        "number": _("number"),
        "string": _("text"),
        "boolean": _("true or false"),
        "object": _("object"),
    }
    return types.get(schema.get("type", ""), _("any value"))


def type_words(schema: dict[str, Any], components: dict[str, Any]) -> tuple[str, bool]:
    """The type of ``schema`` in words, and whether it may be empty (null)."""
    schema = _resolve(schema, components)
    if "anyOf" in schema:
        options = [_resolve(option, components) for option in schema["anyOf"]]
        nullable = any(option.get("type") == "null" for option in options)
        words = [type_words(option, components)[0] for option in options if option.get("type") != "null"]
        return _(" or ").join(dict.fromkeys(words)), nullable
    if schema.get("type") == "array":
        item = _resolve(schema.get("items", {}), components)
        return _("list of %(items)s") % {"items": type_words(item, components)[0]}, False
    if schema.get("type") == "object" and "properties" in schema:
        return _("object"), False
    return _scalar_words(schema), False


def allowed_values(schema: dict[str, Any], components: dict[str, Any]) -> tuple[str, ...]:
    """The values an enumerated parameter or field takes (empty when any value of its type may)."""
    schema = _resolve(schema, components)
    if "const" in schema:
        return (str(schema["const"]),)
    if "enum" in schema:
        return tuple(str(value) for value in schema["enum"])
    return tuple(value for option in schema.get("anyOf", ()) for value in allowed_values(option, components))


def _fields(schema: dict[str, Any], components: dict[str, Any]) -> list[Row]:
    schema = _resolve(schema, components)
    required = set(schema.get("required", ()))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        words, nullable = type_words(prop, components)
        values = allowed_values(prop, components)
        rows.append(Row(name, words, required=name in required and not nullable, values=values))
    return rows


def _responses(operation: dict[str, Any]) -> dict[str, Any]:
    # Ninja keys the responses by int, the JSON text by string: both read the same here.
    return {str(status): response for status, response in operation.get("responses", {}).items()}


def _response_schema(operation: dict[str, Any]) -> dict[str, Any]:
    for status in ("200", "201"):
        content = _responses(operation).get(status, {}).get("content", {})
        if "application/json" in content:
            return dict(content["application/json"]["schema"])
    return {}


def _page_item(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any] | None:
    """The item schema of a page (``{"items": [...], "count": n}``), None when not a page."""
    resolved = _resolve(schema, components)
    properties = resolved.get("properties", {})
    if set(properties) == {"items", "count"}:
        return dict(properties["items"].get("items", {}))
    return None


def _parameters(operation: dict[str, Any], components: dict[str, Any]) -> list[Row]:
    rows = []
    for parameter in operation.get("parameters", ()):
        schema = parameter.get("schema", {})
        words, _nullable = type_words(schema, components)
        rows.append(
            Row(
                parameter["name"],
                words,
                required=bool(parameter.get("required")),
                where=str(LOCATIONS.get(parameter["in"], parameter["in"])),
                values=allowed_values(schema, components),
            )
        )
    return rows


def _curl(method: str, path: str, base: str, has_body: bool) -> str:
    url = base + PREFIX + path.replace("{", "<").replace("}", ">")
    parts = ["curl"]
    if method != "GET":
        parts.append(f"-X {method}")
    parts.append('-H "Authorization: Bearer $IMVO_TOKEN"')
    if has_body:
        parts += ['-H "Content-Type: application/json"', "-d '{…}'"]
    parts.append(f'"{url}"')
    return " ".join(parts)


def endpoints(schema: dict[str, Any], base: str) -> list[Endpoint]:
    """Every operation of the OpenAPI ``schema`` as a documented endpoint, grouped by path."""
    components = schema.get("components", {}).get("schemas", {})
    found = []
    for full_path, operations in schema["paths"].items():
        path = full_path.removeprefix(PREFIX)
        for method, operation in operations.items():
            key = f"{method.upper()} {path}"
            response = _response_schema(operation)
            item = _page_item(response, components)
            body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            found.append(
                Endpoint(
                    method=method.upper(),
                    path=PREFIX + path,
                    anchor=re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-"),
                    text=str(ENDPOINT_TEXTS.get(key, operation.get("description", ""))),
                    parameters=[
                        row for row in _parameters(operation, components) if row.name not in PAGE_PARAMETERS
                    ],
                    body=_fields(body_schema.get("schema", {}), components) if body_schema else [],
                    fields=_fields(item if item is not None else response, components),
                    paginated=item is not None,
                    curl=_curl(method.upper(), path, base, bool(body_schema)),
                    statuses=sorted(_responses(operation)),
                )
            )
    return found


@require_GET
def api_docs_view(request: HttpRequest) -> HttpResponse:
    """The API reference, for anyone (like the OpenAPI schema it is made from)."""
    from imvo.web.register.api import api

    schema = api.get_openapi_schema(path_prefix=PREFIX + "/")
    context = {
        "endpoints": endpoints(schema, site_url()),
        "schema_url": PREFIX + "/openapi.json",
    }
    return render(request, "register/api_docs.html", context)


api_docs_view.public_view = True  # type: ignore[attr-defined]  # read by the permission test
