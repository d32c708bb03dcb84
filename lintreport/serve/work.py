"""What the drafter's page does with one upload: check it, or make its fixed copy.

An upload lives in memory and, while a reader needs a path, in a temporary folder that is
removed before the answer is sent. Nothing is kept between requests and nothing is logged.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from .. import checklist as cl
from ..config import Config, apply
from ..engine import lint_one
from ..errors import InputError
from ..fix import fix_docx, fix_text, fixable as can_fix
from ..fixers import fixes_every_place
from ..model import part_keys, part_label
from ..parts import part_of
from ..read import ADVICE, kinds, read
from ..review import Report

# the page's choices: key → (label, shipped checklist). The county checklist is written
# for county governments and their departments alike (it knows 党组书记、局长).
CHECKLISTS = {
    "township": ("乡镇、街道", "township"),
    "county": ("县级政府", "county"),
    "department": ("政府部门（按县级清单检查）", "county"),
}
PASTED = "粘贴的文本.txt"
TEMP_PREFIX = "lintreport-serve-"


class UploadError(Exception):
    """An upload the page cannot take: `status` is the HTTP status, the message is for people."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Upload:
    name: str           # the file's own name (no folders), or PASTED
    data: bytes
    checklist: str      # a key of CHECKLISTS

    @property
    def ext(self) -> str:
        return os.path.splitext(self.name)[1].lower()


@dataclass
class Checked:
    report: Report
    groups: list[tuple[str, list[int]]]
    fixes: dict[int, str]                  # finding index → its safe fix in words
    fixable: int                           # fixes the fixed copy would make (first pass)
    parts: list[tuple[str, str, bool]] = field(default_factory=list)  # key, label, present
    rules: list[cl.Rule] = field(default_factory=list)


def upload_from(fields: dict[str, tuple[str | None, bytes]]) -> Upload:
    """The upload a posted form describes: a file, else pasted text; raises UploadError."""
    choice = fields.get("checklist", (None, b"township"))[1].decode("ascii", "replace")
    if choice not in CHECKLISTS:
        raise UploadError(400, f"未知的检查清单“{choice}”")
    filename, data = fields.get("file", (None, b""))
    name = os.path.basename((filename or "").replace("\\", "/")).strip()
    if name and not data:
        raise UploadError(400, f"文件“{name}”是空的，请检查是否选错了文件")
    if name:
        ext = os.path.splitext(name)[1].lower()
        if ext in ADVICE:
            raise UploadError(415, ADVICE[ext])
        if ext not in kinds():
            raise UploadError(415, f"不支持的文件类型“{ext or '无扩展名'}”：请上传 docx、txt、md、"
                                   "html 或 pdf 格式的报告")
        return Upload(name, data, choice)
    text = fields.get("text", (None, b""))[1]
    if text.strip():
        return Upload(PASTED, text.replace(b"\r\n", b"\n"), choice)
    raise UploadError(400, "请选择报告文件，或把报告全文粘贴到文本框中")


class Checker:
    """The configuration and the checklists, loaded once when the server starts."""

    def __init__(self, config: Config | None = None, tmp_root: str | None = None):
        self.config = config or Config()
        self.tmp_root = tmp_root
        self.lists: dict[str, tuple[cl.Checklist, list[cl.Rule]]] = {}
        for _, name in CHECKLISTS.values():
            if name not in self.lists:
                checklist = cl.load(name)
                self.lists[name] = (checklist, apply(checklist, self.config))

    def _temp(self):
        # named by process, so what a killed worker leaves behind can be found and removed
        return tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=self.tmp_root)

    @contextmanager
    def _on_disk(self, upload: Upload):
        """(folder, path) of the upload written to a temporary folder, removed after."""
        with self._temp() as tmp:
            path = os.path.join(tmp, "report" + upload.ext)
            with open(path, "wb") as f:
                f.write(upload.data)
            yield tmp, path

    def check(self, upload: Upload) -> Checked:
        """Lint one upload; an unreadable file raises UploadError with the reader's reason."""
        checklist, rules = self.lists[CHECKLISTS[upload.checklist][1]]
        with self._on_disk(upload) as (_, path):
            try:
                source = read(path)
            except InputError as exc:
                raise UploadError(422, f"无法读取“{upload.name}”：{exc}") from None
        source.path = upload.name           # the page names the drafter's file, not ours
        # one read, one parse, one check: the page, its groups and the fix count all read
        # this record (the fixed copy's first pass makes exactly record.fixes)
        record = lint_one(source, checklist, rules, self.config)
        doc = record.document
        report = Report(record.without_document())
        fixable = len(set(record.fixes)) if can_fix(upload.name) else 0
        present = record.parts
        parts = [(key, part_label(checklist.parts[key]), bool(present.get(key)))
                 for key in part_keys(checklist.parts)]
        return Checked(report, _groups(report, doc, checklist, rules), _fixes(report, rules),
                       fixable, parts, rules)

    def fixed(self, upload: Upload) -> tuple[str, bytes, int]:
        """(file name, bytes, fixes made) of the upload's fixed copy (txt, md, docx)."""
        if not can_fix(upload.name):
            raise UploadError(415, "只有 docx、txt、md 文件和粘贴的文本可以下载修正稿；"
                                   "PDF 和网页请按检查结果在原稿中修改")
        checklist, rules = self.lists[CHECKLISTS[upload.checklist][1]]
        stem = os.path.splitext(upload.name)[0]
        name = "修正稿.txt" if upload.name == PASTED else f"{stem}（修正）{upload.ext}"
        with self._on_disk(upload) as (tmp, path):
            try:
                if upload.ext == ".docx":
                    out = os.path.join(tmp, "fixed.docx")
                    n = fix_docx(path, out, checklist, rules, self.config)
                    with open(out if n else path, "rb") as f:
                        data = f.read()
                else:
                    _, _, n, data = fix_text(path, checklist, rules, self.config)
            except InputError as exc:
                raise UploadError(422, f"无法修正“{upload.name}”：{exc}") from None
        return name, data, n

    def annotated(self, upload: Upload) -> tuple[str, bytes, int]:
        """(file name, bytes, comments) of the upload as Word with every finding a comment."""
        from ..annotate import SUFFIX, annotate_source
        checklist, rules = self.lists[CHECKLISTS[upload.checklist][1]]
        stem = "粘贴的文本" if upload.name == PASTED else os.path.splitext(upload.name)[0]
        with self._on_disk(upload) as (_, path):
            try:
                done = annotate_source(read(path), self.config, checklist, rules)
            except InputError as exc:
                raise UploadError(422, f"无法读取“{upload.name}”：{exc}") from None
        return stem + SUFFIX, done.data, done.comments


def _groups(report: Report, doc, checklist: cl.Checklist, rules) -> list[tuple[str, list[int]]]:
    """Findings under the required part they concern: the part a rule is about (a missing
    part), else the part the finding's line is in; the report's frame (title, closing,
    dates: the metadata rules) and whatever lies outside the parts under 其他."""
    about = {r.id: r.options.get("part") for r in rules if isinstance(r.options.get("part"), str)}
    keys = part_keys(checklist.parts)
    buckets: dict[str, list[int]] = {key: [] for key in keys}
    other: list[int] = []
    for k, f in enumerate(report.result.findings):
        key = None if f.category == "metadata" else \
            about.get(f.rule) or part_of(doc, checklist, f.line)
        if key in buckets:
            buckets[key].append(k)
        else:
            other.append(k)
    present = report.result.parts
    groups = []
    for key in keys:
        missing = "" if present.get(key) else "（报告中没有这一部分）"
        groups.append((checklist.parts[key].name + missing, buckets[key]))
    groups.append(("其他：标题、开头、落款和全文", other))
    return groups


def _fixes(report: Report, rules) -> dict[int, str]:
    """Each finding's safe fix in words: what the fixed copy changes."""
    texts = {number: (text, prefix) for number, text, _, prefix in report.lines}
    bulk = {r.id for r in rules if fixes_every_place(r.check)}
    out = {}
    for k, f in enumerate(report.result.findings):
        if f.rule in bulk:
            out[k] = "下载的修正稿中，本条所说的各处一并改正"
        elif f.fix is not None and f.fix.line in texts:
            text, prefix = texts[f.fix.line]
            old = text[prefix + f.fix.column - 1:prefix + f.fix.end_column - 1]
            out[k] = describe(old, f.fix.replacement)
    return out


def describe(old: str, new: str) -> str:
    """A replacement said in words: 把「,」改为「，」, 删去「 」, 插入「。」."""
    if not new:
        return "删去多余的空格" if old and not old.strip() else f"删去「{old}」"
    if not old:
        return f"插入「{new}」"
    return f"把「{old}」改为「{new}」"
