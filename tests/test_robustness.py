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
