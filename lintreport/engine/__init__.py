"""One pass: read → document → checks → one record per report, for one report or a batch.

    files.py     which files to lint (folders searched, links and our own pages refused)
    run.py       one report: read, parse, run the rules → its record (FileResult)
    suppress.py  the inline switches that turn rules off in the text
    pool.py      a large batch spread over the cores
    batch.py     the batch: every report, then the batch checks over their summaries
    record.py    the record every consumer reads (findings, figures, lines, fixes…)

`lint()` is the pure API the CLI sits on; review, serve, fix and annotate come through
`lint()`, `lint_path()` or `lint_one()` and read the records they return.
"""
from __future__ import annotations

from ..errors import LintreportError
from .batch import BatchItem, for_batch, lint, lint_file, lint_one, lint_text, run_batch
from .files import OUTPUT_MARK, batch_items, collect_paths, own_output, previous_paths
from .pool import PARALLEL_FROM, map_files
from .record import Figures, FileResult, LintResult, Outline, SourceLines
from .run import Context, check_document, fixes_for, lint_path, lint_source, to_finding
from .suppress import hidden, suppressions

__all__ = ["lint", "lint_text", "lint_one", "lint_path", "lint_source", "lint_file",
           "LintResult", "FileResult", "Figures", "Outline", "SourceLines", "Context", "BatchItem",
           "LintreportError", "check_document", "run_batch", "for_batch", "map_files",
           "batch_items", "collect_paths", "previous_paths", "own_output", "OUTPUT_MARK",
           "PARALLEL_FROM", "to_finding", "fixes_for", "hidden", "suppressions"]
