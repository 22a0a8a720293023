"""A fake EPO OPS server over real HTTP on 127.0.0.1 (ingestion.md §4.2).

Issues tokens (optionally dying after N uses, to force a mid-run refresh), serves family
XML by docdb key from tests/fixtures/epo, replays `X-Throttling-Control` headers and
scripted failures (429 + Retry-After, 403 quota rejection), and records every request.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "epo"
FAMILIES = {
    "EP.1000000.A1": FIXTURES / "family_EP1000000A1.xml",
    "US.10465445.B2": FIXTURES / "family_legal_US10465445B2.xml",
}
KEY, SECRET = "test-key", "test-secret"
_FAMILY = re.compile(r"^/3\.2/rest-services/family/publication/docdb/([^/]+)(/.*)?$")


@dataclass
class Script:
    expires_in: str = "1199"
    token_uses: int | None = None  # a token dies after this many family requests
    throttle: str | None = "idle (inpadoc=green:600, other=green:1000)"
    throttle_once: bool = False  # send the header on the first family response only
    failures: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)


class FakeEpo:
    def __init__(self) -> None:
        self.script = Script()
        self.lock = threading.Lock()
        self.tokens: dict[str, int] = {}  # token -> family requests served with it
        self.token_requests = 0
        self.family_requests: list[str] = []
        self.auth_failures = 0
        self._issued = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeEpo:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                expected = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
                if (
                    self.path != "/3.2/auth/accesstoken"
                    or self.headers.get("Authorization") != f"Basic {expected}"
                    or body != b"grant_type=client_credentials"
                ):
                    self._send(401, b'{"error":"invalid_client"}', {})
                    return
                with fake.lock:
                    fake._issued += 1
                    fake.token_requests += 1
                    token = f"token-{fake._issued}"
                    fake.tokens[token] = 0
                    reply = {
                        "access_token": token,
                        "token_type": "BearerToken",
                        "expires_in": fake.script.expires_in,
                        "status": "approved",
                    }
                self._send(200, json.dumps(reply).encode(), {"Content-Type": "application/json"})

            def do_GET(self) -> None:
                match = _FAMILY.match(self.path)
                if match is None:
                    self._send(404, b"", {})
                    return
                with fake.lock:
                    fake.family_requests.append(self.path)
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    uses = fake.tokens.get(token)
                    limit = fake.script.token_uses
                    if uses is None or (limit is not None and uses >= limit):
                        fake.auth_failures += 1
                        status, body = 401, b"<error>invalid_access_token</error>"
                        headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
                        self._send(status, body, headers)
                        return
                    fake.tokens[token] = uses + 1
                    headers = {"Content-Type": "application/xml"}
                    if fake.script.throttle:
                        headers["X-Throttling-Control"] = fake.script.throttle
                        if fake.script.throttle_once:
                            fake.script.throttle = None
                    failure = fake.script.failures.popleft() if fake.script.failures else None
                if failure is not None:
                    status, extra = failure
                    self._send(status, b"<error>scripted</error>", {**headers, **extra})
                    return
                fixture = FAMILIES.get(match.group(1))
                if fixture is None:
                    self._send(404, b"<error>not found</error>", headers)
                    return
                self._send(200, fixture.read_bytes(), headers)

        return Handler
