"""Render an :class:`EvaluationResult` as JSON, CSV, Markdown or a self-contained HTML page."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence

from imvo.core.obligations.engine import Change, value_label, value_text
from imvo.core.obligations.model import EvaluationResult, RuleOutcome, ValueUsed

# The headings of the Markdown and HTML renderings; reasons come from the engine's coded reasons.
HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Obligations on {date}",
        "intro": (
            "Rule set {version}, facts {facts}. Not legal advice: every verdict cites its source; check it."
        ),
        "law": "Status of the law",
        "missing": "Missing",
        "readiness": "Readiness",
        "ready": "ready",
        "missing_items": "missing",
        "outline": "Article 7 annual report outline, {year}",
        "changes": "Changes since the previous result",
        "values": "Values not verified against the legal text",
    },
    "nl": {
        "title": "Verplichtingen op {date}",
        "intro": (
            "Regelset {version}, feiten {facts}. Geen juridisch advies: elk oordeel noemt zijn bron; "
            "controleer die."
        ),
        "law": "Status van de wet",
        "missing": "Ontbreekt",
        "readiness": "Gereedheid",
        "ready": "gereed",
        "missing_items": "ontbreekt",
        "outline": "Opzet jaarverslag artikel 7, {year}",
        "changes": "Wijzigingen sinds het vorige resultaat",
        "values": "Waarden die niet aan de wettekst zijn getoetst",
    },
}

STATUS_LABELS = {
    "applies": ("applies", "van toepassing"),
    "does_not_apply": ("does not apply", "niet van toepassing"),
    "not_yet_in_force": ("not yet in force", "nog niet in werking"),
    "cannot_decide": ("cannot decide", "niet te bepalen"),
    "probably_applies": (
        "probably applies (provisional, not verified)",
        "waarschijnlijk van toepassing (voorlopig, niet geverifieerd)",
    ),
    "probably_does_not_apply": (
        "probably does not apply (provisional, not verified)",
        "waarschijnlijk niet van toepassing (voorlopig, niet geverifieerd)",
    ),
    "probably_not_yet_in_force": (
        "probably not yet in force (provisional, not verified)",
        "waarschijnlijk nog niet in werking (voorlopig, niet geverifieerd)",
    ),
}

#: How a value that is not verified is marked, per basis.
BASIS_LABELS = {
    "provisional": ("provisional, reported by", "voorlopig, gemeld door"),
    "operator": (
        "set by this installation's administrators from",
        "vastgesteld door de beheerders op basis van",
    ),
}


def value_line(value: ValueUsed, language: str) -> str:
    """A value the outcome rests on that is not verified, with its basis and source, in ``language``."""
    dutch = language == "nl"
    en, nl = BASIS_LABELS.get(value.basis, (value.basis, value.basis))
    text = (
        f"{value_label(value.name).text(language)}: {value_text(value.value, value.unit)} "
        f"({nl if dutch else en} {value.sources})"
    )
    if value.operator is not None and value.operator.overrides_verified:
        shipped = value_text(value.operator.replaced_value, value.unit)
        text += (
            f" — vervangt de geverifieerde waarde {shipped} die imvo meelevert"
            if dutch
            else f" — overrides the verified value {shipped} shipped with imvo"
        )
    return text


def unverified_values(outcome: RuleOutcome) -> list[ValueUsed]:
    return [value for value in outcome.values_used if value.basis in ("provisional", "operator")]


def render_json(result: EvaluationResult, changes: Sequence[Change] = ()) -> str:
    data = result.to_dict()
    if changes:
        data["changes"] = [c.to_dict() for c in changes]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_csv(result: EvaluationResult, language: str = "en") -> str:
    """One row per rule outcome and obligation; cells starting with =+-@ are defused (formula injection).

    The reasons are in ``language``; both obligation texts are always present.
    """
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
            "values_not_verified",
        ]
    )
    for outcome in result.outcomes:
        base = [
            result.as_of.isoformat(),
            outcome.rule_id,
            outcome.status,
            " | ".join(outcome.reasons_in(language)),
            " | ".join(outcome.missing),
        ]
        values = " | ".join(value_line(value, language) for value in unverified_values(outcome))
        rows = [
            [
                o.id,
                o.article,
                o.en,
                o.nl,
                o.deadline.isoformat() if o.deadline else o.deadline_note_in(language),
            ]
            for o in outcome.obligations
        ] or [["", "", "", "", ""]]
        for row in rows:
            writer.writerow([_safe_cell(cell) for cell in [*base, *row, values]])
    return buffer.getvalue()


def _safe_cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_markdown(result: EvaluationResult, changes: Sequence[Change] = (), language: str = "en") -> str:
    """The result as Markdown, with titles, reasons and headings in ``language`` ("nl" or "en")."""
    nl = language == "nl"
    words = HEADINGS["nl" if nl else "en"]
    lines = [
        "# " + words["title"].format(date=result.as_of.isoformat()),
        "",
        words["intro"].format(version=result.ruleset_version, facts=result.facts_hash),
        "",
    ]
    for outcome in result.outcomes:
        en, nl_label = STATUS_LABELS[outcome.status]
        title = outcome.title_nl if nl else outcome.title_en
        lines += [
            f"## {title} — **{nl_label if nl else en}** / {en if nl else nl_label}",
            "",
            f"*{outcome.instrument}* ({outcome.reference}) <{outcome.url}>",
            "",
            f"{words['law']}: {outcome.legal_status_in(language)}",
            "",
        ]
        lines += [f"- {reason}" for reason in outcome.reasons_in(language)]
        if outcome.missing:
            lines += ["", f"{words['missing']}: " + ", ".join(outcome.missing)]
        if unverified_values(outcome):
            lines += [
                "",
                f"{words['values']}:",
                *[f"- {value_line(v, language)}" for v in unverified_values(outcome)],
            ]
        if outcome.obligations:
            lines += [
                "",
                "| article | obligation (EN) | verplichting (NL) | deadline |",
                "| --- | --- | --- | --- |",
            ]
            for o in outcome.obligations:
                due = o.deadline.isoformat() if o.deadline else o.deadline_note_in(language)
                lines.append(f"| {o.article} | {o.en} | {o.nl} | {due} |")
        readiness = outcome.details.get("readiness")
        if isinstance(readiness, dict) and outcome.status == "applies":
            lines += [
                "",
                f"{words['readiness']}: "
                + (
                    words["ready"]
                    if readiness["ready"]
                    else f"{words['missing_items']}: "
                    + "; ".join(str(m["nl" if nl else "en"]) for m in readiness["missing"])
                ),
            ]
        for year, sections in dict(outcome.details.get("annual_reports", {})).items():
            lines += ["", "### " + words["outline"].format(year=year)]
            for section in sections:
                title = section.get("title_nl", section["title"]) if nl else section["title"]
                items = section.get("items_nl", section["items"]) if nl else section["items"]
                lines += ["", f"**{title}**", *[f"- {item}" for item in items]]
        lines.append("")
    if changes:
        lines += [f"## {words['changes']}", "", *[f"- {c.describe()}" for c in changes], ""]
    return "\n".join(lines)


def render_html(result: EvaluationResult, changes: Sequence[Change] = (), language: str = "en") -> str:
    """A self-contained page (no scripts, no external assets); titles and reasons in ``language``."""
    dutch = language == "nl"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"nl" if dutch else "en"}"><head><meta charset="utf-8">',
        f"<title>Obligations {html.escape(result.as_of.isoformat())}</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem;vertical-align:top}"
        ".applies{color:#a00}.cannot_decide{color:#a60}"
        ".probably_applies,.probably_does_not_apply,.probably_not_yet_in_force{color:#555;"
        "border:1px dashed #555;padding:0 .2rem}</style></head><body>",
        f"<h1>Obligations on {html.escape(result.as_of.isoformat())}</h1>",
        f"<p>Rule set {html.escape(result.ruleset_version)}, facts {html.escape(result.facts_hash)}.</p>",
    ]
    for outcome in result.outcomes:
        en, nl = STATUS_LABELS[outcome.status]
        parts += [
            f'<section id="{html.escape(outcome.rule_id)}">'
            f"<h2>{html.escape(outcome.title_nl if dutch else outcome.title_en)} — "
            f'<span class="{outcome.status}">{en} / {nl}</span></h2>',
            f'<p><a href="{html.escape(outcome.url)}">{html.escape(outcome.instrument)}</a> '
            f"({html.escape(outcome.reference)})</p>",
            f"<p>{html.escape(outcome.legal_status_in(language))}</p><ul>",
            *[f"<li>{html.escape(r)}</li>" for r in outcome.reasons_in(language)],
            "</ul>",
        ]
        if unverified_values(outcome):
            parts += [
                f"<p>{html.escape(HEADINGS['nl' if dutch else 'en']['values'])}:</p><ul>",
                *[f"<li>{html.escape(value_line(v, language))}</li>" for v in unverified_values(outcome)],
                "</ul>",
            ]
        if outcome.obligations:
            parts.append(
                "<table><tr><th>article</th><th>obligation</th><th>verplichting</th><th>deadline</th></tr>"
            )
            for o in outcome.obligations:
                due = o.deadline.isoformat() if o.deadline else o.deadline_note_in(language)
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
