"""One report: read → parse → run the rules → its record (FileResult).

This is the only place a report is read, parsed and checked; the batch (batch.py), review,
serve, fix and annotate all come through `lint_path` or `lint_source`.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from .. import checks
from .. import checklist as cl
from ..config import Config
from ..document import Document, parse
from ..errors import InputError
from ..finding import Finding, Fix, Hit
from ..fixers import fixes_of
from ..model import MessageArgs
from ..overlap import reading_order, said_once
from ..parts import classify
from ..place import place_of
from ..read import Source, read
from . import spool
from .record import Figures, FileResult, Fixes, Outline, SourceLines
from .suppress import hidden, suppressions


@dataclass
class Context:
    """What a check may need besides the document and its rule."""
    checklist: cl.Checklist
    config: Config
    previous: frozenset = frozenset()   # real paths of last year's reports (--previous)
    started: float = field(default_factory=time.monotonic)    # for the time budget
    store: object = field(default_factory=spool.current)      # summaries' texts (spool.py)
    jobs: int = 1       # cores a batch check may use (threads) once the workers are done


def to_finding(path: str, rule: cl.Rule, hit: Hit) -> Finding:
    # rule.format's result by str.format_map, in C: string.Formatter's Python code took a
    # tenth of the engine's own time; a template format_map refuses ({0}) goes the old way
    try:
        message = rule.message.format_map(MessageArgs(hit.args))
    except (ValueError, IndexError):
        message = rule.format(hit.args)
    return Finding(path, hit.line, hit.column, rule.id, hit.end_line or hit.line,
                   hit.end_column, rule.category, rule.severity, message,
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
    spent = time.monotonic() - ctx.started
    if doc.analysis.over_budget is None and spent > budget.options["seconds"]:
        doc.analysis.over_budget = (spent, left)
    return doc.analysis.over_budget is not None


def fixes_for(doc: Document, findings: list[Finding], rules: list[cl.Rule]) -> list[Fix]:
    """Every safe fix of a report's findings: each finding's own, and for a kind that
    reports once but counts many places (fixers.py) the fix of every place it counted."""
    fixes = [f.fix for f in findings if f.fix is not None]
    fired = {f.rule for f in findings}
    for rule in rules:
        fixer = fixes_of(rule.check)
        if fixer is not None and rule.id in fired:
            fixes += fixer(doc, rule)
    return fixes


def lint_source(source: Source, checklist: cl.Checklist, rules: list[cl.Rule], config: Config,
                reference: bool = False, keep: bool = False, fixes: bool = False) -> FileResult:
    """Parse and check one read report: its record, batch summaries included (for
    run_batch). `keep` keeps the parsed Document in the record, for a consumer in this
    process (serve, annotate) that needs more of it than the record holds; `fixes` works
    out every safe fix (else record.fixes is None: a report can have thousands)."""
    ctx = Context(checklist, config)     # the clock starts before parsing
    doc = parse(source)
    if reference:   # compared with, not linted
        rules = [r for r in rules if checks.get(r.check).scope == "batch"]
    findings, summaries, problems = check_document(doc, rules, ctx)
    parts = {k: bool(v) for k, v in classify(doc, checklist).items()}
    result = FileResult(source.path, [] if reference else findings, doc.report_year,
                        doc.title_text, "; ".join(problems) or None, parts,
                        Figures(lines=len(source.lines)), reference, suppressions(doc),
                        source.kind, batch=summaries, document=doc if keep else None)
    if not reference:       # a reference report is compared with, never shown or fixed
        result.place = place_of(doc)
        result.published = source.meta.get("published")
        result.lines = SourceLines.of(source.lines)
        result.skipped = [(first, last) for first, last, _ in doc.web_blocks]
        result.outline = Outline.of(doc)
        result.fixes = Fixes(fixes_for(doc, findings, rules)) if fixes else None
    return result


def lint_path(path: str, checklist: cl.Checklist, rules: list[cl.Rule], config: Config,
              reference: bool = False, fixes: bool = False) -> FileResult:
    """Read, parse and check one file: its record (an unreadable file's says why)."""
    try:
        source = read(path)
    except InputError as exc:
        kind = os.path.splitext(path)[1].lstrip(".").lower()
        return FileResult(path, error=str(exc), reference=reference, kind=kind)
    return lint_source(source, checklist, rules, config, reference, fixes=fixes)
