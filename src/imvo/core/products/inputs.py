"""The raw-material inputs of a good, followed through chains (``inputs.csv``).

``inputs_of("Refined Palm Oil")`` gives Crude Palm Oil (origin unknown: crude palm oil is refined
abroad too) and, through it, Palm Fruit (origin unknown, because one link of the chain is).
``inputs_of("Crude Palm Oil")`` gives Palm Fruit *at origin*: crude palm oil is pressed where the
fruit grows, so the fruit's country is the supplier's country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from imvo.core.products.catalogue import InputLink, load_input_links

__all__ = ["Input", "InputTable"]

#: Chains longer than this are cut (the longest today: solar modules, four links).
MAX_CHAIN = 6


@dataclass(frozen=True, slots=True)
class Input:
    """An input of a good: ``good`` (base good) and whether its origin is the supplier's country."""

    good: str
    at_origin: bool
    chain: tuple[str, ...]  # from the good to this input, both ends included


class InputTable:
    def __init__(self, links: Sequence[InputLink] | None = None) -> None:
        self._links: dict[str, list[InputLink]] = {}
        for link in load_input_links() if links is None else links:
            self._links.setdefault(link.good, []).append(link)

    def links(self) -> tuple[InputLink, ...]:
        return tuple(link for links in self._links.values() for link in links)

    def goods(self) -> frozenset[str]:
        """The goods that have inputs."""
        return frozenset(self._links)

    def inputs_of(self, good: str, hs_code: str = "") -> tuple[Input, ...]:
        """Every input of ``good`` through chains, nearest first; at most once each (the at-origin
        reading wins, then the shorter chain). ``hs_code`` (digits as given, may be empty) limits links
        that hold only for some codes (cotton in textiles: cotton fabrics only)."""
        found: dict[str, Input] = {}
        frontier: list[Input] = [Input(good, True, (good,))]
        for _ in range(MAX_CHAIN):
            next_frontier: list[Input] = []
            for current in frontier:
                code = hs_code if current.good == good else ""
                for link in self._links.get(current.good, ()):
                    if code and link.hs_prefixes and not code.startswith(link.hs_prefixes):
                        continue
                    if link.input in current.chain:
                        continue
                    candidate = Input(
                        link.input, current.at_origin and link.at_origin, (*current.chain, link.input)
                    )
                    known = found.get(link.input)
                    if known is None or (candidate.at_origin and not known.at_origin):
                        found[link.input] = candidate
                        next_frontier.append(candidate)
            if not next_frontier:
                break
            frontier = next_frontier
        return tuple(found.values())
