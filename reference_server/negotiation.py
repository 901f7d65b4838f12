"""Which of the media types an answer is offered in an ``Accept`` header asks for.

As ASP.NET's content negotiation does: the media range with the highest quality wins,
an exact media type before ``type/*`` before ``*/*`` at equal quality, and the first
offered type when nothing offered is acceptable (a server that cannot meet ``Accept``
still answers, in its default).
"""

from __future__ import annotations

from collections.abc import Sequence

WILDCARD = "*"
# Ranks of a match at equal quality: exact, type/*, */*.
EXACT, SUBTYPE_WILDCARD, ANY = 2, 1, 0


def quality(parameters: list[str]) -> float:
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                return min(max(float(value.strip()), 0.0), 1.0)
            except ValueError:
                return 0.0  # a malformed q is not a request for this type
    return 1.0


def match(media_range: str, offered: Sequence[str]) -> tuple[int, str] | None:
    """The rank and the first offered media type that ``media_range`` covers, if any."""
    if media_range in offered:
        return EXACT, media_range
    kind, _, subtype = media_range.partition("/")
    if subtype != WILDCARD:
        return None
    if kind == WILDCARD:
        return ANY, offered[0]
    for media_type in offered:
        if media_type.partition("/")[0] == kind:
            return SUBTYPE_WILDCARD, media_type
    return None


def negotiate(accept: str | None, offered: Sequence[str]) -> str:
    """The offered media type (as the spec writes it) that ``accept`` prefers."""
    best: tuple[float, int, int] | None = None
    chosen = offered[0]
    lower = [media_type.lower() for media_type in offered]
    for position, entry in enumerate((accept or "").split(",")):
        media_range, *parameters = entry.split(";")
        weight = quality(parameters)
        found = match(media_range.strip().lower(), lower)
        if found is None or weight == 0.0:
            continue
        rank = (weight, found[0], -position)
        if best is None or rank > best:
            best, chosen = rank, offered[lower.index(found[1])]
    return chosen
