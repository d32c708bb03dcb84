"""The annotated copy as an office suite reads it: LibreOffice (headless) opens the seed
那吾镇 as an annotated .docx, and its comments come back, as many as the findings and one
summary, on the same characters, whether saved as OpenDocument or as Word again. A page is
rendered to tests/artifacts/annotate-那吾镇.png (comments as PDF notes) to look at.

Needs `soffice` (Debian: libreoffice-writer-nogui) and `pdftoppm` (poppler-utils); `.ci/run`
installs both. Skipped where either is missing, except in CI, where that is a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tests.test_annotate import COUNTY, comments_of, run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# notes exported with the PDF, so the rendered page shows where each comment is
PDF_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _need(*tools):
    missing = [name for name, path in tools if not path]
    if not missing:
        return
    reason = f"没有 {'、'.join(missing)}（Debian: apt-get install libreoffice-writer-nogui " \
             "poppler-utils；.ci/run 会安装）"
    if os.environ.get("CI"):
        pytest.fail(f"CI 中必须用 LibreOffice 测试带批注的副本：{reason}")
    pytest.skip(reason)


def convert(path: Path, target: str, outdir: Path) -> Path:
    """LibreOffice's own conversion of path; a profile of our own, so that a LibreOffice
    the user has open (or another test run) does not stop it."""
    profile = outdir / "profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", target, "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=240)
    out = outdir / (path.stem + "." + target.split(":")[0])
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


def odt_comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, anchored text) of every office:annotation of an .odt."""
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    found, anchors, open_names = [], {}, []

    def walk(el):
        if el.tag == f"{{{OFFICE}}}annotation":
            name = el.get(f"{{{OFFICE}}}name")
            author = "".join(el.xpath("dc:creator/text()",
                                      namespaces={"dc": "http://purl.org/dc/elements/1.1/"}))
            text = "\n".join("".join(p.itertext()) for p in el.iter(f"{{{TEXT}}}p"))
            found.append((name, author, text))
            anchors[name] = ""
            open_names.append(name)
            return
        if el.tag == f"{{{OFFICE}}}annotation-end":
            open_names.remove(el.get(f"{{{OFFICE}}}name"))
            return
        if el.tag == f"{{{TEXT}}}tab":
            add("\t")
        elif el.tag == f"{{{TEXT}}}s":
            add(" " * int(el.get(f"{{{TEXT}}}c", "1")))
        add(el.text or "")
        for child in el:
            walk(child)
            add(child.tail or "")

    def add(text):
        for name in open_names:
            anchors[name] += text

    walk(root)
    return [(author, text, anchors[name]) for name, author, text in found]


def summary_of(comments):
    """The summary comment (LibreOffice orders comments by place, not by when written)."""
    return next(c for c in comments if c[1].startswith("lintreport检查结果"))


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    _need(("soffice", SOFFICE))
    from tests.conftest import SEEDS, make_docx
    folder = tmp_path_factory.mktemp("office")
    seed = next(s for s in SEEDS if "那吾镇" in s.read_text(encoding="utf-8"))
    source = make_docx(folder / "那吾镇.docx", seed.read_text(encoding="utf-8").splitlines())
    findings = json.loads(run("check", "--format", "json", str(source)).output)["files"][0]["findings"]
    r = run("annotate", str(source))
    assert r.exit_code == 0, r.output
    return folder / "那吾镇-批注.docx", findings, folder


def test_libreoffice_reads_every_comment_on_its_characters(annotated):
    copy, findings, folder = annotated
    ours = comments_of(copy)
    back = odt_comments(convert(copy, "odt", folder / "odt"))
    assert len(back) == len(findings) + 1
    assert {a for a, _, _ in back} == {"lintreport"}
    assert Counter((c[2], c[3]) for c in ours) == Counter((t, a) for _, t, a in back)
    spanned = [f for f in findings if f["end_column"] and f["end_line"] == f["line"]]
    assert spanned and all(any(f["message"] in t and a for _, t, a in back) for f in spanned)


def test_libreoffice_saves_the_comments_as_word_again(annotated):
    copy, findings, folder = annotated
    again = convert(copy, "docx:MS Word 2007 XML", folder / "docx")
    back = comments_of(again)
    assert len(back) == len(findings) + 1
    assert Counter((c[2], c[3]) for c in back) == Counter((c[2], c[3]) for c in comments_of(copy))


def test_a_clean_docx_from_text_opens_too(tmp_path):
    _need(("soffice", SOFFICE))
    path = tmp_path / "青山县.txt"
    path.write_text(COUNTY, encoding="utf-8")
    findings = json.loads(run("check", "--format", "json", str(path)).output)["files"][0]["findings"]
    assert run("annotate", str(path)).exit_code == 0
    back = odt_comments(convert(tmp_path / "青山县-批注.docx", "odt", tmp_path / "odt"))
    assert len(back) == len(findings) + 1
    assert summary_of(back)[2] == COUNTY.splitlines()[0]


def test_first_page_renders(annotated):
    _need(("soffice", SOFFICE), ("pdftoppm", PDFTOPPM))
    copy, _, folder = annotated
    pdf = convert(copy, PDF_NOTES, folder / "pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "annotate-那吾镇"
    subprocess.run([PDFTOPPM, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True, capture_output=True, timeout=120)
    png = stem.with_suffix(".png")
    assert png.stat().st_size > 20000           # a page of text, not a blank one
    print(f"\n带批注副本第1页：{png}")


def test_a_docx_saved_by_libreoffice_keeps_its_text_and_formatting(tmp_path):
    _need(("soffice", SOFFICE))
    from tests.test_annotate import package_changes, structure, styled_text
    text = tmp_path / "石门镇.txt"
    text.write_text(COUNTY.replace("青山县司法局", "石门镇人民政府"), encoding="utf-8")
    saved = tmp_path / "石门镇.docx"
    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                    "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(tmp_path), str(text)], check=True, capture_output=True, timeout=240)
    findings = json.loads(run("check", "--format", "json", str(saved)).output)["files"][0]["findings"]
    assert run("annotate", str(saved)).exit_code == 0
    copy = tmp_path / "石门镇-批注.docx"
    assert styled_text(copy) == styled_text(saved) and structure(copy) == structure(saved)
    assert package_changes(saved, copy) == set()
    back = odt_comments(convert(copy, "odt", tmp_path / "odt"))
    assert len(back) == len(findings) + 1
    assert any(a == "《信访条例》" for _, _, a in back)


def test_a_pdf_report_becomes_word_with_its_comments(tmp_path):
    _need(("soffice", SOFFICE))
    text = tmp_path / "红星乡.txt"
    text.write_text(COUNTY.replace("青山县司法局", "红星乡人民政府"), encoding="utf-8")
    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                    "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(text)], check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "红星乡.pdf"
    findings = json.loads(run("check", "--format", "json", str(pdf)).output)["files"][0]["findings"]
    assert findings
    assert run("annotate", str(pdf)).exit_code == 0
    back = odt_comments(convert(tmp_path / "红星乡-批注.docx", "odt", tmp_path / "odt"))
    assert len(back) == len(findings) + 1
    assert summary_of(back)[2].startswith("红星乡人民政府")


def test_comments_over_insertions_and_content_controls_survive_libreoffice(tmp_path):
    _need(("soffice", SOFFICE))
    from tests.test_annotate import _annotate_spans, controls_docx, rich_docx
    for make, spans in ((controls_docx, [(0, 4), (3, 7), (0, 8), (6, 7)]),
                        (rich_docx, [(1, 7), (4, 5), (0, 16), (9, 13)])):
        src, dest = tmp_path / f"{make.__name__}.docx", tmp_path / f"{make.__name__}-批注.docx"
        text = make(src)
        _annotate_spans(src, dest, spans)
        back = odt_comments(convert(dest, "odt", tmp_path / make.__name__))
        assert Counter((t, a) for _, t, a in back) == \
            Counter((f"第{k}条", text[a:b]) for k, (a, b) in enumerate(spans))
