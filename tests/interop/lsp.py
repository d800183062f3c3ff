"""A minimal Language Server Protocol client over stdio, enough to read a server's diagnostics.

It speaks JSON-RPC 2.0 with ``Content-Length`` framing, answers the requests a
server sends back (``workspace/configuration`` from the given settings, anything
else with ``null``), opens documents and collects ``textDocument/publishDiagnostics``.
One server process serves every document of a run.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any


class LanguageServerError(RuntimeError):
    """The server died, answered with an error, or did not answer in time."""


class LanguageServer:
    """``with LanguageServer(command, settings) as server: server.diagnostics(paths)``."""

    def __init__(self, command: Sequence[str], settings: dict[str, Any], root: Path) -> None:
        self._command = list(command)
        self._settings = settings
        self._root = root
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()  # guards writes to the server's stdin
        self._changed = threading.Condition()  # guards the fields below
        self._responses: dict[int, dict[str, Any]] = {}
        self._published: dict[str, tuple[float, list[dict[str, Any]]]] = {}
        self._configured = False
        self._next_id = 0
        self._stderr: list[bytes] = []

    def __enter__(self) -> LanguageServer:
        self._process = subprocess.Popen(
            self._command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": self._root.as_uri(),
                "workspaceFolders": [{"uri": self._root.as_uri(), "name": self._root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {"publishDiagnostics": {}},
                },
            },
        )
        self.notify("initialized", {})
        # the server pulls its settings once initialized; documents opened before
        # they are applied would be validated twice, with different settings
        self._wait(lambda: self._configured, "the server never asked for its settings")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._process is not None
        try:
            if self._process.poll() is None:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                self._process.wait(timeout=10)
        except (LanguageServerError, subprocess.TimeoutExpired, BrokenPipeError):
            self._process.kill()
            self._process.wait()

    def diagnostics(
        self, paths: Sequence[Path], settle: float = 1.0, timeout: float = 60.0
    ) -> dict[Path, list[dict[str, Any]]]:
        """Open each file (as YAML) and return the diagnostics the server publishes for it.

        A server may publish a document's diagnostics more than once; the last
        set counts, once every document has had one and ``settle`` seconds pass
        with no new publication.
        """
        uris = {path.resolve().as_uri(): path for path in paths}
        for uri, path in uris.items():
            self.notify(
                "textDocument/didOpen",
                {
                    "textDocument": {
                        "uri": uri,
                        "languageId": "yaml",
                        "version": 1,
                        "text": path.read_text(encoding="utf-8"),
                    }
                },
            )

        def settled() -> bool:
            if not all(uri in self._published for uri in uris):
                return False
            latest = max(self._published[uri][0] for uri in uris)
            return time.monotonic() - latest >= settle

        self._wait(settled, "no diagnostics for some documents", timeout, poll=settle / 4)
        with self._changed:
            return {path: self._published[uri][1] for uri, path in uris.items()}

    def request(self, method: str, params: Any, timeout: float = 30.0) -> Any:
        """Send a request and wait for its result."""
        with self._changed:
            self._next_id += 1
            ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        self._wait(lambda: ident in self._responses, f"no answer to {method}", timeout)
        with self._changed:
            response = self._responses.pop(ident)
        if "error" in response:
            raise LanguageServerError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        assert self._process is not None
        assert self._process.stdin is not None
        body = json.dumps(message).encode()
        with self._lock:
            self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self._process.stdin.flush()

    def _wait(
        self, done: Callable[[], bool], what: str, timeout: float = 30.0, poll: float = 0.5
    ) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not done():
                assert self._process is not None
                if self._process.poll() is not None:
                    raise LanguageServerError(f"{what}: the server exited\n{self._stderr_tail()}")
                if time.monotonic() > deadline:
                    raise LanguageServerError(f"{what} within {timeout} s\n{self._stderr_tail()}")
                self._changed.wait(poll)

    def _read(self) -> None:
        assert self._process is not None
        assert self._process.stdout is not None
        stream = self._process.stdout
        while True:
            length = None
            while (header := stream.readline()) not in (b"\r\n", b""):
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if header == b"" or length is None:
                with self._changed:
                    self._changed.notify_all()
                return
            self._dispatch(json.loads(stream.read(length)))

    def _dispatch(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is not None and "id" in message:  # a request from the server
            result: Any = None
            if method == "workspace/configuration":
                result = [
                    self._settings.get(item.get("section")) for item in message["params"]["items"]
                ]
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        with self._changed:
            if method == "workspace/configuration":
                self._configured = True
            elif method == "textDocument/publishDiagnostics":
                params = message["params"]
                self._published[params["uri"]] = (time.monotonic(), params["diagnostics"])
            elif method is None:
                self._responses[message["id"]] = message
            self._changed.notify_all()

    def _drain_stderr(self) -> None:
        assert self._process is not None
        assert self._process.stderr is not None
        for line in self._process.stderr:
            self._stderr.append(line)

    def _stderr_tail(self) -> str:
        return b"".join(self._stderr[-20:]).decode(errors="replace")
