"""Readers: encodings of text files, docx paragraphs with Word numbering, clear errors."""
from __future__ import annotations

import zipfile

import pytest

from lintreport.errors import InputError
from lintreport.read import read
from lintreport.read.plain import decode

from tests.conftest import SEEDS, make_docx

TEXT = "那吾镇2025年法治政府建设工作报告\n一、主要举措和成效\n推进依法行政。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_encodings_read_the_same(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(encoding))
    source = read(str(path))
    assert [l.text for l in source.lines] == TEXT.splitlines()
    assert source.lines[1].number == 2


def test_binary_file_is_an_input_error(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 10)
    with pytest.raises(InputError, match="二进制"):
        read(str(path))


def test_undecodable_bytes_are_kept_as_replacement_characters():
    text, encoding = decode("法治".encode("utf-8") + b"\xff\xfe\xfa" + "政府".encode("utf-8"))
    assert text.startswith("法治") and text.endswith("政府") and "\ufffd" in text
    assert encoding == "utf-8-lossy"


@pytest.mark.parametrize("name,message", [
    ("missing.txt", "不存在"), ("r.pdfx", "不支持"), ("r.doc", "另存为.docx")])
def test_unreadable_paths_say_what_is_wrong(tmp_path, name, message):
    path = tmp_path / name
    if name != "missing.txt":
        path.write_bytes(b"x")
    with pytest.raises(InputError, match=message):
        read(str(path))


def test_docx_word_numbering_becomes_heading_markers(tmp_path):
    lines = ["那吾镇2025年法治政府建设工作报告", "一、主要举措和成效", "（一）加强学习", "推进学法。",
             "1.组织培训", "（二）规范执法", "二、存在的不足和原因", "三、下一年度工作安排"]
    path = make_docx(tmp_path / "r.docx", lines)
    source = read(str(path))
    texts = [l.text for l in source.lines]
    assert texts == lines
    heading = source.lines[1]
    assert heading.prefix == len("一、") and heading.number == 2


def test_docx_tables_and_plain_paragraphs(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("前言")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "12次"
    document.add_paragraph("结尾", style="Heading 1")
    document.save(str(tmp_path / "t.docx"))
    source = read(str(tmp_path / "t.docx"))
    assert [l.text for l in source.lines] == ["前言", "指标", "12次", "结尾"]
    assert source.lines[-1].style_level == 1


def test_truncated_docx_is_an_input_error(tmp_path):
    good = make_docx(tmp_path / "g.docx", ["一、主要举措和成效"])
    data = good.read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="docx"):
        read(str(bad))


def test_docx_zip_bomb_refused_before_reading(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        z.writestr("word/padding.xml", b"\0" * (210 * 1024 * 1024))
    with pytest.raises(InputError, match="压缩炸弹"):
        read(str(path))


def test_seed_reports_read_with_line_numbers():
    for path in SEEDS:
        source = read(str(path))
        raw = path.read_text(encoding="utf-8").splitlines()
        assert [l.text for l in source.lines] == raw
