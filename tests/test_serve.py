"""`lintreport serve` over HTTP on 127.0.0.1 with a free port: the page and its assets, checks
and fixed copies of every kind of upload, limits on size and type, corrupt files, temporary
files removed, and a server that keeps serving whatever a request did."""
from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import threading
import uuid

import pytest

from lintreport.read import read
from lintreport.serve import make_server, work
from lintreport.serve.server import parse_form
from lintreport.serve.work import Checker, UploadError, describe
from tests.conftest import SEEDS, make_docx, make_rich_docx

HESHI = next(p for p in SEEDS if "河市镇" in p.read_text(encoding="utf-8")[:200])
MAX = 2 * 1024 * 1024


class Recording(Checker):
    """The real checker, run in the server's worker processes, which writes down each path
    it reads (and whether it existed then) and fails on a file named 故障.txt."""

    def __init__(self, tmp_root: str, record: str):
        super().__init__(tmp_root=tmp_root)
        self.record = record

    def check(self, upload):
        if upload.name == "故障.txt":
            raise RuntimeError("boom")
        real = work.read

        def spy(path):
            with open(self.record, "a", encoding="utf-8") as f:
                f.write(f"{path}\t{os.path.exists(path)}\n")
            return real(path)
        work.read = spy
        try:
            return super().check(upload)
        finally:
            work.read = real


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on a free port whose temporary folders go to a folder we can watch."""
    tmp = tmp_path_factory.mktemp("serve-tmp")
    record = tmp_path_factory.mktemp("serve-record") / "read.tsv"
    srv = make_server("127.0.0.1", 0, Recording(str(tmp), str(record)), MAX, log=lambda text: None)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv, tmp
    srv.shutdown()
    srv.server_close()


def request(srv, method, path, body=b"", headers=None):
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def form(fields: dict) -> tuple[bytes, str]:
    """multipart/form-data as a browser sends it: {name: value or (filename, bytes)}."""
    boundary = "----lintreport" + uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        out += f"--{boundary}\r\n".encode()
        if isinstance(value, tuple):
            out += (f'Content-Disposition: form-data; name="{name}"; filename="{value[0]}"\r\n'
                    "Content-Type: application/octet-stream\r\n\r\n").encode() + value[1]
        else:
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            out += value.encode() if isinstance(value, str) else value
        out += b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def post(srv, path, fields):
    body, ctype = form(fields)
    status, headers, data = request(srv, "POST", path, body, {"Content-Type": ctype})
    return status, headers, data


def post_json(srv, fields, path="/api/check"):
    status, _, data = post(srv, path, fields)
    return status, json.loads(data)


def sample() -> tuple[str, bytes]:
    return ("河市镇.txt", HESHI.read_bytes())


def test_page_and_assets_are_local_and_chinese(server):
    srv, _ = server
    status, headers, body = request(srv, "GET", "/")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<html lang="zh-CN">' in page and "把报告文件拖到这里" in page and "不外传" in page
    assert 'name="viewport"' in page
    # nothing from another site: every src/href is a path on this server or a fragment
    for url in re.findall(r'(?:src|href|action)="([^"]*)"', page):
        assert url.startswith(("/", "#")) and not url.startswith("//"), url
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    for name in re.findall(r'"/static/([^"]+)"', page):
        status, headers, body = request(srv, "GET", f"/static/{name}")
        assert status == 200 and body and not re.search(rb"https?://|@import|url\(", body)
    assert request(srv, "GET", "/static/../work.py")[0] == 404
    assert request(srv, "GET", "/nothing")[0] == 404


def test_sample_report_findings_grouped_by_part(server):
    srv, _ = server
    status, data = post_json(srv, {"checklist": "township", "file": sample()})
    assert status == 200 and data["name"] == "河市镇.txt"
    html = data["html"]
    assert "<h1>河市镇</h1>" in html and "文件：河市镇.txt" in html
    assert "✗ 缺少 第一责任人" in html and "✓ 举措成效" in html
    # the missing part's finding sits under that part's heading, not under 其他
    groups = re.split(r'<tr class="group" id="res-g\d">', html)
    leaders = next(g for g in groups if g.startswith("<th colspan=\"4\">党政主要负责人"))
    assert "报告中没有这一部分" in leaders and ">S004<" in leaders
    shortcomings = next(g for g in groups if g.startswith("<th colspan=\"4\">存在的不足和原因"))
    assert ">S003<" in shortcomings and ">S004<" not in shortcomings
    assert ">M001<" in groups[-1] and ">M002<" in groups[-1]     # the frame: title, closing
    assert groups[-1].startswith("<th colspan=\"4\">其他")
    # every finding is listed once and marked in the text; sources and fixes are shown
    assert len(re.findall(r'<tr id="res-f\d+" class="finding', html)) == html.count("<a class=\"badge")
    assert "依据：《法治政府建设与责任落实督察工作规定》" in html
    assert "修正：下载的修正稿中，本条所说的各处一并改正" in html and "下载修正稿" in html
    assert '<dt id="rule-S004">' in html


def test_county_and_department_checklists(server):
    srv, _ = server
    text = "××县司法局2025年法治政府建设年度报告\n一、主要举措和成效\n局长带头学法。\n"
    for choice in ("county", "department"):
        status, data = post_json(srv, {"checklist": choice, "text": text})
        assert status == 200 and "✓ 举措成效" in data["html"] and "✗ 缺少 下年安排" in data["html"]
    status, data = post_json(srv, {"checklist": "province", "text": text})
    assert status == 400 and "province" in data["error"]


def test_pasted_text_and_its_fixed_copy(server):
    srv, _ = server
    text = "一、主要举措和成效\r\n我镇开展普法宣传,发放资料500份。\r\n"
    status, data = post_json(srv, {"text": text})
    assert status == 200 and data["name"] == "粘贴的文本.txt" and "P003" in data["html"]
    status, headers, body = post(srv, "/api/fix", {"text": text})
    assert status == 200 and headers["X-Fixed"] == "1"
    assert body.decode("utf-8") == "一、主要举措和成效\n我镇开展普法宣传，发放资料500份。\n"
    assert "filename*=UTF-8''%E4%BF%AE%E6%AD%A3%E7%A8%BF.txt" in headers["Content-Disposition"]


def test_fixed_copy_keeps_the_file_encoding(server):
    srv, _ = server
    text = "我镇开展普法宣传,发放资料500份。\r\n"
    status, headers, body = post(srv, "/api/fix", {"file": ("报告.txt", text.encode("gb18030"))})
    assert status == 200 and headers["X-Fixed"] == "1"
    assert body.decode("gb18030") == "我镇开展普法宣传，发放资料500份。\r\n"
    from urllib.parse import unquote
    assert unquote(headers["X-Filename"]) == "报告（修正）.txt"


def test_docx_upload_and_fixed_docx(server, tmp_path):
    srv, _ = server
    path = make_docx(tmp_path / "曹回镇.docx", ["曹回镇2025年法治政府建设工作报告", "一、主要举措和成效",
                                                "我镇开展普法宣传,发放资料500份。", "二、存在的不足和原因"])
    status, data = post_json(srv, {"file": ("曹回镇.docx", path.read_bytes())})
    assert status == 200 and "格式：docx" in data["html"] and "P003" in data["html"]
    status, headers, body = post(srv, "/api/fix", {"file": ("曹回镇.docx", path.read_bytes())})
    assert status == 200 and headers["X-Fixed"] == "1" and body[:2] == b"PK"
    out = tmp_path / "fixed.docx"
    out.write_bytes(body)
    assert "我镇开展普法宣传，发放资料500份。" in [line.text for line in read(str(out)).lines]


def test_pdf_and_html_are_checked_but_not_fixed(server):
    srv, _ = server
    page = "<html><body><article><p>一、主要举措和成效</p><p>我镇开展普法宣传,发放资料500份。</p>" \
           "</article></body></html>"
    status, data = post_json(srv, {"file": ("报告.html", page.encode("utf-8"))})
    assert status == 200 and "P003" in data["html"] and "不能自动修正" in data["html"]
    status, data = post_json(srv, {"file": ("报告.html", page.encode("utf-8"))}, "/api/fix")
    assert status == 415 and "PDF 和网页" in data["error"]


@pytest.mark.parametrize("name, data, status, words", [
    ("报告.exe", b"MZ\x90\x00", 415, "不支持的文件类型“.exe”"),
    ("报告", b"text", 415, "无扩展名"),
    ("报告.doc", b"\xd0\xcf\x11\xe0", 415, "另存为.docx"),
    ("报告.docx", b"PK\x03\x04 not really a zip", 422, "无法读取“报告.docx”：不是有效的docx文件"),
    ("报告.pdf", b"%PDF-1.4\n garbage", 422, "不是有效的PDF文件"),
    ("报告.txt", b"\x00\x01\x02binary", 422, "文件不是文本"),
])
def test_wrong_types_and_corrupt_files_get_a_clear_message(server, name, data, status, words):
    srv, _ = server
    got, answer = post_json(srv, {"file": (name, data)})
    assert got == status and words in answer["error"]
    assert request(srv, "GET", "/")[0] == 200       # and the server keeps serving


def test_nothing_to_check(server):
    srv, _ = server
    status, data = post_json(srv, {"text": "   ", "file": ("", b"")})
    assert status == 400 and "请选择报告文件" in data["error"]
    status, data = post_json(srv, {"file": ("空.docx", b"")})
    assert status == 400 and "文件“空.docx”是空的" in data["error"]
    status, _, body = request(srv, "POST", "/api/check", b"a=1",
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and "multipart/form-data" in json.loads(body)["error"]


def test_size_limit_refuses_before_reading(server):
    srv, _ = server
    # A length far over the limit is refused at once, without waiting for a byte of the body.
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=10)
    conn.putrequest("POST", "/api/check")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(500 * 1024 * 1024))
    conn.endheaders()
    r = conn.getresponse()
    assert r.status == 413 and "上限为 2 MB" in json.loads(r.read())["error"]
    conn.close()
    # A file a little over the limit, sent whole, gets the same answer.
    status, data = post_json(srv, {"file": ("大.txt", "法治".encode() * (MAX // 5))})
    assert status == 413 and "文件过大" in data["error"]
    status, _, _ = request(srv, "POST", "/api/check", b"", {"Transfer-Encoding": "chunked"})
    assert status == 411
    assert post_json(srv, {"file": sample()})[0] == 200


def test_temporary_files_are_removed(server):
    srv, tmp = server
    record = srv.checker.record
    if os.path.exists(record):
        os.remove(record)
    assert post_json(srv, {"file": sample()})[0] == 200
    assert post_json(srv, {"file": ("坏.docx", b"PK\x03\x04 broken")})[0] == 422
    assert post(srv, "/api/fix", {"file": sample()})[0] == 200
    with open(record, encoding="utf-8") as f:
        seen = [line.rstrip("\n").split("\t") for line in f]
    assert len(seen) == 2 and all(p.startswith(str(tmp)) and there == "True" for p, there in seen)
    assert not any(os.path.exists(p) for p, _ in seen)
    assert os.listdir(tmp) == []


def test_a_failing_check_leaves_the_server_serving(server):
    srv, tmp = server
    status, data = post_json(srv, {"file": ("故障.txt", b"text")})
    assert status == 500 and "服务仍在运行" in data["error"] and "boom" not in data["error"]
    assert "RuntimeError" in data["error"]
    assert post_json(srv, {"file": sample()})[0] == 200
    assert os.listdir(tmp) == []


def test_requests_for_another_host_name_are_refused(server):
    srv, _ = server
    port = srv.server_address[1]
    assert request(srv, "GET", "/", headers={"Host": "attacker.example"})[0] == 421
    body, ctype = form({"file": sample()})
    status, _, _ = request(srv, "POST", "/api/check", body,
                           {"Content-Type": ctype, "Host": f"attacker.example:{port}"})
    assert status == 421
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "localhost"):
        assert request(srv, "GET", "/", headers={"Host": host})[0] == 200


def test_page_without_script_checks_and_fixes_by_plain_form_posts(server):
    srv, _ = server
    status, _, body = post(srv, "/check", {"checklist": "county", "file": sample()})
    page = body.decode("utf-8")
    assert status == 200 and "<h1>河市镇</h1>" in page and 'value="county" checked' in page
    status, _, body = post(srv, "/check", {"file": ("x.exe", b"1")})
    assert status == 415 and 'role="alert">不支持的文件类型' in body.decode("utf-8")
    status, headers, body = post(srv, "/fix", {"file": sample()})
    assert status == 200 and headers["Content-Disposition"].startswith("attachment")


def test_several_uploads_at_once(server):
    srv, _ = server
    answers = []

    def one():
        answers.append(post_json(srv, {"file": sample()})[0])
    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [200] * 6


def test_form_parsing_keeps_bytes_exactly():
    data = bytes(range(256)) * 4 + b"\r\n--not-the-boundary\r\n\r\n"
    body, ctype = form({"file": ("河市镇.docx", data), "text": "中文\r\n两行", "checklist": "county"})
    fields = parse_form(ctype, body)
    assert fields["file"] == ("河市镇.docx", data)
    assert fields["text"] == (None, "中文\r\n两行".encode()) and fields["checklist"][1] == b"county"
    with pytest.raises(UploadError):
        parse_form("multipart/form-data", body)     # no boundary


@pytest.mark.parametrize("old, new, words", [
    (",", "，", "把「,」改为「，」"), (" ", "", "删去多余的空格"), ("的的", "的", "把「的的」改为「的」"),
    ("。。", "", "删去「。。」"), ("", "。", "插入「。」"),
])
def test_fixes_said_in_words(old, new, words):
    assert describe(old, new) == words


def test_cli_serve_binds_localhost_and_says_so(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "lintreport", "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=tmp_path)
    try:
        first = proc.stdout.readline()
        second = proc.stdout.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", first).group(1))
        assert "只在本机监听（127.0.0.1）" in second
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
        # a second server on the same port says why it cannot start
        busy = subprocess.run([sys.executable, "-m", "lintreport", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path,
                              check=False)
        assert busy.returncode == 2 and f"端口 {port} 已被占用" in busy.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_cli_serve_warns_when_others_can_reach_it(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "lintreport", "serve", "--host", "0.0.0.0",
                             "--port", "0"], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        proc.stdout.readline()
        assert "同一网络中的其他电脑也能打开此页面" in proc.stdout.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_fixed_docx_download_has_the_fixes_of_a_many_run_document(server, tmp_path):
    """A Word file whose paragraphs are split into many runs still downloads fixed."""
    srv, _ = server
    lines = ["云岭镇2023年法治政府建设工作报告", "一、主要举措和成效", "推进依法行政,健全体系。",
             "全年办理复议案件3件,诉讼案件2件;化解率98%。", "二、存在的不足和原因", "执法力量薄弱,原因在于培训不足。"]
    path = make_rich_docx(tmp_path / "云岭镇.docx", lines)
    status, headers, body = post(srv, "/api/fix", {"file": ("云岭镇.docx", path.read_bytes())})
    assert status == 200 and int(headers["X-Fixed"]) >= 4 and body[:2] == b"PK"
    out = tmp_path / "fixed.docx"
    out.write_bytes(body)
    texts = [line.text for line in read(str(out)).lines]
    assert "全年办理复议案件3件，诉讼案件2件；化解率98%。" in texts and "推进依法行政，健全体系。" in texts
