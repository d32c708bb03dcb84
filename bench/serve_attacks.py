"""The attacks on `lintreport serve` from issue 16, run against a real server on 127.0.0.1.

    python bench/serve_attacks.py [--heavy] [--timeout SECONDS]

Starts `python -m lintreport serve --port 0` (extra arguments after `--` go to it), sends each
attack over a raw socket to loopback only, and prints one line per attack: what came back and
how long it took. `--heavy` adds the slow one: two heavy uploads in flight, then a normal one,
and the normal one's latency (it takes a minute or more on the old server).
"""
from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NORMAL = "一、主要举措和成效\n我镇开展普法宣传,发放资料500份。\n二、存在的不足和原因\n".encode()
# quadratic in quantity._between before issue 16 item 5: one 66 KB paragraph of numbers
REPORT = sorted((ROOT / "fixtures").glob("*.txt"))[0]
HEAVY = ("占比1.5%，共3人，其中2人" * 4500).encode()


def form(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\""
            "\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def raw(port: int, head: bytes, body: bytes = b"", wait: float = 90.0) -> tuple[str, float, str]:
    """Send bytes as they are; (status line or what went wrong, seconds, headers)."""
    start = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
            try:
                s.sendall(head + body)
            except OSError:         # answered and closed before the body was all sent
                pass
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError as exc:
        return type(exc).__name__, time.monotonic() - start, ""
    head_text = data.partition(b"\r\n\r\n")[0].decode("latin-1")
    status = head_text.partition("\r\n")[0] or "closed without answer"
    return status, time.monotonic() - start, head_text


def post(port: int, name: str, data: bytes, extra: str = "", wait: float = 120.0):
    body, ctype = form(name, data)
    head = (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n{extra}\r\n").encode()
    return raw(port, head, body, wait)


def attacks(port: int, max_bytes: int):
    body, ctype = form("a.txt", NORMAL)
    yield "Content-Length: -1, 30 MB body", raw(port, (
        f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n"
        "Content-Length: -1\r\nConnection: close\r\n\r\n").encode(),
        body + b"x" * (30 << 20), wait=60)
    yield "Content-Length: +1_0 (int() accepts it)", raw(port, (
        f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n"
        "Content-Length: +1_0\r\n\r\n").encode(), b"x" * 10)
    yield "body = limit + 200 KB", post(port, "a.txt", NORMAL + b" " * (max_bytes + 200_000 - len(NORMAL)))
    yield "Host: 127.evil.com", raw(port, b"GET / HTTP/1.1\r\nHost: 127.evil.com\r\n\r\n")
    yield "Host: 127.0.0.1.nip.io", raw(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1.nip.io\r\n\r\n")
    yield "cross-site POST (Origin: http://evil.example)", post(
        port, "a.txt", NORMAL, "Origin: http://evil.example\r\nSec-Fetch-Site: cross-site\r\n")
    yield "body shorter than Content-Length", raw(port, (
        f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n"
        f"Content-Length: {len(body) + 100}\r\n\r\n").encode(), body, wait=90)
    yield "Transfer-Encoding: gzip + Content-Length", raw(port, (
        f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n"
        f"Transfer-Encoding: gzip\r\nContent-Length: {len(body)}\r\n\r\n").encode(), body)
    for name, head in (("method FOO (error page headers)", b"FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                       ("URL of 70 KB", b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n"),
                       ("header line of 70 KB", b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n")):
        status, took, headers = raw(port, head)
        csp = "CSP+nosniff" if "Content-Security-Policy" in headers and "nosniff" in headers \
            else "no CSP/nosniff"
        yield name, (f"{status} ({csp})", took, headers)
    yield "20 concurrent uploads", concurrent(port, 20)


def concurrent(port: int, n: int):
    got: list[str] = []
    start = time.monotonic()

    def one():
        got.append(post(port, "a.txt", NORMAL * 200, wait=60)[0])
    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    counts: dict[str, int] = {}
    for status in got:
        counts[status] = counts.get(status, 0) + 1
    return ", ".join(f"{v}× {k}" for k, v in sorted(counts.items())), time.monotonic() - start, ""


def heavy(port: int):
    """Two heavy uploads in flight, then a normal one: the normal one's answer and latency."""
    out: dict[str, tuple] = {}
    threads = [threading.Thread(target=lambda k=k: out.__setitem__(
        k, post(port, "heavy.txt", HEAVY, wait=300))) for k in ("heavy1", "heavy2")]
    for t in threads:
        t.start()
    time.sleep(2)
    out["normal (a real report)"] = post(port, REPORT.name, REPORT.read_bytes(), wait=300)
    for t in threads:
        t.join(300)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heavy", action="store_true")
    parser.add_argument("serve_args", nargs="*")
    args = parser.parse_args()
    proc = subprocess.Popen([sys.executable, "-m", "lintreport", "serve", "--port", "0",
                             *args.serve_args], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        port = int(re.search(r":(\d+)/", proc.stdout.readline()).group(1))
        for line in proc.stdout:
            mb = re.search(r"上限 (\d+) MB", line)
            if mb:
                max_bytes = int(mb.group(1)) << 20
                break
        time.sleep(1)
        for name, (status, took, _) in attacks(port, max_bytes):
            print(f"{name:48} {status:50} {took:6.2f} s", flush=True)
        print(f"{'a real report, server idle':48} {post(port, REPORT.name, REPORT.read_bytes())[0]:50} "
              f"{post(port, REPORT.name, REPORT.read_bytes())[1]:6.2f} s", flush=True)
        if args.heavy:
            for name, (status, took, _) in heavy(port).items():
                print(f"{'2 heavy + 1 normal: ' + name:48} {status:50} {took:6.2f} s", flush=True)
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
