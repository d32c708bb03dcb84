"""One pass: read → document → checks → findings, for one report or a whole batch.

`lint()` is the pure API the CLI sits on. Large batches are spread over the cores; a batch
check (cross-report duplicates) then sees a small summary of every report.
"""
from __future__ import annotations

import fnmatch
import os
import sys
import time
from dataclasses import dataclass, field

from . import checks
from . import checklist as cl
from .config import Config, apply
from .document import Document, parse
from .errors import InputError, LintreportError
from .finding import Finding, Hit
from .overlap import reading_order, said_once
from .read import Source, read, supported
from .switches import DISABLE, ids_of

PARALLEL_FROM = 24      # below this many files, starting workers costs more than it saves


@dataclass
class Context:
    """What a check may need besides the document and its rule."""
    checklist: cl.Checklist
    config: Config
    previous: frozenset = frozenset()   # real paths of last year's reports (--previous)
    started: float = field(default_factory=time.monotonic)    # for the time budget


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    report_year: int | None = None
    title: str = ""
    error: str | None = None
    parts: dict = field(default_factory=dict)       # part key → present (bool)
    stats: dict = field(default_factory=dict)       # e.g. copied share, line count
    reference: bool = False                         # read for comparison only (--against)
    suppressions: list = field(default_factory=list, repr=False)  # switches in the text


@dataclass
class LintResult:
    files: list[FileResult]
    checklist: cl.Checklist
    rules: list[cl.Rule]
    config: str | None = None       # the configuration file used, if any

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]


def to_finding(path: str, rule: cl.Rule, hit: Hit) -> Finding:
    return Finding(path, hit.line, hit.column, rule.id, hit.end_line or hit.line,
                   hit.end_column, rule.category, rule.severity, rule.format(hit.args),
                   rule.source, hit.related, hit.excerpt, hit.fix)


def check_document(doc: Document, rules: list[cl.Rule], ctx: Context):
    """Run the document rules on one parsed report: (findings, batch summaries, problems)."""
    findings, summaries, problems = [], {}, []
    budget = next((r for r in rules if r.check == "time-budget"), None)
    work = [r for r in rules if r is not budget]
    for n, rule in enumerate(work):
        if budget is not None and over_budget(doc, ctx, budget, len(work) - n):
            break
        kind = checks.get(rule.check)
        try:
            if kind.scope == "batch":
                if kind.collect is not None:
                    summaries[rule.id] = kind.collect(doc, rule, ctx)
                continue
            for hit in kind.func(doc, rule, ctx):
                findings.append(to_finding(doc.path, rule, hit))
        except ImportError as exc:  # an installation problem, not a bug: say how to mend it
            missing = f"缺少依赖库 {exc.name or exc}，请按 README 重新安装 lintreport（pip install .）"
            if missing not in problems:
                problems.append(missing)
        except Exception as exc:  # a bug in one check must not hide the others' findings
            problems.append(f"规则 {rule.id} 内部错误：{type(exc).__name__}: {exc}")
    if budget is not None:      # also when the last rules were the slow ones
        over_budget(doc, ctx, budget, 0)
        findings += [to_finding(doc.path, budget, h) for h in checks.get(budget.check).func(
            doc, budget, ctx)]
    marks = suppressions(doc)
    findings = [f for f in findings if not hidden(f, marks)]
    # a file that holds no report (M006) gets that finding, not every missing part, title
    # and topic; what is wrong in its text itself (punctuation, debris) is still said
    empty = {r.id for r in rules if r.check == "report-text"}
    if any(f.rule in empty for f in findings):
        findings = [f for f in findings if f.rule in empty or
                    f.category not in ("structure", "coverage", "metadata")]
    findings = said_once(findings, {r.id: n for n, r in enumerate(rules)})
    findings.sort(key=reading_order)
    return findings, summaries, problems


def over_budget(doc: Document, ctx: Context, budget: cl.Rule, left: int) -> bool:
    """Whether this report's time budget is spent; if so, noted for the time-budget check
    together with how many rules are left unrun."""
    from .checks.budget import OVER
    spent = time.monotonic() - ctx.started
    if OVER not in doc.cache and spent > budget.options["seconds"]:
        doc.cache[OVER] = (spent, left)
    return OVER in doc.cache


def suppressions(doc: Document) -> list[tuple[int | None, set[str]]]:
    """Switches in the text: <!-- lintreport-disable S001 --> (whole report),
    -disable-line (this line), -disable-next-line (the next); no ids: every rule."""
    marks = doc.cache.get("disabled")
    if marks is None:
        marks = []
        for line in doc.source.lines:
            if "lintreport-disable" not in line.text:
                continue
            for m in DISABLE.finditer(line.text):
                ids = ids_of(m)
                scope = {"-line": line.number, "-next-line": line.number + 1}.get(m.group(1))
                marks.append((scope, ids))
        doc.cache["disabled"] = marks
    return marks


def hidden(f: Finding, marks) -> bool:
    return any((scope is None or scope == f.line) and (not ids or f.rule.casefold() in ids or
                                                       f.category in ids)
               for scope, ids in marks)


def lint_source(source: Source, checklist: cl.Checklist, rules: list[cl.Rule], config: Config,
                reference: bool = False, doc: Document | None = None):
    """Lint one read report: (FileResult, batch summaries). Pass `doc` if already parsed."""
    ctx = Context(checklist, config)     # the clock starts before parsing
    doc = doc or parse(source)
    if reference:   # compared with, not linted
        rules = [r for r in rules if checks.get(r.check).scope == "batch"]
    findings, summaries, problems = check_document(doc, rules, ctx)
    from .parts import classify
    parts = {k: bool(v) for k, v in classify(doc, checklist).items()}
    result = FileResult(source.path, [] if reference else findings, doc.report_year,
                        doc.title_text, "; ".join(problems) or None, parts,
                        {"lines": len(source.lines)}, reference)
    result.suppressions = suppressions(doc)
    return result, summaries


def lint_path(path: str, checklist: cl.Checklist, rules: list[cl.Rule], config: Config,
              reference: bool = False):
    try:
        source = read(path)
    except InputError as exc:
        return FileResult(path, error=str(exc), reference=reference), {}
    return lint_source(source, checklist, rules, config, reference)


def collect_paths(paths, config: Config | None = None, refused: list | None = None) -> list[str]:
    """Files to lint: files as given, folders searched for supported files, in order.

    `exclude` applies to what a folder search finds, never to a file named on the command
    line. A link found in a folder is followed only when it stays inside that folder (or
    with config.follow_links); links that lead out, and subfolders that cannot be read, go
    to `refused` as (path, reason) so that they are reported, not passed over in silence.
    """
    out = []
    refused = [] if refused is None else refused
    follow = bool(config and config.follow_links)
    for p in paths:
        if not os.path.isdir(p):
            out.append(p)
            continue
        top = os.path.realpath(p)
        found = []

        def unreadable(exc, refused=refused):
            refused.append((exc.filename or p, f"无法读取文件夹：{exc.strerror}"))
        for root, dirs, files in os.walk(p, onerror=unreadable, followlinks=follow):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(root, name)
                if not supported(full) or name.startswith(("~$", ".")) or own_output(full):
                    continue
                if not follow and os.path.islink(full) and not _inside(full, top):
                    refused.append((full, "是指向所检查文件夹之外的链接，未读取"
                                          "（确要读取请加 --follow-links）"))
                    continue
                found.append(full)
        if config and config.exclude:
            found = [f for f in found if not any(fnmatch.fnmatch(f, g) or
                                                 fnmatch.fnmatch(os.path.basename(f), g)
                                                 for g in config.exclude)]
        out += found
    return out


def _inside(path: str, top: str) -> bool:
    real = os.path.realpath(path)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


# The first bytes of every HTML page lintreport writes (review.html) carry this mark, so that
# a folder reviewed twice does not take its own review page for a report.
OUTPUT_MARK = b'<meta name="generator" content="lintreport">'


def own_output(path: str) -> bool:
    """Whether a file found in a folder is one we wrote (a review page)."""
    if not path.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as f:
            return OUTPUT_MARK in f.read(2048)
    except OSError:
        return False


_worker: dict = {}


def _init_worker(work, setup):
    _worker.update(work=work, setup=setup)


def _call(item):
    path, reference = item
    return _worker["work"](path, *_worker["setup"], reference)


def map_files(items, work, setup: tuple, jobs: int | None = None, progress=None) -> list:
    """[work(path, *setup, reference) for (path, reference) in items], in order, on every
    core for large batches. `work` must be a module-level function."""
    jobs = jobs or os.cpu_count() or 1
    done = []
    if jobs > 1 and len(items) >= PARALLEL_FROM:
        import concurrent.futures as cf
        import multiprocessing as mp
        # fork: workers inherit the loaded checklist instead of unpickling it
        method = "fork" if sys.platform.startswith("linux") else None
        with cf.ProcessPoolExecutor(jobs, mp.get_context(method), _init_worker,
                                    (work, setup)) as pool:
            chunk = max(1, len(items) // (jobs * 8))
            for out in pool.map(_call, items, chunksize=chunk):
                done.append(out)
                if progress:
                    progress(len(done), len(items))
    else:
        for path, reference in items:
            done.append(work(path, *setup, reference))
            if progress:
                progress(len(done), len(items))
    return done


def for_batch(rules: list[cl.Rule], reports: int, previous: bool = False) -> list[cl.Rule]:
    """The rules worth running on a batch of this many reports: a lone report has nothing
    to be compared with, so the batch checks (cross-report copies) would only cost time, and
    the follow-up of last year's plan needs last year's reports."""
    if not previous:
        rules = [r for r in rules if not checks.get(r.check).previous]
    if reports > 1:
        return rules
    return [r for r in rules if checks.get(r.check).scope != "batch"]


def batch_items(paths, against, config: Config, previous=(),
                refused: list | None = None) -> list[tuple[str, bool]]:
    """(path, is_reference) for the reports to lint and the reference reports; last year's
    reports (`previous`) are references too; what a folder search refused goes to `refused`
    (see collect_paths)."""
    items = [(p, False) for p in collect_paths(paths, config, refused)]
    if not items and not refused and paths and all(os.path.isdir(p) for p in paths):
        # nothing to lint is not "no problems found"
        raise InputError(f"{'、'.join(paths)}：文件夹中没有可检查的报告"
                         "（支持 txt、md、docx、html、pdf）")
    return items + [(p, True) for p in collect_paths([*against, *previous], config, refused)
                    if supported(p)]


def previous_paths(previous, config: Config) -> frozenset:
    """The real paths of last year's reports, as the batch checks meet them."""
    return frozenset(os.path.realpath(p) for p in collect_paths(previous, config))


def lint(paths, config: Config | None = None, *, against=(), previous=(),
         jobs: int | None = None, progress=None) -> LintResult:
    """Lint reports (files or folders) and return every finding; never prints.

    `against` are reference reports (other places, earlier years): compared with by the
    batch checks, not linted themselves. `previous` are last year's reports, references
    whose plans the follow-up check (F001) looks up in this year's reports of the same
    place. `progress(done, total)` is called as files finish.
    """
    config = config or Config()
    checklist = cl.load(config.checklist)
    refused: list = []
    items = batch_items(paths, against, config, previous, refused)
    rules = for_batch(apply(checklist, config), len(items), bool(previous))
    results = map_files(items, lint_path, (checklist, rules, config), jobs, progress)
    run_batch(results, rules, Context(checklist, config, previous_paths(previous, config)))
    # a reference report that cannot be read is said so: it was meant to be compared with
    files = [r for r, _ in results if not r.reference or r.error]
    files += [FileResult(path, error=reason) for path, reason in refused]
    return LintResult(files, checklist, rules, config.path)


@dataclass
class BatchItem:
    path: str
    reference: bool
    data: object


def run_batch(results, rules: list[cl.Rule], ctx: Context) -> None:
    """Run the batch checks over all reports and add their findings to each report."""
    for rule in rules:
        kind = checks.get(rule.check)
        if kind.scope != "batch":
            continue
        batch = [BatchItem(r.path, r.reference, s.get(rule.id)) for r, s in results]
        try:
            for index, hit in kind.func(batch, rule, ctx):
                result = results[index][0]
                if isinstance(hit, dict):   # per-report figures, e.g. copied_share
                    result.stats.update(hit)
                elif not result.reference:
                    finding = to_finding(result.path, rule, hit)
                    if not hidden(finding, result.suppressions):
                        result.findings.append(finding)
        except Exception as exc:
            for r, _ in results:
                if not r.reference and not r.error:
                    r.error = f"规则 {rule.id} 内部错误：{type(exc).__name__}: {exc}"
    for r, _ in results:
        r.findings.sort(key=reading_order)


def lint_text(text: str, config: Config | None = None, path: str = "<text>",
              rules: list[cl.Rule] | None = None) -> FileResult:
    """Lint a report given as a string (for tests, the web page and rule examples)."""
    from .read import Line
    config = config or Config()
    checklist = cl.load(config.checklist)
    rules = apply(checklist, config) if rules is None else rules
    source = Source(path, [Line(t, i) for i, t in enumerate(text.splitlines(), 1)])
    result, summaries = lint_source(source, checklist, rules, config)
    run_batch([(result, summaries)], rules, Context(checklist, config))
    return result


__all__ = ["lint", "lint_text", "LintResult", "FileResult", "Context", "LintreportError"]
