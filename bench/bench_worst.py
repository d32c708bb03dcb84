#!/usr/bin/env python3
"""Worst cases: hostile or broken inputs that once made one report take a minute or more
(issue 16). Each case is made in a temporary folder and checked with `lintreport check` in a
fresh process, --runs times; the median wall time is printed with the result (exit code,
first error line). Every case should finish in seconds: the readers cap paragraphs, pages
and characters before any work, the checks are near-linear, and a per-report time budget
(H100) ends the rest.

    .venv/bin/python bench/bench_worst.py               # every case, 3 runs
    .venv/bin/python bench/bench_worst.py --runs 1 --only numbers docx
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

TITLE = "云岭镇2025年法治政府建设工作报告\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbers(folder: str, kb: int = 66) -> str:
    """A paragraph without 。 of “占比1.5%，共3人，其中2人” repeated: was quadratic (46 s)."""
    unit = "占比1.5%，共3人，其中2人"
    return _write(folder, f"numbers{kb}k.txt", TITLE + unit * (kb * 1000 // len(unit.encode())))


def numbers165(folder: str) -> str:
    return numbers(folder, 165)


def phrases(folder: str) -> str:
    """A 3.8 MB single line of seven phrases in random order: 69 s in shingles.repeats."""
    rnd = random.Random(16)
    words = ["推进依法行政", "加强法治宣传", "规范执法行为", "化解矛盾纠纷", "完善制度建设",
             "强化监督考核", "提升服务水平"]
    line = "".join(rnd.choice(words) + rnd.choice("，、") for _ in range(190_000))
    return _write(folder, "phrases.txt", TITLE + line)


def cross_copies(folder: str) -> str:
    """Two reports that repeat one paragraph 3,000 times: 9 million cross-report pairs."""
    para = ("依法推进行政执法三项制度落实，全面推行行政执法公示制度、执法全过程记录制度和重大执法决定"
            "法制审核制度，规范执法行为，提升执法水平。\n")
    batch = os.path.join(folder, "cross")
    os.mkdir(batch)
    for name, place in (("a", "云岭镇"), ("b", "石门乡")):
        _write(batch, f"{name}.txt", f"{place}2025年法治政府建设工作报告\n" + para * 3000)
    return batch


def _docx(folder: str, name: str, body: str) -> str:
    """A minimal docx package with the given body XML."""
    path = os.path.join(folder, name)
    xml = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Override PartName="/word/document.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", xml)
    return path


def docx_empty(folder: str) -> str:
    """100,000 empty paragraphs (37 KB): python-docx style lookups took over 60 s."""
    return _docx(folder, "empty.docx", f"<w:p><w:r><w:t>{TITLE.strip()}</w:t></w:r></w:p>"
                 + "<w:p/>" * 100_000)


def docx_under_cap(folder: str) -> str:
    """Just under the paragraph cap: 40,000 paragraphs, half of them text, must be checked."""
    return _docx(folder, "under-cap.docx", f"<w:p><w:r><w:t>{TITLE.strip()}</w:t></w:r></w:p>"
                 + "<w:p><w:r><w:t>推进依法行政。</w:t></w:r></w:p><w:p/>" * 20_000)


def pdf_pages(folder: str) -> str:
    """2,000 pages: refused only after 97 s of extraction; now counted first."""
    import pypdfium2 as pdfium
    path = os.path.join(folder, "pages.pdf")
    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    pdf.save(path)
    pdf.close()
    return path


def fifo(folder: str) -> str:
    """A FIFO named *.txt: waited on for ever."""
    path = os.path.join(folder, "pipe.txt")
    os.mkfifo(path)
    return path


def dev_zero(folder: str) -> str:
    """A *.txt link to /dev/zero: read until memory ran out."""
    path = os.path.join(folder, "zero.txt")
    os.symlink("/dev/zero", path)
    return path


def _write(folder: str, name: str, text: str) -> str:
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return path


CASES = {"numbers": numbers, "numbers165": numbers165, "phrases": phrases, "cross": cross_copies,
         "docx": docx_empty, "docx-under-cap": docx_under_cap, "pdf": pdf_pages,
         "fifo": fifo, "dev-zero": dev_zero}


def run(path: str, timeout: float) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        r = subprocess.run([sys.executable, "-m", "lintreport", "check", "--jobs", "1", path],
                           capture_output=True, text=True, timeout=timeout)
        code, err = r.returncode, (r.stderr.strip().splitlines() or [""])[0]
    except subprocess.TimeoutExpired:
        code, err = -1, f"超时（{timeout:g} 秒）"
    return time.perf_counter() - start, code, err


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--only", nargs="*", choices=sorted(CASES))
    args = ap.parse_args()
    print(f"{'case':<16}{'median s':>10}{'max s':>8}  exit  first stderr line")
    with tempfile.TemporaryDirectory(prefix="lintreport-worst-") as folder:
        for name in args.only or CASES:
            path = CASES[name](folder)
            times, code, err = [], 0, ""
            for _ in range(args.runs):
                elapsed, code, err = run(path, args.timeout)
                times.append(elapsed)
            print(f"{name:<16}{statistics.median(times):>10.2f}{max(times):>8.2f}  {code:>4}  "
                  f"{err[:70]}")


if __name__ == "__main__":
    main()
