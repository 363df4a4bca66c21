"""SVG charts drawn in Python: no JavaScript, readable without styles, accessible (title + desc).

``link`` callbacks turn every bar or point into a link to the assessments behind it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

from imvo.core.monitoring.figures import Figure, ReferencePoint

BAR_COLOUR = "#1f5f8b"
REFERENCE_COLOUR = "#8a5a00"
TARGET_COLOUR = "#b00020"
TEXT_COLOUR = "#1a1a1a"
FONT = "font-family='system-ui, sans-serif' font-size='12'"


@dataclass(frozen=True)
class ChartWords:
    """The few words drawn inside charts, so a caller can translate them."""

    target: str = "target"
    measured: str = "measured"
    reference: str = "reference"
    reference_series: str = "reference series"
    of: str = "of"


ENGLISH = ChartWords()


@dataclass(frozen=True)
class Bar:
    label: str
    share: float
    detail: str = ""
    low: float | None = None
    high: float | None = None
    href: str | None = None


# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/U+FFFF): labels
# come from user files, and one such character would make the whole SVG unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    return _xml_escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return _xml_quoteattr(_NOT_XML.sub("", text))


def _chart_id(kind: str, title: str) -> str:
    # Several charts share a page: their <title>/<desc> ids must differ, and stay stable for tests.
    return f"{kind}-{hashlib.sha1(title.encode('utf-8'), usedforsecurity=False).hexdigest()[:10]}"


def _percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def _wrap_link(element: str, href: str | None, label: str) -> str:
    if not href:
        return element
    return f"<a href={quoteattr(href)} aria-label={quoteattr(label)}>{element}</a>"


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    target: float | None = None,
    width: int = 720,
    label_width: int = 230,
    words: ChartWords = ENGLISH,
) -> str:
    """Horizontal bars of shares (0-1) with optional 95 % whiskers and a dashed target line."""
    row = 26
    top = 34
    height = top + row * max(1, len(bars)) + 24
    plot = width - label_width - 110  # room for "100 % (1234/1234)" after a full bar
    ident = _chart_id("bar", title)
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {FONT} aria-labelledby='{ident}-t {ident}-d'>",
        f"<title id='{ident}-t'>{escape(title)}</title>",
        f"<desc id='{ident}-d'>"
        + escape("; ".join(f"{bar.label}: {_percent(bar.share)} {bar.detail}".strip() for bar in bars))
        + "</desc>",
        f"<text x='0' y='18' font-weight='bold' fill='{TEXT_COLOUR}'>{escape(title)}</text>",
    ]
    for index, bar in enumerate(bars):
        y = top + index * row
        length = max(0.0, min(1.0, bar.share)) * plot
        text = f"{bar.label}: {_percent(bar.share)}"
        # The value goes after the bar or its whisker, whichever ends later, so neither hides it.
        end = max(length, (bar.high if bar.high is not None else 0.0) * plot)
        group = [
            f"<text x='{label_width - 6}' y='{y + 15}' text-anchor='end' fill='{TEXT_COLOUR}'>"
            f"{escape(bar.label)}</text>",
            f"<rect x='{label_width}' y='{y + 4}' width='{length:.1f}' height='{row - 10}' "
            f"fill='{BAR_COLOUR}'>"
            f"<title>{escape(text + (' ' + bar.detail if bar.detail else ''))}</title></rect>",
            f"<text x='{label_width + end + 6:.1f}' y='{y + 15}' fill='{TEXT_COLOUR}'>"
            f"{escape(_percent(bar.share))} {escape(bar.detail)}</text>",
        ]
        if bar.low is not None and bar.high is not None:
            x1, x2 = label_width + bar.low * plot, label_width + bar.high * plot
            middle = y + row / 2 - 1
            group.append(
                f"<line x1='{x1:.1f}' x2='{x2:.1f}' y1='{middle}' y2='{middle}' stroke='{TEXT_COLOUR}' "
                "stroke-width='1.5'/>"
                + "".join(
                    f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{middle - 4}' y2='{middle + 4}' "
                    f"stroke='{TEXT_COLOUR}'/>"
                    for x in (x1, x2)
                )
            )
        parts.append(_wrap_link("<g>" + "".join(group) + "</g>", bar.href, text))
    if target is not None:
        x = label_width + target * plot
        parts.append(
            f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{top - 4}' y2='{height - 20}' stroke='{TARGET_COLOUR}' "
            "stroke-dasharray='4 3' stroke-width='1.5'/>"
            f"<text x='{x:.1f}' y='{height - 6}' text-anchor='middle' fill='{TARGET_COLOUR}'>"
            f"{escape(words.target)} {_percent(target)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class _Frame:
    """The trajectory chart's plot area: rounds along x, shares 0–1 up y."""

    rounds: tuple[str, ...]
    width: int
    height: int
    left: int = 48
    right: int = 20
    top: int = 34
    bottom: int = 40

    def x_of(self, name: str) -> float:
        plot_w = self.width - self.left - self.right
        if len(self.rounds) == 1:
            return self.left + plot_w / 2
        return self.left + self.rounds.index(name) * plot_w / (len(self.rounds) - 1)

    def y_of(self, share: float) -> float:
        return self.top + (1 - share) * (self.height - self.top - self.bottom)


def _trajectory_axes(frame: _Frame, target: float, words: ChartWords) -> list[str]:
    parts = []
    x_end = frame.width - frame.right
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = frame.y_of(tick)
        parts.append(
            f"<line x1='{frame.left}' x2='{x_end}' y1='{y:.1f}' y2='{y:.1f}' stroke='#ddd'/>"
            f"<text x='{frame.left - 6}' y='{y + 4:.1f}' text-anchor='end' fill='{TEXT_COLOUR}'>"
            f"{_percent(tick)}</text>"
        )
    for name in frame.rounds:
        parts.append(
            f"<text x='{frame.x_of(name):.1f}' y='{frame.height - frame.bottom + 18}' text-anchor='middle' "
            f"fill='{TEXT_COLOUR}'>{escape(name)}</text>"
        )
    y_target = frame.y_of(target)
    parts.append(
        f"<line x1='{frame.left}' x2='{x_end}' y1='{y_target:.1f}' y2='{y_target:.1f}' "
        f"stroke='{TARGET_COLOUR}' stroke-dasharray='4 3'/>"
        f"<text x='{x_end}' y='{y_target - 4:.1f}' text-anchor='end' fill='{TARGET_COLOUR}'>"
        f"{escape(words.target)} {_percent(target)}</text>"
    )
    return parts


def _reference_series(frame: _Frame, reference: Sequence[ReferencePoint], words: ChartWords) -> list[str]:
    parts = []
    ordered = sorted(reference, key=lambda p: p.round)
    if len(ordered) > 1:
        points = " ".join(f"{frame.x_of(p.round):.1f},{frame.y_of(p.share):.1f}" for p in ordered)
        parts.append(
            f"<polyline points='{points}' fill='none' stroke='{REFERENCE_COLOUR}' stroke-dasharray='2 2'/>"
        )
    for point in reference:
        parts.append(
            f"<rect x='{frame.x_of(point.round) - 4:.1f}' y='{frame.y_of(point.share) - 4:.1f}' width='8' "
            f"height='8' fill='{REFERENCE_COLOUR}'><title>"
            + escape(f"{words.reference} {point.round}: {_percent(point.share)} ({point.source})")
            + "</title></rect>"
        )
    return parts


def _measured_series(
    frame: _Frame, measured: Sequence[Figure], words: ChartWords, link: Callable[[Figure], str | None] | None
) -> list[str]:
    parts = []
    ordered = sorted(measured, key=lambda f: f.round)
    if len(ordered) > 1:
        points = " ".join(f"{frame.x_of(f.round):.1f},{frame.y_of(f.share):.1f}" for f in ordered)
        parts.append(f"<polyline points='{points}' fill='none' stroke='{BAR_COLOUR}' stroke-width='2'/>")
    for figure in ordered:
        x, y = frame.x_of(figure.round), frame.y_of(figure.share)
        label = (
            f"{words.measured} {figure.round}: {_percent(figure.share)} "
            f"({figure.numerator} {words.of} {figure.denominator})"
        )
        element = ""
        if figure.low is not None and figure.high is not None:
            element += (
                f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{frame.y_of(figure.low):.1f}' "
                f"y2='{frame.y_of(figure.high):.1f}' stroke='{BAR_COLOUR}'/>"
            )
        element += f"<circle cx='{x:.1f}' cy='{y:.1f}' r='5' fill='{BAR_COLOUR}'>"
        element += f"<title>{escape(label)}</title></circle>"
        parts.append(_wrap_link(element, link(figure) if link else None, label))
    return parts


def trajectory_chart(
    title: str,
    measured: Sequence[Figure],
    reference: Sequence[ReferencePoint],
    target: float,
    link: Callable[[Figure], str | None] | None = None,
    width: int = 720,
    height: int = 280,
    words: ChartWords = ENGLISH,
) -> str:
    """Endorsement share per round: measured points (with whiskers), the reference series, the target."""
    rounds = tuple(sorted({figure.round for figure in measured} | {point.round for point in reference}))
    frame = _Frame(rounds, width, height)
    description = [f"{words.measured} {f.round}: {_percent(f.share)}" for f in measured]
    description += [f"{words.reference} {p.round}: {_percent(p.share)}" for p in reference]
    description.append(f"{words.target} {_percent(target)}")
    ident = _chart_id("line", title)
    legend_y = height - 6
    left = frame.left
    return "".join(
        [
            f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' "
            f"viewBox='0 0 {width} {height}' {FONT} aria-labelledby='{ident}-t {ident}-d'>",
            f"<title id='{ident}-t'>{escape(title)}</title>"
            f"<desc id='{ident}-d'>{escape('; '.join(description))}</desc>",
            f"<text x='0' y='18' font-weight='bold' fill='{TEXT_COLOUR}'>{escape(title)}</text>",
            *_trajectory_axes(frame, target, words),
            *_reference_series(frame, reference, words),
            *_measured_series(frame, measured, words, link),
            f"<circle cx='{left}' cy='{legend_y - 4}' r='4' fill='{BAR_COLOUR}'/>"
            f"<text x='{left + 8}' y='{legend_y}' fill='{TEXT_COLOUR}'>{escape(words.measured)}</text>"
            f"<rect x='{left + 90}' y='{legend_y - 8}' width='8' height='8' fill='{REFERENCE_COLOUR}'/>"
            f"<text x='{left + 102}' y='{legend_y}' fill='{TEXT_COLOUR}'>"
            f"{escape(words.reference_series)}</text>",
            "</svg>",
        ]
    )
