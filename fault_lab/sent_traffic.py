"""What a run actually sent, read from its HAR file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from spec_loader.statuses import is_success


@dataclass(frozen=True)
class SentRequest:
    path: str
    content_type: str | None
    accept: str | None
    query_names: frozenset[str]
    header_names: frozenset[str]  # lower-cased
    status: int
    response_header_names: frozenset[str]  # lower-cased


def sent_requests(har_path: Path) -> list[SentRequest]:
    entries = json.loads(har_path.read_text(encoding="utf-8"))["log"]["entries"]
    requests = []
    for entry in entries:
        headers = {item["name"].lower(): item["value"] for item in entry["request"]["headers"]}
        content_type = headers.get("content-type")
        requests.append(
            SentRequest(
                path=urlsplit(entry["request"]["url"]).path,
                content_type=content_type.split(";", 1)[0].strip().lower()
                if content_type
                else None,
                accept=headers.get("accept"),
                query_names=frozenset(parse_qs(urlsplit(entry["request"]["url"]).query)),
                header_names=frozenset(headers),
                status=entry["response"]["status"],
                response_header_names=frozenset(
                    item["name"].lower() for item in entry["response"]["headers"]
                ),
            )
        )
    return requests


def media_types_never_accepted(
    requests: list[SentRequest],
    media_types: list[str],
    past_validation: frozenset[int] = frozenset(),
) -> list[str]:
    """The media types of ``media_types`` that no request got a 2xx answer for, or one of
    ``past_validation``: refusals the server gives only to a valid body."""
    accepted = {
        request.content_type
        for request in requests
        if is_success(request.status) or request.status in past_validation
    }
    return [media_type for media_type in media_types if media_type not in accepted]
