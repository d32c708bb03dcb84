"""Hostile and broken inputs: each gives one clear error line (exit 2) or a normal result,
within a time bound, never a traceback; the rest of the batch is unaffected."""
from __future__ import annotations

import json
import os
import time
import zipfile

import pytest
from click.testing import CliRunner

from lintreport.cli import main

from tests.conftest import SEEDS, make_docx

BOUND = 20.0     # seconds: generous for a slow CI machine; a hang would take forever


def check(*paths, extra=()):
    start = time.perf_counter()
    r = CliRunner().invoke(main, ["check", "--format", "json", *extra, *map(str, paths),
                                  str(SEEDS[1])], catch_exceptions=False)
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND, f"took {elapsed:.1f}s"
    assert "Traceback" not in r.output
    data = json.loads(r.stdout)
    good = [f for f in data["files"] if f["path"] == str(SEEDS[1])][0]
    assert good["findings"] and not good["error"], "the good report is unaffected"
    errors = [l for l in r.stderr.splitlines() if l.strip()]
    return r.exit_code, errors, data


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data", [
    ("empty.txt", b""),
    ("blank.txt", b"   \n\n\t\n\xe3\x80\x80\n"),
    ("mixed.txt", "法治".encode() + "政府".encode("gbk") + b"\xff\xfe" + "建设".encode()),
    ("one-line.md", ("法治政府建设。" * 150_000).encode()),          # a line of ~1 M characters
    ("markers.txt", ("一、\n（一）\n1.\n(1)\n一是二是三是\n" * 2000).encode()),
])
def test_odd_text_gives_a_normal_result(tmp_path, name, data):
    code, errors, out = check(write(tmp_path, name, data))
    assert code in (0, 1) and errors == []


@pytest.mark.parametrize("name,data,words", [
    ("garbage.txt", os.urandom(4096) + b"\x00" * 10, "二进制"),
    ("huge.txt", ("法治政府建设工作报告。" * 1_600_000).encode(), "文字过多"),   # ~50 MB
    ("fake.docx", b"this is not a zip", "docx"),
])
def test_bad_files_give_one_clear_line(tmp_path, name, data, words):
    path = write(tmp_path, name, data)
    code, errors, out = check(path)
    assert code == 2 and len(errors) == 1
    assert str(path) in errors[0] and words in errors[0]


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "g.docx", SEEDS[0].read_text(encoding="utf-8").splitlines())
    data = good.read_bytes()
    for cut in (100, len(data) // 2, len(data) - 30):
        path = write(tmp_path, f"cut{cut}.docx", data[:cut])
        code, errors, _ = check(path)
        assert code == 2 and len(errors) == 1 and "docx" in errors[0]


def _docx_with_document_xml(tmp_path, name, xml: str):
    good = make_docx(tmp_path / "base.docx", ["一、主要举措和成效"])
    path = tmp_path / name
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    return path


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_entity_expansion_is_not_expanded(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "法治">{lol}]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    code, errors, out = check(_docx_with_document_xml(tmp_path, "lol.docx", xml))
    assert code in (1, 2)
    text = json.dumps(out, ensure_ascii=False)
    assert "法治法治法治" not in text


def test_docx_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>一、&x;</w:t></w:r></w:p></w:body>'
           '</w:document>')
    path = _docx_with_document_xml(tmp_path, "xxe.docx", xml)
    r = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert "SECRET-CONTENT" not in r.output
    assert r.exit_code in (0, 1, 2) and "Traceback" not in r.output


def test_malformed_config_and_checklist(tmp_path):
    bad_yaml = write(tmp_path, "c.yaml", b"rules: [unclosed\n")
    for flag in ("--config", "--checklist"):
        r = CliRunner().invoke(main, ["check", flag, str(bad_yaml), str(SEEDS[0])])
        assert r.exit_code == 2 and "Traceback" not in r.output
        assert str(bad_yaml) in r.stderr and r.stderr.count("\n") == 1


def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "pwned"
    evil = write(tmp_path, "evil.yaml",
                 f'checklist: !!python/object/apply:os.system ["touch {marker}"]\n'.encode())
    for flag in ("--config", "--checklist"):
        r = CliRunner().invoke(main, ["check", flag, str(evil), str(SEEDS[0])])
        assert r.exit_code == 2 and not marker.exists()


@pytest.mark.parametrize("name,data", [
    ("nested.html", ("<html><body>" + "<div>" * 200_000 + "一、主要举措和成效<p>推进依法行政。</p>"
                     + "</div>" * 200_000 + "</body></html>").encode()),
    ("unclosed.html", ("<html><body>" + "<b><i>" * 100_000 + "法治政府建设").encode()),
    ("garbage.html", os.urandom(20_000)),
    ("empty.pdf", b""),
    ("garbage.pdf", b"%PDF-1.7\n" + os.urandom(5000)),
])
def test_hostile_pages_and_pdfs(tmp_path, name, data):
    path = write(tmp_path, name, data)
    code, errors, _ = check(path)
    assert code in (0, 1, 2)
    assert len(errors) <= 1 and all(str(path) in e for e in errors)


# --- hangs and cost blow-ups (issue 16, items 5–7) ---

def _docx_body(tmp_path, name, body: str):
    return _docx_with_document_xml(
        tmp_path, name, f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')


def _timed(*paths, extra=()):
    """check() with the time it took."""
    start = time.perf_counter()
    out = check(*paths, extra=extra)
    return (*out, time.perf_counter() - start)


def test_a_long_paragraph_of_numbers_is_near_linear(tmp_path):
    unit = "占比1.5%，共3人，其中2人"
    text = "云岭镇2025年法治政府建设工作报告\n" + unit * (66_000 // len(unit.encode())) + "\n"
    code, errors, data, elapsed = _timed(write(tmp_path, "numbers.txt", text.encode()))
    assert elapsed < 15, f"66 KB of numbers took {elapsed:.1f}s (was 46 s, quadratic)"
    assert code == 1 and not errors


def test_a_megabyte_line_of_repeated_phrases_is_near_linear(tmp_path):
    import random
    rnd = random.Random(16)
    phrases = ["推进依法行政", "加强法治宣传", "规范执法行为", "化解矛盾纠纷", "完善制度建设",
               "强化监督考核", "提升服务水平"]
    line = "".join(rnd.choice(phrases) + rnd.choice("，、") for _ in range(190_000))
    path = write(tmp_path, "line.txt", ("石门乡2024年法治政府建设情况报告\n" + line).encode())
    assert path.stat().st_size > 3_800_000
    code, errors, data, elapsed = _timed(path)
    assert elapsed < 20, f"took {elapsed:.1f}s (was 69 s)"
    assert not errors


def test_a_docx_of_100000_empty_paragraphs_is_refused_at_once(tmp_path):
    body = "<w:p><w:r><w:t>城关街道2023年法治政府建设工作报告</w:t></w:r></w:p>" + "<w:p/>" * 100_000
    path = _docx_body(tmp_path, "empty.docx", body)
    code, errors, data, elapsed = _timed(path)
    assert elapsed < 10, f"took {elapsed:.1f}s (was over 60 s)"
    assert code == 2 and any("段落过多" in e for e in errors)


def test_a_docx_just_under_the_paragraph_cap_is_checked_quickly(tmp_path):
    body = "<w:p><w:r><w:t>城关街道2023年法治政府建设工作报告</w:t></w:r></w:p>" + \
        "<w:p><w:r><w:t>推进依法行政。</w:t></w:r></w:p><w:p/>" * 20_000
    code, errors, data, elapsed = _timed(_docx_body(tmp_path, "big.docx", body))
    assert elapsed < 15, f"took {elapsed:.1f}s"
    assert not errors


def test_a_2000_page_pdf_is_refused_before_extraction(tmp_path):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    path = tmp_path / "pages.pdf"
    pdf.save(str(path))
    pdf.close()
    code, errors, data, elapsed = _timed(path)
    assert code == 2 and any("页数过多" in e for e in errors), errors
    assert elapsed < 10


def test_time_budget_gives_one_finding_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A check that runs long (here: made to sleep on one report) spends the report's budget:
    that report gets H100 and no further rules, the next report is checked in full."""
    import dataclasses
    from lintreport import checklist as cl
    from lintreport import checks
    first = cl.load("township").rules[0]
    kind = checks.get(first.check)
    slow = write(tmp_path, "slow.txt", "乌江镇2022年法治政府建设工作报告\n慢。\n".encode())

    def sleepy(doc, rule, ctx):
        if doc.path.endswith("slow.txt"):
            time.sleep(0.6)
        yield from kind.func(doc, rule, ctx)
    monkeypatch.setitem(checks.CHECKS, first.check, dataclasses.replace(kind, func=sleepy))
    config = write(tmp_path, "budget.yaml", b"rules:\n  H100:\n    options: {seconds: 0.3}\n")
    code, errors, data, elapsed = _timed(slow, extra=("--config", str(config), "--jobs", "1"))
    by_path = {f["path"]: f for f in data["files"]}
    rules = [f["rule"] for f in by_path[str(slow)]["findings"]]
    assert rules.count("H100") == 1
    assert set(rules) <= {"H100", first.id}, rules      # the rules after the slow one did not run
    good = by_path[str(SEEDS[1])]["findings"]
    assert good and "H100" not in [f["rule"] for f in good]


def test_a_fifo_named_txt_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, errors, data, elapsed = _timed(fifo)
    assert code == 2 and any("不是普通文件" in e for e in errors)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "report.txt")
    code, errors, data, elapsed = _timed(folder)
    assert code == 2 and any("不是普通文件" in e for e in errors)


def test_a_txt_link_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    code, errors, data, elapsed = _timed(link)
    assert code == 2 and any("不是普通文件" in e for e in errors)
    assert elapsed < 10


def _p(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_docx_content_controls_and_nested_tables_are_read_in_order(tmp_path):
    from lintreport.read import read
    body = (_p("和平乡2021年法治政府建设工作报告")
            + f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('一、块级内容控件里的段落')}</w:sdtContent></w:sdt>"
            + "<w:p><w:r><w:t>行内</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>控件文字</w:t></w:r>"
              "</w:sdtContent></w:sdt><w:r><w:t>之后</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc>" + _p("外表格")
            + "<w:tbl><w:tr><w:tc>" + _p("嵌套表格里的段落") + "</w:tc></w:tr></w:tbl>"
            + "</w:tc></w:tr></w:tbl>"
            + _p("结尾段落"))
    source = read(str(_docx_body(tmp_path, "sdt.docx", body)))
    assert [l.text for l in source.lines] == [
        "和平乡2021年法治政府建设工作报告", "一、块级内容控件里的段落", "行内控件文字之后",
        "外表格", "嵌套表格里的段落", "结尾段落"]


def test_a_report_inside_one_content_control_is_checked(tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8").splitlines()
    from xml.sax.saxutils import escape
    inner = "".join(_p(escape(t)) for t in text)
    path = _docx_body(tmp_path, "cc.docx",
                                   f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>")
    plain = _docx_body(tmp_path, "plain.docx", inner)
    r = CliRunner().invoke(main, ["check", "--format", "json", str(path), str(plain)])
    files = json.loads(r.stdout)["files"]
    rules = [sorted(f["rule"] for f in x["findings"]) for x in files]
    assert rules[0] and rules[0] == rules[1]


def test_two_reports_repeating_one_paragraph_thousands_of_times_stay_near_linear(tmp_path):
    """Cross-report copies: a bucket of 3,000 × 3,000 same paragraphs was 9 million pairs."""
    para = ("依法推进行政执法三项制度落实，全面推行行政执法公示制度、执法全过程记录制度和重大执法决定"
            "法制审核制度，规范执法行为，提升执法水平。\n")
    a = write(tmp_path, "a.txt", ("云岭镇2025年法治政府建设工作报告\n" + para * 3000).encode())
    b = write(tmp_path, "b.txt", ("石门乡2025年法治政府建设工作报告\n" + para * 3000).encode())
    code, errors, data, elapsed = _timed(a, b, extra=("--jobs", "1"))
    assert elapsed < 20, f"took {elapsed:.1f}s (was over 300 s)"
    rules = {f["rule"] for x in data["files"] if x["path"] == str(b) for f in x["findings"]}
    assert {"D001", "D002"} <= rules


def test_three_million_characters_of_numbers_stay_within_the_budget(tmp_path):
    """At the character cap: the number checks look at the first MAX_NUMBERS numbers only."""
    unit = "占比1.5%，共3人，其中2人"
    text = "云岭镇2025年法治政府建设工作报告\n" + unit * (2_900_000 // len(unit)) + "\n"
    code, errors, data, elapsed = _timed(write(tmp_path, "numbers.txt", text.encode()))
    assert elapsed < 20, f"took {elapsed:.1f}s (one rule alone took 24 s)"
    assert not errors
