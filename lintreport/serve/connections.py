"""Connections to `lintreport serve`: how many at once, and how long a request may take to
arrive. A thread per connection up to a cap; beyond it a short 503 with Retry-After (a
client told to come back, not a reset connection); a watchdog that cuts off a request whose
line and headers are still trickling in after a deadline; and quiet about clients that
simply went away.
"""
from __future__ import annotations

import json
import socket
import sys
import threading
import time
import traceback
from http.server import ThreadingHTTPServer

from .limits import SAFE_HEADERS

RETRY_AFTER = "10"              # seconds, when every connection or worker is taken


class CappedServer(ThreadingHTTPServer):
    """The standard threading server with at most `max_connections` handler threads."""
    daemon_threads = True
    request_queue_size = 128    # the listen backlog: a burst of uploads waits, is not reset

    def __init__(self, address, handler, max_connections: int, log=None):
        self.log = log
        self.watchdog = Watchdog()
        self.connections = threading.BoundedSemaphore(max_connections)
        self.refusals = threading.BoundedSemaphore(16)
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        """A thread per connection up to the cap; beyond it, a short answer to come back later."""
        if self.connections.acquire(blocking=False):
            return super().process_request(request, client_address)
        if self.refusals.acquire(blocking=False):
            threading.Thread(target=self._refuse, args=(request,), daemon=True).start()
        else:
            self.shutdown_request(request)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def _refuse(self, request) -> None:
        try:
            refuse(request, "同时连接的人太多，请稍后再试", RETRY_AFTER)
        finally:
            self.refusals.release()
            self.shutdown_request(request)

    def handle_error(self, request, client_address):
        """A client that went away or fell silent is no error; anything else is logged."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        if self.log:
            self.log(traceback.format_exc())

    def server_close(self):
        super().server_close()
        self.watchdog.stop()


def refuse(sock, message: str, retry_after: str) -> None:
    """503 written straight to a connection no handler thread can take: as JSON when the
    request (its first line, read briefly) is for the page's script (/api/), so the page
    can say why; then read what the client is still sending (briefly, boundedly), so it
    gets our answer rather than a reset connection."""
    try:
        sock.settimeout(1)
        first = sock.recv(4096)
    except OSError:
        first = b""
    if b" /api/" in first.partition(b"\r\n")[0]:
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        ctype = "application/json; charset=utf-8"
    else:
        body, ctype = message.encode("utf-8"), "text/plain; charset=utf-8"
    headers = {"Content-Type": ctype, "Content-Length": str(len(body)),
               "Retry-After": retry_after, "Connection": "close", **SAFE_HEADERS}
    head = "HTTP/1.1 503 Service Unavailable\r\n" + \
        "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    try:
        sock.settimeout(2)
        sock.sendall(head.encode("latin-1") + body)
        sock.shutdown(socket.SHUT_WR)
        for _ in range(64):
            if not sock.recv(65536):
                break
    except OSError:
        pass


class Watchdog:
    """Cuts off connections whose request line and headers are still coming in after a
    deadline: the socket's timeout bounds each silence, but a client sending a byte now
    and then (slowloris) would otherwise hold its thread as long as it likes."""

    def __init__(self, interval: float = 0.5):
        self.interval = interval
        self.until: dict[socket.socket, float] = {}
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        threading.Thread(target=self._run, daemon=True, name="lintreport-watchdog").start()

    def arm(self, sock: socket.socket, seconds: float) -> None:
        with self.lock:
            self.until[sock] = time.monotonic() + seconds

    def disarm(self, sock: socket.socket) -> None:
        with self.lock:
            self.until.pop(sock, None)

    def stop(self) -> None:
        self.stopped.set()

    def _run(self) -> None:
        while not self.stopped.wait(self.interval):
            now = time.monotonic()
            with self.lock:
                late = [s for s, until in self.until.items() if until < now]
                for sock in late:
                    del self.until[sock]
            for sock in late:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
