"""The HTTP side of `lintreport serve`: the standard library's threading server, one page,
its four static files, and the posts (check, check as JSON, fixed copy, annotated copy).

Limits keep a shared intranet machine safe: only requests for our own host name, and posts
only from our own page (limits.py); a body's length is checked before it is read and must
arrive in time; checks run in worker processes with a deadline (pool.py); connections are
capped, and beyond the cap a client is told to come back (503, Retry-After) rather than
reset; every answer, errors included, carries the same security headers; and a request
that fails in any way gets a message and leaves the server serving.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler

from . import limits
from .connections import RETRY_AFTER, CappedServer
from .form import parse_form
from .page import asset, shell
from .pool import Pool
from .work import Checker, UploadError, upload_from

__all__ = ["Server", "make_server", "parse_form"]

STATIC = {"review.css": "text/css", "review.js": "text/javascript",
          "serve.css": "text/css", "serve.js": "text/javascript"}
DRAIN_FACTOR = 2                # read and drop a body up to this many times the limit, so
                                # the browser sees our 413 rather than a reset connection
# the standard library's own error pages (send_error) said in Chinese
ERRORS = {400: "请求格式不对", 408: "请求超时", 414: "网址过长", 431: "请求头过大",
          501: "不支持这种请求方式", 505: "不支持这个 HTTP 版本"}


class Server(CappedServer):
    def __init__(self, address, checker: Checker, max_bytes: int, log=None, workers: int = 0,
                 deadline: float = 60, max_connections: int = 64, read_timeout: float = 20,
                 header_deadline: float = 30, queue_wait: float = 30):
        self.checker = checker
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout
        self.header_deadline = header_deadline
        self.own_names = (socket.gethostname().lower(),)
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler, max_connections, log)
        # more workers than cores: two heavy reports leave room for a normal one
        self.pool = Pool(checker, workers or max(4, 2 * (os.cpu_count() or 1)), deadline,
                         wait=queue_wait, log=log)

    @property
    def local(self) -> bool:
        return self.server_address[0] == "localhost" or \
            limits.is_loopback_address(self.server_address[0])

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"

    def server_close(self):
        super().server_close()
        if hasattr(self, "pool"):       # not when binding failed: no workers were started
            self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "lintreport"
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.1"   # no bare HTTP/0.9 answers: each has our headers

    def setup(self):
        self.timeout = self.server.read_timeout   # seconds a client may stay silent
        super().setup()

    def handle_one_request(self):
        # the request line and headers must be in within header_deadline (see parse_request)
        self.server.watchdog.arm(self.connection, self.server.header_deadline)
        try:
            super().handle_one_request()
        finally:
            self.server.watchdog.disarm(self.connection)

    def parse_request(self) -> bool:
        ok = super().parse_request()          # reads the headers
        self.server.watchdog.disarm(self.connection)   # the body has its own bounds
        return ok

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format, *args):
        pass            # requests are not logged: file names can be private

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": ctype, "Content-Length": str(len(body)),
                   **limits.SAFE_HEADERS, **(extra or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        """The standard library's answers to malformed requests, in Chinese, with our headers."""
        self.close_connection = True
        words = ERRORS.get(code, message or "请求有误")
        self._send(code, words.encode("utf-8"), "text/plain; charset=utf-8", {"Connection": "close"})

    def handle_expect_100(self):
        """Say 100 Continue only to a body we would take: a refused length is answered at once,
        before the client sends megabytes for nothing."""
        try:
            limits.body_length(self.headers, self.server.max_bytes)
        except UploadError as exc:
            self.close_connection = True
            self._send(exc.status, str(exc).encode("utf-8"), "text/plain; charset=utf-8",
                       {"Connection": "close"})
            return False
        return super().handle_expect_100()

    def _page(self, status: int, result_html: str = "", message: str = "", checklist="township"):
        html = shell(result_html, message, checklist, self.server.max_bytes, self.server.local)
        self._send(status, html.encode("utf-8"), "text/html; charset=utf-8")

    def _json(self, status: int, data: dict) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    def _host_ok(self) -> bool:
        hosts = self.headers.get_all("Host") or []
        return len(hosts) == 1 and limits.host_ok(hosts[0], self.server.server_address[0],
                                                  self.server.own_names)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        if not self._host_ok():
            return self._send(421, "主机名不对".encode(), "text/plain; charset=utf-8")
        path = urllib.parse.urlsplit(self.path).path
        if path == "/":
            return self._page(200)
        if path == "/favicon.ico":        # browsers ask for it; there is none
            return self._send(204, b"", "text/plain")
        name = path.removeprefix("/static/")
        if name in STATIC and path.startswith("/static/"):
            return self._send(200, asset(name), f"{STATIC[name]}; charset=utf-8")
        self._send(404, "没有这个页面".encode(), "text/plain; charset=utf-8")

    def _not_allowed(self):
        self.close_connection = True      # a body, if any, is not read
        self._send(405, "不支持这种请求方式".encode(), "text/plain; charset=utf-8",
                   {"Allow": "GET, HEAD, POST", "Connection": "close"})

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        api = path.startswith("/api/")
        action = path.removeprefix("/api")
        extra = {}
        try:
            if not self._host_ok():
                raise UploadError(421, "主机名不对")
            if not limits.origin_ok(self.headers.get("Origin"), self.headers.get("Sec-Fetch-Site"),
                                    self.headers.get("Host")):
                raise UploadError(403, "拒绝来自其他网站的请求：请在本页面上传报告")
            if action not in ("/check", "/fix", "/annotate"):
                raise UploadError(404, "没有这个地址")
            fields = parse_form(self.headers.get("Content-Type", ""), self._body())
            upload = upload_from(fields)
            answer = self.server.pool.run(action[1:], upload)
            if action == "/fix":
                return self._file(*answer)
            if action == "/annotate":
                return self._file(*answer, header="X-Comments", fallback="annotated")
            if api:
                return self._json(200, {"html": answer, "name": upload.name})
            return self._page(200, answer, checklist=upload.checklist)
        except UploadError as exc:
            status, message = exc.status, str(exc)
            if status == 503 and "稍后再试" in message:
                extra["Retry-After"] = RETRY_AFTER
        except ConnectionError:
            return          # the browser went away: nobody to answer
        except Exception as exc:  # noqa: BLE001 (a bug shows as a message; the server keeps serving)
            if self.server.log:
                self.server.log("".join(traceback.format_exception(exc)))
            status, message = 500, f"内部错误（{type(exc).__name__}），检查没有完成；服务仍在运行"
        self.close_connection = True     # the body may be unread: never reuse the connection
        extra["Connection"] = "close"
        if api:
            self._send(status, json.dumps({"error": message}, ensure_ascii=False).encode("utf-8"),
                       "application/json; charset=utf-8", extra)
        else:
            html = shell("", message, "township", self.server.max_bytes, self.server.local)
            self._send(status, html.encode("utf-8"), "text/html; charset=utf-8", extra)

    def _body(self) -> bytes:
        """The whole request body, refused unless its length is given and within the limit."""
        limit = self.server.max_bytes         # the whole body: the file and the form around it
        try:
            length = limits.body_length(self.headers, limit)
        except UploadError as exc:
            self.close_connection = True
            declared = (self.headers.get("Content-Length") or "").strip()
            if exc.status == 413 and int(declared) <= DRAIN_FACTOR * limit:
                limits.drain(self.rfile, int(declared))
            raise
        return limits.read_body(self.rfile, length)

    def _file(self, name: str, data: bytes, fixes: int, header: str = "X-Fixed",
              fallback: str = "fixed") -> None:
        """The fixed (or annotated) copy as a download, named after the drafter's file."""
        quoted = urllib.parse.quote(name)
        # octet-stream: a text file keeps its own encoding (GB18030 stays GB18030)
        self._send(200, data, "application/octet-stream", {
            "Content-Disposition": f"attachment; filename=\"{fallback}{os.path.splitext(name)[1]}\"; "
                                   f"filename*=UTF-8''{quoted}",
            "X-Filename": quoted, header: str(fixes)})


def make_server(host: str = "127.0.0.1", port: int = 8000, checker: Checker | None = None,
                max_bytes: int = 20 * 1024 * 1024, log=None, **limits_) -> Server:
    """A server bound to host:port (port 0: any free port), not yet serving. `limits_`:
    workers, deadline (seconds per check), max_connections, read_timeout (seconds of
    silence), header_deadline (seconds for the request line and headers), queue_wait
    (seconds a check may wait for a free worker). Checks run in
    spawned processes: a script that calls this needs the `if __name__ == "__main__":` guard."""
    return Server((host, port), checker or Checker(), max_bytes,
                  log or (lambda text: print(text, file=sys.stderr)), **limits_)
