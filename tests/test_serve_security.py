"""`lintreport serve` against hostile or unlucky clients (issue 16, items 11–14): request
lengths, heavy reports, connection bursts, host names, cross-site posts, short and slow
bodies, and the security headers on every answer. Traffic goes to 127.0.0.1 only; every
wait has a timeout and every loop a bound."""
from __future__ import annotations

import json
import os
import socket
import threading
import time

import pytest

from lintreport.serve import limits, make_server
from lintreport.serve.work import Checker
from tests.test_serve import form, post_json, request

LIMIT = 64 * 1024
DEADLINE = 4
TEXT = "一、主要举措和成效\n我镇开展普法宣传,发放资料500份。\n二、存在的不足和原因\n".encode()


class Heavy(Checker):
    """A report named 慢*.txt keeps its worker busy (holding a temporary folder) for 60 s;
    one named 崩溃.txt ends its worker as a crash in a reader would."""

    def check(self, upload):
        if upload.name == "崩溃.txt":
            os._exit(3)
        if upload.name.startswith("慢"):
            with self._temp():
                end = time.monotonic() + 60
                while time.monotonic() < end:
                    pass
        return super().check(upload)


@pytest.fixture(scope="module")
def tight(tmp_path_factory):
    """A server with small limits, so each limit is reached quickly."""
    tmp = tmp_path_factory.mktemp("serve-tight")
    logged: list[str] = []
    srv = make_server("127.0.0.1", 0, Heavy(tmp_root=str(tmp)), LIMIT, log=logged.append,
                      workers=3, deadline=DEADLINE, max_connections=6, read_timeout=2,
                      header_deadline=3, queue_wait=1)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv, tmp, logged
    srv.shutdown()
    srv.server_close()


def raw(srv, data: bytes, wait: float = 10) -> tuple[int, dict, bytes, float]:
    """Send bytes as they are: (status, headers, body, seconds until the answer)."""
    start = time.monotonic()
    with socket.create_connection(srv.server_address[:2], timeout=wait) as s:
        s.sendall(data)
        got = b""
        while b"\r\n\r\n" not in got and len(got) < 1 << 20:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
        took = time.monotonic() - start
        head, _, body = got.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        want = int(headers.get("Content-Length", "0"))
        while len(body) < want:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
    return int(lines[0].split()[1]), headers, body, took


def posting(srv, length: str, body: bytes, extra: str = "") -> bytes:
    _, ctype = form({"text": "x"})
    return (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{srv.server_address[1]}\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {length}\r\n{extra}\r\n").encode() + body


def safe(headers: dict) -> bool:
    return "default-src 'none'" in headers.get("Content-Security-Policy", "") and \
        headers.get("X-Content-Type-Options") == "nosniff"


# 11. lengths ---------------------------------------------------------------------------

@pytest.mark.parametrize("length, status", [
    ("-1", 400), ("+10", 400), ("1_0", 400), ("1e3", 400), ("0x10", 400), ("10, 20", 400),
    ("99999999999999999999", 400),
])
def test_lengths_that_are_not_one_plain_number_are_refused(tight, length, status):
    srv, _, _ = tight
    got, headers, _, took = raw(srv, posting(srv, length, b"x" * 10))
    assert got == status and took < 2 and safe(headers)


def test_two_lengths_chunked_or_encoded_bodies_are_refused(tight):
    srv, _, _ = tight
    assert raw(srv, posting(srv, "10", b"x" * 10, "Content-Length: 11\r\n"))[0] == 400
    for coding in ("chunked", "gzip", "identity"):
        assert raw(srv, posting(srv, "10", b"x" * 10, f"Transfer-Encoding: {coding}\r\n"))[0] == 411
    no_length = ("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").encode()
    assert raw(srv, no_length)[0] == 411


def test_the_limit_counts_the_whole_body(tight):
    srv, _, _ = tight
    # the file alone is within the limit; with the form around it, the body is not
    status, data = post_json(srv, {"file": ("报告.txt", TEXT + b" " * (LIMIT - 100 - len(TEXT))),
                                   "note": "x" * 200})
    assert status == 413 and "合计上限" in data["error"]
    status, data = post_json(srv, {"file": ("报告.txt", TEXT + b" " * (LIMIT - 1024 - len(TEXT)))})
    assert status == 200


def test_a_refused_length_is_answered_before_100_continue(tight):
    srv, _, _ = tight
    status, _, body, took = raw(srv, posting(srv, str(LIMIT + 1), b"", "Expect: 100-continue\r\n"))
    assert status == 413 and took < 2 and "合计上限" in body.decode("utf-8")
    assert raw(srv, posting(srv, "-1", b"", "Expect: 100-continue\r\n"))[0] == 400


def test_forms_with_too_many_parts_or_long_part_headers_are_refused(tight):
    srv, _, _ = tight
    body = b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\n\r\n" * 1000 + b"--x--\r\n"
    status, data = _post_raw(srv, body)
    assert status == 400 and "表单字段过多" in data
    body = b"--x\r\n" + b"a: b\r\n" * 3000 + b"\r\nzz\r\n--x--\r\n"
    status, data = _post_raw(srv, body)
    assert status == 400 and "说明部分过长" in data


def _post_raw(srv, body: bytes) -> tuple[int, str]:
    status, _, data = request(srv, "POST", "/api/check", body,
                              {"Content-Type": "multipart/form-data; boundary=x"})
    return status, data.decode("utf-8")


# 12. heavy reports ---------------------------------------------------------------------

def test_a_normal_report_is_answered_while_two_heavy_ones_run(tight):
    srv, tmp, _ = tight
    for _ in range(3):          # each worker once (idle workers take turns): none starts cold
        assert post_json(srv, {"text": TEXT.decode()})[0] == 200
    heavy: list[tuple[int, dict, float]] = []

    def one(name):
        start = time.monotonic()
        status, data = post_json(srv, {"file": (name, TEXT)})
        heavy.append((status, data, time.monotonic() - start))
    threads = [threading.Thread(target=one, args=(f"慢{k}.txt",)) for k in range(2)]
    for t in threads:
        t.start()
    time.sleep(1)
    start = time.monotonic()
    status, data = post_json(srv, {"file": ("河市镇.txt", TEXT)})
    normal = time.monotonic() - start
    assert status == 200 and "P003" in data["html"]
    assert normal < DEADLINE - 1, normal
    for t in threads:
        t.join(DEADLINE + 20)
    assert len(heavy) == 2
    for status, data, took in heavy:
        assert status == 503 and "检查超时" in data["error"] and took < DEADLINE + 10
    # the killed workers' temporary folders are gone, and new workers answer
    end = time.monotonic() + 10
    while os.listdir(tmp) and time.monotonic() < end:
        time.sleep(0.1)
    assert os.listdir(tmp) == []
    assert all(post_json(srv, {"text": TEXT.decode()})[0] == 200 for _ in range(4))


def test_when_every_worker_is_busy_a_check_is_told_to_come_back(tight):
    srv, _, _ = tight
    threads = [threading.Thread(target=post_json, args=(srv, {"file": (f"慢{k}.txt", TEXT)}))
               for k in range(3)]
    for t in threads:
        t.start()
    time.sleep(1)
    body, headers = _text_form()
    status, answer, data = request(srv, "POST", "/api/check", body, headers)
    assert status == 503 and answer["Retry-After"].isdigit() and "请稍后再试" in data.decode()
    for t in threads:
        t.join(DEADLINE + 20)
    assert post_json(srv, {"text": TEXT.decode()})[0] == 200


def test_a_worker_that_dies_is_replaced(tight):
    srv, _, _ = tight
    status, data = post_json(srv, {"file": ("崩溃.txt", TEXT)})
    assert status == 500 and "检查进程意外退出" in data["error"] and "服务仍在运行" in data["error"]
    assert all(post_json(srv, {"text": TEXT.decode()})[0] == 200 for _ in range(4))


# 13. bursts and saturation --------------------------------------------------------------

def test_connections_beyond_the_cap_are_told_to_come_back(tight):
    srv, _, _ = tight
    held = []
    try:
        for _ in range(6):          # every handler thread waits for a request that never ends
            s = socket.create_connection(srv.server_address[:2], timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\n")
            held.append(s)
        time.sleep(0.3)
        status, headers, body, _ = raw(srv, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert status == 503 and headers["Retry-After"].isdigit() and safe(headers)
        assert "请稍后再试" in body.decode("utf-8")
        # the page's script gets JSON it can show
        body, more = _text_form()
        status, headers, data = request(srv, "POST", "/api/check", body, more)
        assert status == 503 and "请稍后再试" in json.loads(data)["error"]
    finally:
        for s in held:
            s.close()
    time.sleep(0.5)
    assert request(srv, "GET", "/")[0] == 200


def test_a_burst_of_uploads_is_answered_not_reset(tight):
    srv, _, _ = tight
    assert srv.request_queue_size >= 64
    answers: list[object] = []
    gate = threading.Barrier(20, timeout=10)

    def one():
        gate.wait()
        try:
            status, headers, _ = request(srv, "POST", "/api/check", *_text_form())
            answers.append(status if status == 200 or "Retry-After" in headers else headers)
        except OSError as exc:
            answers.append(type(exc).__name__)
    threads = [threading.Thread(target=one) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(answers) == 20 and set(answers) <= {200, 503}, answers
    assert answers.count(200) >= 6


def _text_form():
    body, ctype = form({"text": TEXT.decode()})
    return body, {"Content-Type": ctype}


# 14. host names, origins, short and slow bodies, error pages ----------------------------

@pytest.mark.parametrize("host", ["127.evil.com", "127.0.0.1.nip.io", "localhost.evil.com",
                                  "127.1", "0x7f.0.0.1", "[::1].evil", "127.0.0.1:80:80",
                                  "evil.com:{port}", "::1"])
def test_host_names_that_only_look_local_are_refused(tight, host):
    srv, _, _ = tight
    host = host.format(port=srv.server_address[1])
    status, headers, _, _ = raw(srv, f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    assert status == 421 and safe(headers)


def test_loopback_names_and_addresses_are_served(tight):
    srv, _, _ = tight
    port = srv.server_address[1]
    for host in ("127.0.0.1", f"127.0.0.1:{port}", "127.3.2.1", "localhost", f"LocalHost:{port}",
                 f"[::1]:{port}"):
        assert request(srv, "GET", "/", headers={"Host": host})[0] == 200, host
    assert raw(srv, b"GET / HTTP/1.1\r\n\r\n")[0] == 421         # HTTP/1.1 without a Host
    two = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n"
    assert raw(srv, two)[0] == 421


def test_host_check_when_listening_on_the_network():
    assert limits.host_ok("192.168.1.5:8000", "192.168.1.5")
    assert limits.host_ok("localhost:8000", "192.168.1.5")
    assert not limits.host_ok("evil.example:8000", "192.168.1.5")
    assert not limits.host_ok("192.168.1.6", "192.168.1.5")
    assert limits.host_ok("10.0.0.7:8000", "0.0.0.0")      # any address literal on 0.0.0.0
    assert limits.host_ok("[fe80::1]:8000", "::")
    assert limits.host_ok("zhenfu-pc:8000", "0.0.0.0", ("zhenfu-pc",))
    assert not limits.host_ok("rebind.evil.example:8000", "0.0.0.0", ("zhenfu-pc",))


@pytest.mark.parametrize("headers, status", [
    ({"Origin": "http://evil.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Origin": "http://127.0.0.1:1"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Sec-Fetch-Site": "same-site"}, 403),
    ({"Origin": "http://{host}", "Sec-Fetch-Site": "cross-site"}, 403),
    ({"Origin": "http://{host}", "Sec-Fetch-Site": "same-origin"}, 200),
    ({"Origin": "http://evil.example", "Sec-Fetch-Site": "same-origin"}, 403),
    ({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, 200),   # a form post, no-referrer
    ({"Origin": "http://{host}"}, 200),                             # older browsers
    ({"Sec-Fetch-Site": "none"}, 200),
    ({}, 200),
])
def test_posts_from_other_sites_are_refused(tight, headers, status):
    srv, _, _ = tight
    host = f"127.0.0.1:{srv.server_address[1]}"
    body, more = _text_form()
    sent = {**more, "Host": host, **{k: v.format(host=host) for k, v in headers.items()}}
    got, answer, data = request(srv, "POST", "/api/check", body, sent)
    assert got == status and safe(answer)
    if status == 403:
        assert "其他网站" in data.decode("utf-8")


def test_a_body_shorter_than_its_length_gets_408(tight):
    srv, _, logged = tight
    body, _ = _text_form()
    before = len(logged)
    status, headers, data, took = raw(srv, posting(srv, str(len(body) + 100), body), wait=15)
    assert status == 408 and took < 8 and safe(headers) and "上传没有完成" in data.decode("utf-8")
    assert len(logged) == before         # no traceback


@pytest.mark.parametrize("length, status", [("30000", b"408"), ("100000", b"413")])
def test_a_trickling_body_is_cut_off(tight, monkeypatch, length, status):
    """Read (or, over the limit, drained) at no less than limits.MIN_RATE, whatever the pace."""
    srv, _, _ = tight
    monkeypatch.setattr(limits, "BODY_GRACE", 1)
    start = time.monotonic()
    with socket.create_connection(srv.server_address[:2], timeout=15) as s:
        s.sendall(posting(srv, length, b""))
        answer = b""
        for _ in range(40):                  # a byte every 0.2 s: never silent for 2 s
            try:
                s.sendall(b"x")
                s.settimeout(0.2)
                answer += s.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
            if answer:
                break
    assert answer.startswith(b"HTTP/1.1 " + status) and time.monotonic() - start < 7


def test_headers_sent_a_byte_at_a_time_are_cut_off(tight):
    """Slowloris: never silent long enough for the socket timeout, cut off all the same."""
    srv, _, _ = tight
    start = time.monotonic()
    closed = False
    with socket.create_connection(srv.server_address[:2], timeout=5) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        for _ in range(50):                  # a byte every 0.2 s, for at most 10 s
            try:
                s.sendall(b"a")
                s.settimeout(0.2)
                if s.recv(4096) == b"":
                    closed = True
                    break
            except TimeoutError:
                continue
            except OSError:
                closed = True
                break
    assert closed and time.monotonic() - start < 6
    assert request(srv, "GET", "/")[0] == 200


@pytest.mark.parametrize("data, status", [
    (b"FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 501),
    (b"PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", 405),
    (b"OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
    (b"GET / HTTP/1.1\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.1\r\n" + b"X: 1\r\n" * 150 + b"\r\n", 431),
    (b"GET / HTTP/9.9\r\n\r\n", 505),
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404),
])
def test_every_answer_carries_the_security_headers(tight, data, status):
    srv, _, _ = tight
    got, headers, body, _ = raw(srv, data)
    assert got == status and safe(headers) and headers["Content-Type"].startswith("text/plain")
    assert "<" not in body.decode("utf-8")            # Chinese text, not Python's HTML page
    if status == 405:
        assert headers["Allow"] == "GET, HEAD, POST"


def test_a_real_browser_on_another_site_cannot_post(tight):
    """Chromium on an attacker's page (another port of 127.0.0.1: same site, other origin)
    that submits a form to the server by itself: refused; our own page's form: served."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from tests.test_review_browser import CHROMIUM, FLAGS, _need_browser
    _need_browser()
    from playwright.sync_api import sync_playwright
    srv, _, _ = tight
    target = f"{srv.url}api/check"
    evil = ('<form id="f" method="post" enctype="multipart/form-data" action="' + target + '">'
            '<textarea name="text">一、主要举措和成效</textarea></form>'
            '<script>document.getElementById("f").submit()</script>').encode()

    class Attacker(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(evil)))
            self.end_headers()
            self.wfile.write(evil)

        def log_message(self, *args):
            pass
    attacker = ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    statuses: list[int] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            page.on("response", lambda r: statuses.append(r.status) if r.url == target else None)
            page.goto(f"http://127.0.0.1:{attacker.server_address[1]}/")
            page.wait_for_url(target, timeout=15000)
            assert "其他网站" in page.content()
            page.goto(srv.url)
            page.fill("#text", "一、主要举措和成效\n我镇开展普法宣传,发放资料500份。")
            page.click("#go")
            page.wait_for_selector("#res h1", timeout=15000)
            browser.close()
    finally:
        attacker.shutdown()
        attacker.server_close()
    assert statuses == [403, 200]      # the attacker's form, then our own page's fetch
