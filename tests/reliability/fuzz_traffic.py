"""What one contract-suite batch sent, read from its HAR file: cases and secrets."""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import spec_loader
from contract_tests.cases.lossy_encodings import strings_in
from contract_tests.checks.secrets_sent import MIN_SECRET_LENGTH
from contract_tests.run.report_folders import HAR_FILE
from fault_lab.suite_run import SuiteRun
from reference_server.body_decoding import UndecodableBodyError, body_format, decode_body
from reference_server.records import split_secrets

SPEC = spec_loader.load_spec()
OPERATIONS = spec_loader.operations(SPEC)
SECRET_PATHS = {
    found.operation_id: spec_loader.secret_paths(
        spec_loader.request_schema(SPEC, found.operation_id)
    )
    for found in OPERATIONS
    if spec_loader.request_media_types(SPEC, found.operation_id)
}
# Every request media type of any operation, in the spec's order.
MEDIA_TYPES = list(
    dict.fromkeys(
        media_type
        for found in OPERATIONS
        for media_type in spec_loader.request_media_types(SPEC, found.operation_id)
    )
)
NO_BODY = "(no body)"
# Values like "0000000000" turn up in binary data and other text by chance; only values
# with some variety say something when found.
MIN_DISTINCT_CHARACTERS = 4
SAVED = 204

Entry = dict[str, Any]


@dataclass
class SentSecrets:
    """SecretValues sent (and those in saved requests), and every public string sent.

    A generated SecretValue often also occurs in public data (another case's
    PublicValue, a word of the spec): finding it in clear then proves nothing, so
    `candidates` leaves such values out.
    """

    sent: set[str] = field(default_factory=set)
    saved: set[str] = field(default_factory=set)
    public: list[str] = field(default_factory=lambda: [spec_loader.spec_path().read_text()])

    def add(self, entry: Entry) -> None:
        operation_id = operation_of(entry)
        document = decoded_body(entry, operation_id)
        if operation_id is None or not isinstance(document, dict):
            return
        # Only an operation whose request holds secrets (Save) stores any with its 204.
        public, secrets = split_secrets(document, SECRET_PATHS[operation_id])
        self.public.extend(strings_in(public))
        values = {value for _, value in secrets if worth_looking_for(value)}
        self.sent |= values
        if entry["response"]["status"] == SAVED:
            self.saved |= values

    def candidates(self, values: set[str]) -> set[str]:
        public = "\n".join(self.public)
        return {value for value in values if value not in public}


def har_entries(run: SuiteRun) -> list[Entry]:
    """The batch's exchanges; none when it broke before writing its HAR (its output says why)."""
    har = run.reports_dir / HAR_FILE
    if not har.exists():
        return []
    entries: list[Entry] = json.loads(har.read_text())["log"]["entries"]
    return entries


def media_type_of(entry: Entry) -> str:
    post_data = entry["request"].get("postData") or {}
    return str(post_data.get("mimeType") or NO_BODY).split(";")[0].strip().lower()


def case_identity(entry: Entry) -> bytes:
    """What makes a case: method, URL, headers but the case id, and body."""
    request = entry["request"]
    headers = sorted(
        (item["name"].lower(), item["value"])
        for item in request["headers"]
        if item["name"].lower() != "x-schemathesis-testcaseid"
    )
    body = (request.get("postData") or {}).get("text")
    identity = json.dumps([request["method"], request["url"], headers, body])
    return hashlib.sha256(identity.encode()).digest()


def operation_of(entry: Entry) -> str | None:
    """The operation whose path the request went to (behind any base path), if any."""
    path = urllib.parse.urlsplit(entry["request"]["url"]).path
    return next((found.operation_id for found in OPERATIONS if path.endswith(found.path)), None)


def decoded_body(entry: Entry, operation_id: str | None) -> Any:
    """The sent body in the JSON data model, as the reference server reads it; None if not."""
    media_type = media_type_of(entry)
    text = (entry["request"].get("postData") or {}).get("text")
    found_format = body_format(media_type)
    if operation_id is None or text is None or found_format is None:
        return None
    if media_type not in spec_loader.request_media_types(SPEC, operation_id):
        return None
    schema = spec_loader.request_schema(SPEC, operation_id, media_type)
    try:
        return decode_body(text.encode(), found_format, None, schema)
    except (UndecodableBodyError, ValueError):
        return None


def worth_looking_for(value: Any) -> bool:
    return (
        isinstance(value, str)
        and len(value) >= MIN_SECRET_LENGTH
        and len(set(value)) >= MIN_DISTINCT_CHARACTERS
    )
