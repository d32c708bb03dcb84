"""--fix and --diff: apply the safe fixes the findings carry.

Text and Markdown files are rewritten in place (or copied with --fix-output), byte for byte
except the fixed characters: same encoding, same line endings. A docx is never changed in
place; with --fix-output a fixed copy is written, run formatting kept. Fixing repeats until
no fix is left (one fix can reveal another), at most PASSES times.
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field

from .checks import get
from .engine import lint_source
from .errors import InputError, LintreportError
from .finding import Fix
from .read import Line, Source, read
from .safewrite import reason, write_bytes

PASSES = 5
# the readers whose files --fix can write back: plain text (in place) and Word (a copy)
FIX_READERS = ("plain", "docx")


def fixable(path: str) -> bool:
    """Whether --fix (and the page's fixed copy) can fix a file of this kind."""
    from .read import READERS
    return READERS.get(os.path.splitext(path)[1].lower()) in FIX_READERS


def plan(source: Source, checklist, rules, config) -> list[Fix]:
    """The fixes of every active, unsuppressed finding on one source (the record's fixes:
    the text as it stands after a pass is checked again, see fix_text)."""
    rules = [r for r in rules if get(r.check).scope != "batch"]
    return lint_source(source, checklist, rules, config, fixes=True).fixes


def apply(texts: list[str], fixes: list[Fix]) -> int:
    """Apply fixes to texts[line - 1] in place; overlapping ones wait for the next pass."""
    by_line: dict[int, list[Fix]] = {}
    for f in sorted(set(fixes)):
        by_line.setdefault(f.line, []).append(f)
    done = 0
    for number, line_fixes in by_line.items():
        text, end = texts[number - 1], None
        for f in reversed(line_fixes):      # right to left keeps earlier columns valid
            if end is not None and f.end_column > end or f.end_column > len(text) + 1:
                continue
            text = text[:f.column - 1] + f.replacement + text[f.end_column - 1:]
            end, done = f.column, done + 1
        texts[number - 1] = text
    return done


def _decode(path: str) -> tuple[str, str, bytes]:
    from .read import read_bytes
    from .read.plain import decode
    data = read_bytes(path)
    text, encoding = decode(data)
    if encoding.endswith("-lossy"):
        raise InputError("文件含有无法解码的字节，自动修正会破坏它们，请先转换为UTF-8")
    if encoding == "utf-16":        # with a BOM, which the result keeps
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return text, encoding, data[:2]
    return text, encoding, b""


def first_plan(record, texts: list[str]):
    """The fixes of a record of this file checked already (by `check --fix`), when it was
    checked as the text stands now; else None (the text must be checked first)."""
    if record is None or record.error or record.fixes is None or len(record.lines) != len(texts) or \
            any(t != line[1] for t, line in zip(texts, record.lines)):
        return None
    return record.fixes


def fix_text(path: str, checklist, rules, config, record=None) -> tuple[str, str, int, bytes]:
    """(text before, text after, fixes applied, encoded result) of a txt or md file;
    `record` is the file's record when it was just checked, whose fixes are the first pass."""
    before, encoding, bom = _decode(path)
    parts = before.splitlines(keepends=True)
    texts = [p.splitlines()[0] if p.splitlines() else "" for p in parts]
    endings = [p[len(t):] for p, t in zip(parts, texts)]
    kind = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    total, fixes = 0, first_plan(record, texts)
    for _ in range(PASSES):
        if fixes is None:
            source = Source(path, [Line(t, i) for i, t in enumerate(texts, 1)], kind, encoding)
            fixes = plan(source, checklist, rules, config)
        done, fixes = apply(texts, fixes), None
        total += done
        if not done:
            break
    after = "".join(t + e for t, e in zip(texts, endings))
    return before, after, total, bom + after.encode(encoding)


def fix_docx(path: str, output: str, checklist, rules, config, record=None) -> int:
    """Write a fixed copy of a docx to output (fix_docx.py); the original is only read."""
    from .fix_docx import fix_copy
    return fix_copy(path, output, lambda source: plan(source, checklist, rules, config),
                    PASSES, record)


@dataclass
class FixReport:
    paths: list[str] = field(default_factory=list)     # what to lint again
    notes: list[str] = field(default_factory=list)     # one line per file, for stderr
    diff: str = ""
    changed: int = 0


def targets(paths: list[str], output: str | None, force: bool = False) -> dict[str, str | None]:
    """Where the fixed text of each path goes: in place (docx: nowhere), a given file, or a
    given folder that mirrors the inputs' folders below their common parent (a/report.txt
    and b/report.txt → out/a/report.txt, out/b/report.txt). Raises LintreportError, before
    anything is written, for an output that cannot take them all or that already exists."""
    if output is None:
        return {p: None if p.lower().endswith(".docx") else p for p in paths}
    if len(paths) > 1:
        if os.path.exists(output) and not os.path.isdir(output):
            raise LintreportError(f"--fix-output {output}：要修正{len(paths)}个文件，"
                                  "须给出一个文件夹，而它是一个文件")
        base = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
        out = {p: os.path.join(output, os.path.relpath(os.path.abspath(p), base)) for p in paths}
    elif os.path.isdir(output) or output.endswith(os.sep):
        out = {paths[0]: os.path.join(output, os.path.basename(paths[0]))}
    else:
        out = {paths[0]: output}
    for path, dest in out.items():
        if os.path.exists(dest) and not os.path.samefile(dest, path) and not force:
            raise LintreportError(f"{dest}：修正副本的目标已存在，未写入任何文件"
                                  "（确要覆盖请加 --force）")
    return out


def fix_files(result, config, output: str | None = None, write: bool = True,
              force: bool = False) -> FixReport:
    """Fix every file of a lint result; with write=False only collect the diff. Every file
    is written atomically (safewrite): a failure leaves it as it was."""
    import tempfile
    report = FixReport()
    records = {r.path: r for r in result.files if not r.error}
    files = list(records)
    dests = targets(files, output, force) if write else dict.fromkeys(files)
    for path, dest in dests.items():
        record = records[path]
        if dest is not None and os.path.exists(dest) and os.path.samefile(dest, path) and \
                path.lower().endswith(".docx"):
            report.notes.append(f"{path}: 不能覆盖原docx文件，请为修正副本另选位置")
            report.paths.append(path)
            continue
        try:
            if path.lower().endswith(".docx"):
                if dest is None and write:
                    report.notes.append(f"{path}: docx不在原文件上修改，请用 --fix-output 指定修正副本的位置")
                    report.paths.append(path)
                    continue
                with tempfile.TemporaryDirectory() as tmp:
                    copy = os.path.join(tmp, "fixed.docx")
                    n = fix_docx(path, copy, result.checklist, result.rules, config, record)
                    before = [text for _, text, _, _ in record.lines]
                    after = [l.text for l in read(copy).lines] if n else before
                    if write:
                        with open(copy, "rb") as f:
                            _write(dest, f.read())
                before, after = "\n".join(before) + "\n", "\n".join(after) + "\n"
            else:
                before, after, n, data = fix_text(path, result.checklist, result.rules, config,
                                                  record)
                if write and (n or dest != path):
                    _write(dest, data)
        except (InputError, OSError, ValueError) as exc:
            report.notes.append(f"{path}: 未修正：{_reason(exc)}")
            report.paths.append(path)
            continue
        report.paths.append(dest if write else path)
        if n:
            report.changed += 1
            where = "" if dest in (None, path) else f"，写入{dest}"
            report.notes.append(f"{path}: 修正{n}处{where}")
            report.diff += "".join(difflib.unified_diff(
                before.splitlines(keepends=True), after.splitlines(keepends=True),
                fromfile=path, tofile=f"{path}（修正后）"))
    return report


def _write(dest: str, data: bytes) -> None:
    folder = os.path.dirname(dest)
    if folder:
        os.makedirs(folder, exist_ok=True)
    write_bytes(dest, data)


def _reason(exc: Exception) -> str:
    """An OSError as people say it: 文件过大 rather than [Errno 27] File too large."""
    if isinstance(exc, OSError) and exc.errno:
        name = f" {exc.filename}" if exc.filename else ""
        return f"无法写入{name}（{reason(exc)}），原文件未改动"
    return str(exc)
