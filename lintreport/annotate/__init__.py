"""`lintreport annotate`: a copy of a report with every finding as a Word comment (批注).

A .docx is copied with its text, runs and formatting as they were; only the comments and
their anchors are added (runs are split where a span starts or ends, see spans.py). A report
in another format (txt, md, html, pdf) becomes a clean .docx of its text first (build.py).
The original is only read, never written.
"""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass

from ..config import Config, apply
from ..engine import FileResult, for_batch, lint_one
from ..errors import InputError, LintreportError
from ..read import Source, read
from .comments import Annotator, Place, finding_text, summary_text

SUFFIX = "-批注.docx"


@dataclass
class Annotated:
    data: bytes          # the .docx
    comments: int        # comments written: one per finding, and the summary
    findings: int


def output_for(path: str) -> str:
    """The default name of the annotated copy: report.docx → report-批注.docx beside it."""
    return os.path.splitext(path)[0] + SUFFIX


def annotate_source(source: Source, config: Config, checklist=None, rules=None,
                    path: str | None = None) -> Annotated:
    """Lint one report alone, exactly as `check` does, and annotate it; the checklist and
    its active rules are loaded from config unless given."""
    if checklist is None:
        from .. import checklist as cl
        checklist = cl.load(config.checklist)
    if rules is None:
        rules = apply(checklist, config)
    rules = for_batch(rules, 1)
    return annotate(lint_one(source, checklist, rules, config), checklist, rules, path)


def _docx_places(result: FileResult, path: str):
    """The original Word file and where each of the reader's lines is in it; a paragraph
    whose text is not the line's (should the reader ever differ) is left out."""
    import docx
    from ..read.docx import body_paragraphs
    from .spans import paragraph_text
    document = docx.Document(path)
    places = {}
    for number, paragraph in enumerate(body_paragraphs(document), 1):
        line = result.lines[number - 1] if number <= len(result.lines) else None
        if line is not None and paragraph_text(paragraph._p) == line[1][line[3]:]:
            places[number] = Place(paragraph._p, 0, len(line[1]) - line[3])
    return document, places


def annotate(result: FileResult, checklist, rules, path: str | None = None) -> Annotated:
    """The annotated .docx of one linted report, from its record alone; `path` is the Word
    file to copy when the report was read from one (default: its path)."""
    if result.kind == "docx":
        document, places = _docx_places(result, path or result.path)
    else:
        from .build import build
        document, places = build(result)
    outline = result.outline
    notes = Annotator(document, places, [line for line, _ in outline.headings],
                      list(outline.title))
    missing = [checklist.parts[k].name for k, present in result.parts.items()
               if not present and k in checklist.parts]
    titles = {r.id: r.title for r in rules if getattr(r, "title", "")}
    written = int(notes.add_general(summary_text(result.findings, missing, result.error)))
    for f in result.findings:
        written += notes.add(f, finding_text(f, titles))
    out = io.BytesIO()
    document.save(out)
    return Annotated(out.getvalue(), written, len(result.findings))


def check_target(dest: str, inputs: list[str], force: bool) -> None:
    """Refuse, before anything is written, a target that is an input or already exists."""
    if not dest.lower().endswith(".docx"):
        raise LintreportError(f"{dest}：带批注的副本是Word文件，文件名须以.docx结尾")
    if not os.path.exists(dest):
        return
    if any(os.path.exists(p) and os.path.samefile(dest, p) for p in inputs):
        raise LintreportError(f"{dest}：这是原报告本身，不能用带批注的副本覆盖它，请另选文件名")
    if os.path.isdir(dest):
        raise LintreportError(f"{dest}：这是一个文件夹，请给出.docx文件名")
    if not force:
        raise LintreportError(f"{dest}：文件已存在，未写入（确要覆盖请加 --force）")


def save(dest: str, data: bytes) -> None:
    """Write dest whole or not at all: a temporary file in its folder, then a rename."""
    folder = os.path.dirname(os.path.abspath(dest))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".lintreport-", suffix=".docx", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def annotate_file(path: str, output: str | None = None, config: Config | None = None,
                  force: bool = False) -> tuple[str, Annotated]:
    """Lint one report and write its annotated copy: (where, what). Raises
    LintreportError (with the file named) for an unreadable report or a refused target."""
    config = config or Config()
    dest = output or output_for(path)
    check_target(dest, [path], force)
    try:
        source = read(path)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    done = annotate_source(source, config)
    try:
        save(dest, done.data)
    except OSError as exc:
        raise LintreportError(f"{dest}：无法写入：{exc.strerror or exc}") from None
    return dest, done
