"""Render an :class:`EvaluationResult` as JSON, CSV, Markdown or a self-contained HTML page."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence

from imvo.core.obligations.engine import Change
from imvo.core.obligations.model import EvaluationResult

STATUS_LABELS = {
    "applies": ("applies", "van toepassing"),
    "does_not_apply": ("does not apply", "niet van toepassing"),
    "not_yet_in_force": ("not yet in force", "nog niet in werking"),
    "cannot_decide": ("cannot decide", "niet te bepalen"),
}


def render_json(result: EvaluationResult, changes: Sequence[Change] = ()) -> str:
    data = result.to_dict()
    if changes:
        data["changes"] = [c.to_dict() for c in changes]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_csv(result: EvaluationResult) -> str:
    """One row per rule outcome and obligation; cells starting with =+-@ are defused (formula injection)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "as_of",
            "rule_id",
            "status",
            "reasons",
            "missing",
            "obligation_id",
            "article",
            "obligation_en",
            "obligation_nl",
            "deadline",
        ]
    )
    for outcome in result.outcomes:
        base = [
            result.as_of.isoformat(),
            outcome.rule_id,
            outcome.status,
            " | ".join(outcome.reasons),
            " | ".join(outcome.missing),
        ]
        rows = [
            [o.id, o.article, o.en, o.nl, o.deadline.isoformat() if o.deadline else o.deadline_note]
            for o in outcome.obligations
        ] or [["", "", "", "", ""]]
        for row in rows:
            writer.writerow([_safe_cell(cell) for cell in base + row])
    return buffer.getvalue()


def _safe_cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_markdown(result: EvaluationResult, changes: Sequence[Change] = ()) -> str:
    lines = [
        f"# Obligations on {result.as_of.isoformat()}",
        "",
        f"Rule set {result.ruleset_version}, facts {result.facts_hash}. Not legal advice: every verdict "
        "cites its source; check it.",
        "",
    ]
    for outcome in result.outcomes:
        en, nl = STATUS_LABELS[outcome.status]
        lines += [
            f"## {outcome.title_en} — **{en}** / {nl}",
            "",
            f"*{outcome.instrument}* ({outcome.reference}) <{outcome.url}>",
            "",
            f"Status of the law: {outcome.legal_status}",
            "",
        ]
        lines += [f"- {reason}" for reason in outcome.reasons]
        if outcome.missing:
            lines += ["", "Missing: " + ", ".join(outcome.missing)]
        if outcome.obligations:
            lines += [
                "",
                "| article | obligation (EN) | verplichting (NL) | deadline |",
                "| --- | --- | --- | --- |",
            ]
            for o in outcome.obligations:
                due = o.deadline.isoformat() if o.deadline else o.deadline_note
                lines.append(f"| {o.article} | {o.en} | {o.nl} | {due} |")
        readiness = outcome.details.get("readiness")
        if isinstance(readiness, dict) and outcome.status == "applies":
            lines += [
                "",
                "Readiness: "
                + (
                    "ready"
                    if readiness["ready"]
                    else "missing: " + "; ".join(m["en"] for m in readiness["missing"])
                ),
            ]
        for year, sections in dict(outcome.details.get("annual_reports", {})).items():
            lines += ["", f"### Article 7 annual report outline, {year}"]
            for section in sections:
                lines += ["", f"**{section['title']}**", *[f"- {item}" for item in section["items"]]]
        lines.append("")
    if changes:
        lines += ["## Changes since the previous result", "", *[f"- {c.describe()}" for c in changes], ""]
    return "\n".join(lines)


def render_html(result: EvaluationResult, changes: Sequence[Change] = ()) -> str:
    """A self-contained page (no scripts, no external assets)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Obligations {html.escape(result.as_of.isoformat())}</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem;vertical-align:top}"
        ".applies{color:#a00}.cannot_decide{color:#a60}</style></head><body>",
        f"<h1>Obligations on {html.escape(result.as_of.isoformat())}</h1>",
        f"<p>Rule set {html.escape(result.ruleset_version)}, facts {html.escape(result.facts_hash)}.</p>",
    ]
    for outcome in result.outcomes:
        en, nl = STATUS_LABELS[outcome.status]
        parts += [
            f'<section id="{html.escape(outcome.rule_id)}"><h2>{html.escape(outcome.title_en)} — '
            f'<span class="{outcome.status}">{en} / {nl}</span></h2>',
            f'<p><a href="{html.escape(outcome.url)}">{html.escape(outcome.instrument)}</a> '
            f"({html.escape(outcome.reference)})</p>",
            f"<p>{html.escape(outcome.legal_status)}</p><ul>",
            *[f"<li>{html.escape(r)}</li>" for r in outcome.reasons],
            "</ul>",
        ]
        if outcome.obligations:
            parts.append(
                "<table><tr><th>article</th><th>obligation</th><th>verplichting</th><th>deadline</th></tr>"
            )
            for o in outcome.obligations:
                due = o.deadline.isoformat() if o.deadline else o.deadline_note
                parts.append(
                    f'<tr id="{html.escape(o.id)}"><td>{html.escape(o.article)}</td>'
                    f"<td>{html.escape(o.en)}</td><td>{html.escape(o.nl)}</td><td>{html.escape(due)}</td></tr>"
                )
            parts.append("</table>")
        parts.append("</section>")
    if changes:
        parts += [
            "<h2>Changes</h2><ul>",
            *[f"<li>{html.escape(c.describe())}</li>" for c in changes],
            "</ul>",
        ]
    parts.append("</body></html>\n")
    return "\n".join(parts)
