"""A reviewer's batch: the engine's records of every report of a folder, each with what
the HTML page (`page.py`) and the spreadsheet (`table.py`) show of it.

`review()` is to the `review` command what `engine.lint()` is to `check`, and it is
`engine.lint()`: the records already hold each report's lines, place and publication date,
so the page shows the text without reading any file a second time.
"""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from .. import checklist as cl
from ..config import Config
from ..engine import FileResult, lint
from ..finding import Severity


@dataclass
class Report:
    """One report of the batch as the page shows it: a view of its record."""
    result: FileResult

    @property
    def path(self) -> str:
        return self.result.path

    @property
    def place(self) -> str:
        return self.result.place

    @property
    def kind(self) -> str:
        return self.result.kind

    @property
    def published(self) -> datetime.date | None:
        return self.result.published

    @property
    def lines(self):
        """(number, text, page, prefix) of each line; prefix counts reader-made characters."""
        return self.result.lines

    @property
    def skipped(self) -> list[tuple[int, int]]:
        """The web page blocks (first, last line) left out of the report."""
        return self.result.skipped

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


def review(paths, config: Config | None = None, *, against=(), previous=(),
           jobs: int | None = None, progress=None) -> Review:
    """Lint the reports under `paths` (engine.lint) and keep their records for the page;
    `progress(done, total)`. `against` and `previous` are reference reports as for lint."""
    result = lint(paths, config, against=against, previous=previous, jobs=jobs,
                  progress=progress)
    return Review([Report(r) for r in result.files], result.checklist, result.rules)
