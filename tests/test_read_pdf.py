"""The PDF reader: paragraphs rejoined from printed lines, page numbers kept and dropped,
and a clear message for scanned, encrypted and broken PDFs.

`make_pdf()` lays a report out as GB/T 9704 prints it (16 pt, 28 characters a line, first
lines indented by two characters, a running page number "— n —" at the foot) with a text
layer in the Adobe-GB1 font STSong-Light, which every PDF reader knows without embedding.
"""
from __future__ import annotations

import zlib

import pytest

from lintreport.errors import InputError
from lintreport.read import read
from tests.conftest import SEEDS

pytest.importorskip("pypdfium2")

HANG = "。，、；：？！）》”,.;:?!)"    # never starts a printed line (kinsoku)


def _width(ch: str) -> float:
    return 0.5 if ord(ch) < 0x7F else 1.0


def layout(text: str, per_line: float = 28.0) -> list[tuple[float, str, bool]]:
    """Paragraphs (lines of `text`) → printed rows (indent in em, text, centred)."""
    rows = []
    for i, para in enumerate(text.splitlines()):
        para = para.strip(" \u3000\t\xa0")
        if not para:
            continue
        centred = i < 2 and len(para) <= per_line and "。" not in para
        indent = 0.0 if centred else 2.0
        row, used = "", indent
        for ch in para:
            if used + _width(ch) > per_line and ch not in HANG:
                rows.append((indent, row, centred))
                row, used, indent = "", 0.0, 0.0
            row += ch
            used += _width(ch)
        rows.append((indent, row, centred))
    return rows


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text if ord(c) <= 0xFFFF)


def make_pdf(path, text: str = "", *, scanned: bool = False, size: int = 16,
             per_line: int = 28, per_page: int = 22, header: str = "") -> None:
    """Write `text` as a PDF with a text layer, or a page with only an image (a scan);
    `header` is a running head printed at the top of every page."""
    objs: list[bytes | None] = []

    def add(body):
        objs.append(body)
        return len(objs)

    catalog, pages = add(None), add(None)
    desc = add(b"<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[-25 -254 1000 880]"
               b"/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880/StemV 93>>")
    cid = add(b"<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo"
              b"<</Registry(Adobe)/Ordering(GB1)/Supplement 2>>/FontDescriptor %d 0 R"
              b"/DW 1000/W[1 95 500]>>" % desc)
    font = add(b"<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H"
               b"/DescendantFonts[%d 0 R]>>" % cid)
    width, height = 595, 842
    x0, top = (width - per_line * size) / 2, height - 100
    if scanned:
        data = zlib.compress(bytes(range(256)) * 64)
        image = add(b"<</Type/XObject/Subtype/Image/Width 128/Height 128/ColorSpace/DeviceGray"
                    b"/BitsPerComponent 8/Filter/FlateDecode/Length %d>>stream\n" % len(data)
                    + data + b"\nendstream")
        sheets = [None]
    else:
        rows = layout(text, per_line)
        sheets = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    kids = []
    for number, sheet in enumerate(sheets, 1):
        if scanned:
            ops = "q 400 0 0 600 97 120 cm /Im1 Do Q"
            resources = b"<</XObject<</Im1 %d 0 R>>>>" % image
        else:
            ops_list = [f"BT /F1 {size} Tf"]
            if header:
                ops_list.append(f"/F1 12 Tf 1 0 0 1 {(width - len(header) * 12) / 2:.2f} "
                                f"{height - 50} Tm <{_hex(header)}> Tj /F1 {size} Tf")
            for k, (indent, row, centred) in enumerate(sheet):
                w = sum(_width(c) for c in row) * size
                x = (width - w) / 2 if centred else x0 + indent * size
                # a lone character has no glyph box without an embedded font, and pdfium
                # skips a text object of no width: a trailing space gives it one
                shown = row if len(row) > 1 else row + " "
                ops_list.append(f"1 0 0 1 {x:.2f} {top - k * size * 1.75:.2f} Tm <{_hex(shown)}> Tj")
            folio = f"— {number} —"
            ops_list.append(f"/F1 14 Tf 1 0 0 1 {(width - len(folio) * 10) / 2:.2f} 50 Tm "
                            f"<{_hex(folio)}> Tj ET")
            ops = "\n".join(ops_list)
            resources = b"<</Font<</F1 %d 0 R>>>>" % font
        stream = ops.encode("ascii")
        content = add(b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 %d %d]/Resources %s"
                        b"/Contents %d 0 R>>" % (pages, width, height, resources, content)))
    objs[catalog - 1] = b"<</Type/Catalog/Pages %d 0 R>>" % pages
    objs[pages - 1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(bytes(out))


def paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_sample_reports_come_back_paragraph_by_paragraph(seed, tmp_path):
    text = seed.read_text(encoding="utf-8")
    make_pdf(tmp_path / "r.pdf", text)
    source = read(str(tmp_path / "r.pdf"))
    assert source.kind == "pdf"
    assert [" ".join(l.text.split()) for l in source.lines] == paragraphs(text)
    assert [l.number for l in source.lines] == list(range(1, len(source.lines) + 1))


def test_pages_are_kept_and_running_page_numbers_dropped(tmp_path):
    text = "\n".join(f"{n}.第{n}段落的内容比一行长得多,需要折行才能排下,这样就能跨越页面的边界继续排版。"
                     for n in range(1, 31))
    make_pdf(tmp_path / "r.pdf", text, per_page=10)
    lines = read(str(tmp_path / "r.pdf")).lines
    pages = [l.page for l in lines]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] >= 5
    assert not any("—" in l.text for l in lines)
    assert len(lines) == 30


def test_a_paragraph_split_over_two_pages_is_one_paragraph(tmp_path):
    text = "一、总体情况\n" + "这是一段很长的正文," * 40 + "到此结束。\n二、存在的不足和原因"
    make_pdf(tmp_path / "r.pdf", text, per_page=8)
    lines = read(str(tmp_path / "r.pdf")).lines
    assert [l.text[:6] for l in lines] == ["一、总体情况", "这是一段很长", "二、存在的不"]
    assert lines[1].text.endswith("到此结束。") and lines[1].page == 1 and lines[2].page >= 2


def test_a_bare_number_in_the_text_is_not_taken_for_a_page_number(tmp_path):
    make_pdf(tmp_path / "r.pdf", "标题\n2025\n" + "正文第一段,写了很多内容,足够长。" * 5)
    texts = [l.text for l in read(str(tmp_path / "r.pdf")).lines]
    assert "2025" in texts


def test_scanned_pdf_says_what_to_do(tmp_path):
    make_pdf(tmp_path / "scan.pdf", scanned=True)
    with pytest.raises(InputError, match="没有文字层.*扫描件.*docx"):
        read(str(tmp_path / "scan.pdf"))


def test_encrypted_pdf_says_what_to_do(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    make_pdf(tmp_path / "plain.pdf", SEEDS[1].read_text(encoding="utf-8"))
    writer = pypdf.PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    writer.write(str(tmp_path / "locked.pdf"))
    with pytest.raises(InputError, match="已加密.*密码"):
        read(str(tmp_path / "locked.pdf"))


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n1 0 obj\n<<", b"not a pdf at all"],
                         ids=["empty", "truncated", "text"])
def test_broken_pdf_is_an_input_error(tmp_path, data):
    (tmp_path / "bad.pdf").write_bytes(data)
    with pytest.raises(InputError, match="PDF"):
        read(str(tmp_path / "bad.pdf"))


def test_a_pdf_report_is_linted_like_its_text(tmp_path):
    from lintreport.config import Config
    from lintreport.engine import lint
    seed = SEEDS[1]     # 河市镇: no leaders' part, no causes, no closing
    make_pdf(tmp_path / "r.pdf", seed.read_text(encoding="utf-8"))
    from_pdf = lint([str(tmp_path / "r.pdf")], Config()).files[0]
    from_txt = lint([str(seed)], Config()).files[0]
    assert from_pdf.error is None
    structure = {f.rule for f in from_txt.findings if f.category == "structure"}
    assert structure and structure <= {f.rule for f in from_pdf.findings}
    assert from_pdf.report_year == from_txt.report_year


def test_a_pdf_printed_by_a_browser(tmp_path):
    """Real typesetting: justified lines, an embedded subset font, Chromium's own layout."""
    import html
    import os
    import shutil
    import subprocess
    chromium = shutil.which("chromium")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True,
                           check=False).stdout if shutil.which("fc-list") else ""
    if not chromium or not fonts.strip():
        reason = "需要 chromium 和一种中文字体(Debian: chromium fonts-wqy-microhei;.ci/run 会安装)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    text = SEEDS[0].read_text(encoding="utf-8")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in paragraphs(text))
    (tmp_path / "r.html").write_text(
        "<html><head><meta charset='utf-8'><style>@page { size: A4; margin: 37mm 26mm 35mm 28mm }"
        " body { font-size: 16pt; line-height: 28pt; text-align: justify }"
        " p { text-indent: 2em; margin: 0 }</style></head><body>" + body + "</body></html>",
        encoding="utf-8")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}",
                    f"--print-to-pdf={tmp_path / 'r.pdf'}", (tmp_path / "r.html").as_uri()],
                   capture_output=True, timeout=120, check=False)
    lines = read(str(tmp_path / "r.pdf")).lines
    assert [" ".join(l.text.split()) for l in lines] == paragraphs(text)
    assert lines[-1].page > 5
