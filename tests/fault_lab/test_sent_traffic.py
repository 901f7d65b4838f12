"""sent_traffic: what a run sent, read from its HAR file, and the media types never accepted.

(What a run of the suite sends is tested in
tests/contract_tests/test_media_types_and_parameters_sent.py.)
Seen failing by hand: ``sent_requests`` keeping a Content-Type's parameters.
"""

from __future__ import annotations

import json
from pathlib import Path

from fault_lab.sent_traffic import media_types_never_accepted, sent_requests


def entry(url: str, headers: dict[str, str], status: int) -> dict[str, object]:
    return {
        "request": {"url": url, "headers": [{"name": n, "value": v} for n, v in headers.items()]},
        "response": {"status": status, "headers": [{"name": "Content-Type", "value": "x/y"}]},
    }


def test_requests_as_the_har_file_holds_them(tmp_path: Path) -> None:
    har = tmp_path / "traffic.har"
    entries = [
        entry(
            "http://h/api/Save?$select=a&b=1",
            {"Content-Type": "Application/JSON; charset=utf-8", "Accept": "text/xml"},
            204,
        ),
        entry("http://h/api/Get", {"SO-AppToken": "t"}, 415),
    ]
    har.write_text(json.dumps({"log": {"entries": entries}}), encoding="utf-8")
    first, second = sent_requests(har)
    assert first.path == "/api/Save"
    assert first.content_type == "application/json"
    assert first.accept == "text/xml"
    assert first.query_names == {"$select", "b"}
    assert first.response_header_names == {"content-type"}
    assert second.content_type is None
    assert second.header_names == {"so-apptoken"}
    assert second.status == 415


def test_a_media_type_never_accepted(tmp_path: Path) -> None:
    har = tmp_path / "traffic.har"
    entries = [
        entry("http://h/a", {"Content-Type": "a/json"}, 204),
        entry("http://h/a", {"Content-Type": "a/xml"}, 415),
        entry("http://h/a", {"Content-Type": "a/form"}, 422),
    ]
    har.write_text(json.dumps({"log": {"entries": entries}}), encoding="utf-8")
    requests = sent_requests(har)
    types = ["a/json", "a/xml", "a/form", "a/unsent"]
    assert media_types_never_accepted(requests, types) == ["a/xml", "a/form", "a/unsent"]
    assert media_types_never_accepted(requests, types, frozenset({422})) == ["a/xml", "a/unsent"]
