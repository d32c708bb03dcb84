"""The HTTP side of `lintreport serve`: the standard library's threading server, one page,
its four static files, and the posts (check, check as JSON, fixed copy, annotated copy).

Limits keep a shared intranet machine safe: the body's size is known before it is read, at
most one check per core runs at a time, a slow client times out, and a request that fails
in any way gets a message and leaves the server serving.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import threading
import traceback
import urllib.parse
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .page import asset, result, shell
from .work import Checker, UploadError, upload_from

STATIC = {"review.css": "text/css", "review.js": "text/javascript",
          "serve.css": "text/css", "serve.js": "text/javascript"}
FORM_OVERHEAD = 256 * 1024      # multipart headers and the small fields besides the file
DRAIN_FACTOR = 2                # read and drop a body up to this many times the limit, so
                                # the browser sees our 413 rather than a reset connection
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
# No script, style, image or connection may come from, or go to, anywhere but this server.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, checker: Checker, max_bytes: int, log=None):
        self.checker = checker
        self.max_bytes = max_bytes
        self.log = log
        self.slots = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    @property
    def local(self) -> bool:
        return self.server_address[0] in LOOPBACK or self.server_address[0].startswith("127.")

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"


def parse_form(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """multipart/form-data → {field: (file name or None, bytes)}; the last field of a name wins."""
    head = Message()
    head["content-type"] = content_type
    boundary = head.get_param("boundary")
    if head.get_content_type() != "multipart/form-data" or not boundary:
        raise UploadError(400, "请求格式不对：应为 multipart/form-data 表单")
    fields = {}
    for part in body.split(b"--" + str(boundary).encode("latin-1"))[1:]:
        if part.startswith(b"--"):
            break
        raw, sep, data = part.partition(b"\r\n\r\n")
        if not sep:
            continue
        headers = Message()
        for line in raw.decode("utf-8", "replace").strip().split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip()] = value.strip()
        name = headers.get_param("name", header="content-disposition")
        if name:
            filename = headers.get_param("filename", header="content-disposition")
            fields[str(name)] = (None if filename is None else str(filename),
                                 data[:-2] if data.endswith(b"\r\n") else data)
    return fields


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "lintreport"
    protocol_version = "HTTP/1.1"
    timeout = 60        # seconds a client may stay silent before its connection is dropped

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format, *args):
        pass            # requests are not logged: file names can be private

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": ctype, "Content-Length": str(len(body)),
                   "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                   "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", **(extra or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, status: int, result_html: str = "", message: str = "", checklist="township"):
        html = shell(result_html, message, checklist, self.server.max_bytes, self.server.local)
        self._send(status, html.encode("utf-8"), "text/html; charset=utf-8")

    def _json(self, status: int, data: dict) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    def _host_ok(self) -> bool:
        """On a loopback address, only requests for a loopback name: a web page cannot
        reach this server by pointing a name of its own at 127.0.0.1 (DNS rebinding)."""
        host = self.headers.get("Host") or ""
        name = host[:host.find("]") + 1] if host.startswith("[") else host.partition(":")[0]
        return not self.server.local or not name or name in LOOPBACK or name.startswith("127.")

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

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        api = path.startswith("/api/")
        action = path.removeprefix("/api")
        try:
            if not self._host_ok():
                raise UploadError(421, "主机名不对")
            if action not in ("/check", "/fix", "/annotate"):
                raise UploadError(404, "没有这个地址")
            fields = parse_form(self.headers.get("Content-Type", ""), self._body())
            upload = upload_from(fields)
            if not self.server.slots.acquire(timeout=60):
                raise UploadError(503, "正在检查的报告太多，请稍后再试")
            try:
                if action == "/fix":
                    fixed = self.server.checker.fixed(upload)
                elif action == "/annotate":
                    annotated = self.server.checker.annotated(upload)
                else:
                    html = result(self.server.checker.check(upload))
            finally:
                self.server.slots.release()
            if action == "/fix":
                return self._file(*fixed)
            if action == "/annotate":
                return self._file(*annotated, header="X-Comments", fallback="annotated")
            if api:
                return self._json(200, {"html": html, "name": upload.name})
            return self._page(200, html, checklist=upload.checklist)
        except UploadError as exc:
            status, message = exc.status, str(exc)
        except ConnectionError:
            return          # the browser went away: nobody to answer
        except Exception as exc:  # noqa: BLE001 (a bug shows as a message; the server keeps serving)
            if self.server.log:
                self.server.log("".join(traceback.format_exception(exc)))
            status, message = 500, f"内部错误（{type(exc).__name__}），检查没有完成；服务仍在运行"
        self.close_connection = True     # the body may be unread: never reuse the connection
        if api:
            self._json(status, {"error": message})
        else:
            self._page(status, message=message)

    def _body(self) -> bytes:
        """The request body, refused unless its length is given and within the limit."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise UploadError(411, "请求须给出长度（Content-Length）")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            raise UploadError(411, "请求须给出长度（Content-Length）") from None
        limit = self.server.max_bytes + FORM_OVERHEAD
        if length > limit:
            self.close_connection = True
            if length <= DRAIN_FACTOR * limit:
                self._drain(length)
            mb = self.server.max_bytes // (1024 * 1024)
            raise UploadError(413, f"文件过大（{length / 1048576:.1f} MB），上限为 {mb} MB")
        return self.rfile.read(length)

    def _drain(self, length: int) -> None:
        try:
            while length > 0:
                chunk = self.rfile.read(min(length, 1 << 20))
                if not chunk:
                    break
                length -= len(chunk)
        except OSError:
            pass

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
                max_bytes: int = 20 * 1024 * 1024, log=None) -> Server:
    """A server bound to host:port (port 0: any free port), not yet serving."""
    return Server((host, port), checker or Checker(), max_bytes,
                  log or (lambda text: print(text, file=sys.stderr)))
