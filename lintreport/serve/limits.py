"""What `lintreport serve` lets in: which host names and origins, which request bodies.

Each check is a small function of the request's headers, so the handler stays a list of
steps and each rule can be tested on its own. They answer with UploadError (status and a
message for people), the same as a bad upload does.
"""
from __future__ import annotations

import ipaddress
import re
import time

from .work import UploadError

# No script, style, image or connection may come from, or go to, anywhere but this server.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# Sent with every answer, errors included. Referrer-Policy same-origin: nothing about the
# page goes to another site, while our own posts keep their Origin (with no-referrer a
# browser sends "Origin: null", which a browser without Sec-Fetch-Site could not be told by).
SAFE_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "same-origin", "Cache-Control": "no-store"}
WILDCARDS = ("0.0.0.0", "::", "")
LENGTH = re.compile(r"[0-9]{1,12}")        # digits only: int() would take "+5", " 5", "1_0"
HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[^\[\]:]*)(?::([0-9]{1,5}))?")
MIN_RATE = 32 * 1024        # bytes a second an upload may not fall below, over the whole body
BODY_GRACE = 30             # seconds any body may take besides that


def is_loopback_address(address: str) -> bool:
    """127.0.0.0/8 and ::1, written as an address (not a name that merely starts with 127.)."""
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]") if name.startswith("[") else name)
    except ValueError:
        return False
    return ":" not in name or name.startswith("[")


def host_name(header: str) -> str | None:
    """The name in a Host header, lower case, without its port; None when malformed."""
    match = HOST.fullmatch(header.strip())
    return match.group(1).lower() if match else None


def host_ok(header: str | None, bind: str, own_names: tuple[str, ...] = ()) -> bool:
    """A request for this server by a name no one else controls.

    A web page can point a name of its own at 127.0.0.1 or at an intranet address (DNS
    rebinding); the browser then sends that name as Host. So the name must be `localhost`,
    a loopback address, or, when the server listens on the network, the address it listens
    on; on every address (0.0.0.0): any address literal, or this computer's own name."""
    if header is None:
        return False        # HTTP/1.1 requires exactly one Host; browsers always send it
    name = host_name(header)
    if name is None:
        return False
    if name == "localhost" or is_loopback_address(name):
        return True
    if bind in WILDCARDS:
        return is_ip_literal(name) or name in own_names
    return name == bind.lower() or name.strip("[]") == bind.lower()


def origin_ok(origin: str | None, fetch_site: str | None, host: str | None) -> bool:
    """A post made by our own page, or typed by hand (curl sends neither header); not one
    that another site's page makes the browser send (that carries its own Origin, or
    Sec-Fetch-Site: cross-site / same-site). A page cannot set either header itself.

    Sec-Fetch-Site, where the browser sends it, decides; an opaque "Origin: null" then
    passes (a same-origin form post under a strict referrer policy). Without it (an older
    browser), the Origin, when given, must be this very server."""
    own = bool(host) and origin is not None and \
        origin.strip().lower() == f"http://{host.strip().lower()}"
    if fetch_site is not None:
        return fetch_site.strip().lower() in ("same-origin", "none") and \
            (origin is None or origin.strip() == "null" or own)
    return origin is None or own


def body_length(headers, limit: int) -> int:
    """The declared body length, refused unless it is one plain number within `limit`.

    No Transfer-Encoding (a chunked or encoded body has no length we can check first, and a
    request with both is how requests are smuggled past proxies); exactly one Content-Length."""
    if headers.get_all("Transfer-Encoding"):
        raise UploadError(411, "请求须直接给出长度（Content-Length），不支持分块或压缩传输")
    lengths = headers.get_all("Content-Length") or []
    if not lengths:
        raise UploadError(411, "请求须给出长度（Content-Length）")
    values = {value.strip() for value in lengths}
    if len(values) != 1 or not LENGTH.fullmatch(next(iter(values))):
        raise UploadError(400, "请求的长度（Content-Length）不是一个有效的数")
    length = int(next(iter(values)))
    if length > limit:
        mb = limit // (1024 * 1024)
        raise UploadError(413, f"文件过大（{length / 1048576:.1f} MB）：上传的文件和表单"
                               f"合计上限为 {mb} MB")
    return length


def read_body(rfile, length: int) -> bytes:
    """Exactly `length` bytes, or 408: the socket's own timeout bounds each wait, and the
    whole body must come at MIN_RATE or better, so a trickle cannot hold a thread for long."""
    parts: list[bytes] = []
    got = _receive(rfile, length, parts.append)
    if got < length:
        raise UploadError(408, f"上传没有完成：应收到 {length} 字节，只收到 {got} 字节"
                               "（网络中断或过慢），请重新上传")
    return b"".join(parts)


def drain(rfile, length: int) -> None:
    """Read and drop a refused body (within the same time bounds), so that the browser,
    still sending, reads our answer rather than a reset connection."""
    _receive(rfile, length, lambda data: None)


def _receive(rfile, length: int, keep, chunk: int = 1 << 16) -> int:
    deadline = time.monotonic() + BODY_GRACE + length / MIN_RATE
    got = 0
    try:
        while got < length and time.monotonic() < deadline:
            data = rfile.read1(min(chunk, length - got))
            if not data:
                break
            keep(data)
            got += len(data)
    except OSError:         # TimeoutError: silent for longer than the socket's timeout
        pass
    return got
