"""Leave out cases that send a header which frames the message or manages the connection.

Negative cases may carry any extra header, and now and then its name is one of these
(the long fuzz once sent ``Transfer-Encoding: '``). A server's HTTP layer reads them
before any operation runs and refuses a bad one in its own way: uvicorn with a
plain-text 400, IIS with an HTML page, a proxy perhaps by closing the connection.
That is not the operation's contract, so the suite does not send them: blaming the
operation would be a false alarm against every real server.
"""

from __future__ import annotations

from collections.abc import Iterable

import schemathesis
from schemathesis import HookContext

from contract_tests.http_parts import AnyCase

# RFC 9112 (message framing) and RFC 9110 section 7.6.1 (connection-specific fields).
FRAMING_HEADERS = frozenset(
    {
        "connection",
        "content-length",
        "expect",
        "host",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)


def sends_framing_header(header_names: Iterable[str]) -> bool:
    return any(name.strip().lower() in FRAMING_HEADERS for name in header_names)


@schemathesis.hook
def filter_case(context: HookContext, case: AnyCase) -> bool:
    return not sends_framing_header(case.headers or {})
