"""A local HTTP server on 127.0.0.1 for tests: serves recorded publications and misbehaves
on purpose (errors, redirects, cut-off bodies, slow or endless bodies). Never the internet."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/octet-stream"
    headers: dict = field(default_factory=dict)
    fail_first: int = 0  # answer 500 this many times first
    cut_after: int | None = None  # send Content-Length of the whole body, then only this many bytes
    delay: float = 0.0  # before answering
    endless: bool = False  # stream without end (until the client stops)
    trickle: float = 0.0  # seconds between bytes of the body (a publisher that never quite stops)
    etag: str | None = None
    hits: int = 0


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.posts: list[tuple[str, bytes]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                server.posts.append((self.path, self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                # a route may name its host ("//jaarverslag2025.offlimits.nl/index.html") where
                # several sites share one server under their own names; else the path alone
                host = (self.headers.get("Host") or "").split(":")[0]
                route = server.routes.get(f"//{host}{self.path}") or server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                route.hits += 1
                if route.delay:
                    time.sleep(route.delay)
                if route.hits <= route.fail_first:
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.endless:
                    self.end_headers()
                    chunk = b"x" * 65536
                    try:
                        for _ in range(100_000):  # bounded: at most ~6 GB, the client stops long before
                            self.wfile.write(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.trickle:
                    try:
                        for i in range(len(route.body)):
                            self.wfile.write(route.body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                body = route.body if route.cut_after is None else route.body[: route.cut_after]
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if route.cut_after is not None:
                    self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
