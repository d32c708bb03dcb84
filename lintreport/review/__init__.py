"""A reviewer's batch: lint every report of a folder on all cores, keep each report's text
next to its findings, and hand the lot to the HTML page (`page.py`) and the spreadsheet
(`table.py`).

`review()` is to the `review` command what `engine.lint()` is to `check`: it never prints.
Each worker reads a report once and returns its findings, its batch summaries and a compact
copy of its lines, so the page can show the text without reading any file a second time.
"""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field

from .. import checklist as cl
from ..config import Config, apply
from ..document import parse
from ..engine import (Context, FileResult, batch_items, for_batch, lint_source, map_files,
                      previous_paths, run_batch)
from ..errors import InputError
from ..finding import Severity
from ..place import place_of
from ..read import read


@dataclass
class Report:
    """One report of the batch: its lint result, where it comes from, and its lines."""
    result: FileResult
    place: str = ""
    kind: str = ""
    published: datetime.date | None = None
    lines: list[tuple[int, str, int | None, int]] = field(default_factory=list)
    # (number, text, page, prefix): prefix counts reader-made characters (Word list numbers)
    skipped: list[tuple[int, int]] = field(default_factory=list)    # web page blocks

    @property
    def path(self) -> str:
        return self.result.path

    @property
    def name(self) -> str:
        return self.place or os.path.splitext(os.path.basename(self.path))[0]

    @property
    def format_name(self) -> str:
        """The format as a reader names it: txt, md, docx, html, pdf (not text, markdown)."""
        return {"text": "txt", "markdown": "md"}.get(self.kind, self.kind)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.result.findings if f.severity == severity)


@dataclass
class Review:
    reports: list[Report]
    checklist: cl.Checklist
    rules: list[cl.Rule]

    @property
    def findings(self):
        return [f for r in self.reports for f in r.result.findings]

    @property
    def errors(self) -> list[Report]:
        return [r for r in self.reports if r.result.error]


def review_source(source, checklist: cl.Checklist, rules: list[cl.Rule], config: Config,
                  reference: bool = False):
    """Lint one read report: (Report, batch summaries)."""
    doc = parse(source)
    result, summaries = lint_source(source, checklist, rules, config, reference, doc)
    report = Report(result, place_of(doc), source.kind, source.meta.get("published"),
                    [(l.number, l.text, l.page, l.prefix) for l in source.lines],
                    [(first, last) for first, last, _ in doc.web_blocks])
    return report, summaries


def review_path(path: str, checklist, rules, config, reference: bool = False):
    try:
        source = read(path)
    except InputError as exc:
        kind = os.path.splitext(path)[1].lstrip(".").lower()
        return Report(FileResult(path, error=str(exc), reference=reference), kind=kind), {}
    return review_source(source, checklist, rules, config, reference)


def review(paths, config: Config | None = None, *, against=(), previous=(),
           jobs: int | None = None, progress=None) -> Review:
    """Lint the reports under `paths` and keep their texts; `progress(done, total)`.
    `against` and `previous` are reference reports as for engine.lint()."""
    config = config or Config()
    checklist = cl.load(config.checklist)
    refused: list = []
    items = batch_items(paths, against, config, previous, refused)
    rules = for_batch(apply(checklist, config), len(items), bool(previous))
    done = map_files(items, review_path, (checklist, rules, config), jobs, progress)
    run_batch([(report.result, summaries) for report, summaries in done], rules,
              Context(checklist, config, previous_paths(previous, config)))
    # a reference report that cannot be read is said so: it was meant to be compared with
    reports = [report for report, _ in done if not report.result.reference or report.result.error]
    reports += [Report(FileResult(path, error=reason)) for path, reason in refused]
    return Review(reports, checklist, rules)
