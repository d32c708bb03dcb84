"""A batch: every report through run.py (on all cores when there are many), then the batch
checks over the reports' summaries, which add findings and figures to each record."""
from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field

from .. import checks
from .. import checklist as cl
from ..config import Config, apply
from ..overlap import reading_order
from .files import batch_items, previous_paths
from .pool import map_files
from .record import Figures, FileResult, LintResult
from .run import Context, lint_path, lint_source, to_finding
from . import spool
from .suppress import hidden


@dataclass
class BatchItem:
    """One report as a batch check meets it: its summary (`data`, from the kind's collect)
    and its figures, which the check fills in (copied share, follow-up table)."""
    path: str
    reference: bool
    data: object
    figures: Figures = field(default_factory=Figures)


def for_batch(rules: list[cl.Rule], reports: int, previous: bool = False) -> list[cl.Rule]:
    """The rules worth running on a batch of this many reports: a lone report has nothing
    to be compared with, so the batch checks (cross-report copies) would only cost time, and
    the follow-up of last year's plan needs last year's reports."""
    if not previous:
        rules = [r for r in rules if not checks.get(r.check).previous]
    if reports > 1:
        return rules
    return [r for r in rules if checks.get(r.check).scope != "batch"]


def run_batch(results: list[FileResult], rules: list[cl.Rule], ctx: Context) -> None:
    """Run the batch checks over all reports: findings go to each record, figures to its
    Figures (the check writes them to its BatchItem). The summaries are dropped after."""
    touched = {}        # id → record given a batch finding
    for rule in rules:
        kind = checks.get(rule.check)
        if kind.scope != "batch":
            continue
        batch = [BatchItem(r.path, r.reference, r.batch.get(rule.id), r.figures) for r in results]
        try:
            for index, hit in kind.func(batch, rule, ctx):
                result = results[index]
                if not result.reference:
                    finding = to_finding(result.path, rule, hit)
                    if not hidden(finding, result.suppressions):
                        result.findings.append(finding)
                        touched[id(result)] = result
        except Exception as exc:
            for r in results:
                if not r.reference and not r.error:
                    r.error = f"规则 {rule.id} 内部错误：{type(exc).__name__}: {exc}"
    for r in touched.values():      # the others' findings came sorted from check_document
        r.findings.sort(key=reading_order)
    for r in results:
        r.batch = {}


def lint_file(path: str, checklist: cl.Checklist, rules: list[cl.Rule], config: Config,
              fixes: bool, lines: bool, store, reference: bool = False) -> FileResult:
    """lint_path for a batch: the record without its Document (it may cross processes), and
    without the source lines unless asked for; summaries' texts go to `store`."""
    with spool.using(store):
        result = lint_path(path, checklist, rules, config, reference, fixes).without_document()
    if not lines:
        result.lines = ()
    return result


def lint(paths, config: Config | None = None, *, against=(), previous=(),
         jobs: int | None = None, progress=None, fixes: bool = False,
         lines: bool = True) -> LintResult:
    """Lint reports (files or folders) and return every report's record; never prints.

    `against` are reference reports (other places, earlier years): compared with by the
    batch checks, not linted themselves. `previous` are last year's reports, references
    whose plans the follow-up check (F001) looks up in this year's reports of the same
    place. `progress(done, total)` is called as files finish. With `fixes` each record
    carries every safe fix of its report (for --fix); else record.fixes is None. Without
    `lines` the records do not carry the source lines (a formatter that reads only findings
    and facts: about a third of a big batch's memory).
    """
    config = config or Config()
    checklist = cl.load(config.checklist)
    refused: list = []
    items = batch_items(paths, against, config, previous, refused)
    rules = for_batch(apply(checklist, config), len(items), bool(previous))
    batch = any(checks.get(r.check).scope == "batch" for r in rules)
    preload = tuple(m for r in rules for m in checks.get(r.check).preload)
    try:
        with spool.for_batch(batch) as store:
            results = map_files(items, lint_file, (checklist, rules, config, fixes, lines,
                                                   store), jobs, progress, preload)
            run_batch(results, rules, Context(checklist, config,
                                              previous_paths(previous, config), store=store,
                                              jobs=jobs or os.cpu_count() or 1))
    finally:
        # what map_files froze goes back to the collector (a library must not leave a
        # caller's objects frozen; the command line freezes again before it writes)
        gc.unfreeze()
    # a reference report that cannot be read is said so: it was meant to be compared with
    files = [r for r in results if not r.reference or r.error]
    files += [FileResult(path, error=reason) for path, reason in refused]
    return LintResult(files, checklist, rules, config.path)


def lint_one(source, checklist: cl.Checklist, rules: list[cl.Rule], config: Config) -> FileResult:
    """Check one read report on its own (batch checks included, with nothing to compare
    with) and keep its Document: the path of serve, annotate and lint_text."""
    result = lint_source(source, checklist, rules, config, keep=True, fixes=True)
    run_batch([result], rules, Context(checklist, config))
    return result


def lint_text(text: str, config: Config | None = None, path: str = "<text>",
              rules: list[cl.Rule] | None = None) -> FileResult:
    """Lint a report given as a string (for tests, the web page and rule examples)."""
    from ..read import Line, Source
    config = config or Config()
    checklist = cl.load(config.checklist)
    rules = apply(checklist, config) if rules is None else rules
    source = Source(path, [Line(t, i) for i, t in enumerate(text.splitlines(), 1)])
    return lint_one(source, checklist, rules, config)
