"""Citations: every 《…》 title is looked up in the register of laws and central documents
(rules/data/citations.yaml): garbled, misquoted, superseded and not-yet-issued titles.

Titles of local documents (《河市镇……计划》) and titles the register does not know are left
alone: only a title close to a registered one is reported, never an unknown one.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from ..year import trusted_date
from . import Choice, Option, check
from .titles import EDITION, LOCAL, NATIONAL, PREFIX, Entry, doc_type, key, register, titles

def is_local(k: str) -> bool:
    """A title that starts with a place (and not with 关于): a local document."""
    m = None if k.startswith(NATIONAL) else LOCAL.match(k)
    return m is not None and "关于" not in m.group(0)


def subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def injected(k: str, forms) -> tuple[Entry, str] | None:
    """A registered title with foreign words pushed into it, whole otherwise:
    (entry, the foreign words). 中共中央三升体育平台全面推进依法治国…的决定."""
    size = len(k)
    for name, _, entry in forms:
        # the edits leave the first and last characters alone: titles differing there are out
        if len(name) < 10 or size < len(name) + 2 or name[0] != k[0] or name[-1] != k[-1]:
            continue
        from .. import editdistance as Levenshtein      # only for a title that may be one
        ops = [op for op in Levenshtein.opcodes(name, k) if op.tag != "equal"]
        if not ops or ops[0].dest_start == 0 or ops[-1].dest_end == size:
            continue
        lost = sum(op.src_end - op.src_start for op in ops)
        # one foreign run: neighbouring edits (关于 → 三升体育平台 is replace + insert)
        if lost > 2 or ops[-1].dest_start - ops[0].dest_end > 1:
            continue
        added = k[ops[0].dest_start:ops[-1].dest_end]
        if len(added) >= 3:        # shorter additions are misquotations (near)
            return entry, added
    return None


def distance(a: str, b: str, cutoff: int) -> int:
    """Edit distance up to cutoff (cutoff + 1 beyond); rapidfuzz imported at first need."""
    from .. import editdistance as Levenshtein
    return Levenshtein.distance(a, b, score_cutoff=cutoff)


def near(k: str, forms, by_kind) -> Entry | None:
    """The registered title a misquoted one stands for: one or two characters off, or a
    made-up short form of a law (《交通法》 for 《道路交通安全法》)."""
    kind, best, best_score, size = doc_type(k), None, 0.0, len(k)
    # a title of a known type is compared only with registered titles of that type
    for name, _kind, entry in forms if kind is None else by_kind.get(kind, []):
        n = len(name)
        allowed = 0 if n < 8 else 1 if n < 16 else 2 if n < 30 else 3
        # the edit distance is at least the difference in length: no need to compute it then
        d = distance(k, name, allowed) if allowed and abs(size - n) <= allowed else 0
        if 0 < d <= allowed:
            score = 2.0 - d / n
        elif (3 <= size < n and entry.kind in ("法律", "行政法规")
              and (kind is not None or k[0] == name[0]) and subsequence(k, name)):
            from .. import editdistance as Levenshtein
            score = Levenshtein.normalized_similarity(k, name)
        else:
            continue
        if score > best_score:
            best, best_score = entry, score
    return best


def judge(cited: str, reg) -> tuple[str, Entry | None, str]:
    """(verdict, entry, detail): exact | injected | near | unknown."""
    names, forms, accepted, by_kind = reg
    k = EDITION.sub("", key(cited))
    if k in names:
        return "exact", names[k], ""
    k = k[len(PREFIX):] if k.startswith(PREFIX) else k
    if k in accepted or len(k) < 3 or is_local(k):
        return "unknown", None, ""
    found = injected(k, forms)
    if found:
        return "injected", found[0], found[1]
    entry = near(k, forms, by_kind)
    return ("near", entry, "") if entry is not None else ("unknown", None, "")


@lru_cache(maxsize=8192)
def _judged(cited: str, name: str) -> tuple[str, Entry | None, str]:
    """judge() against a shipped register, remembered: reports cite the same laws again and
    again, and a title that is not exact costs a comparison with every registered one."""
    return judge(cited, register(name))


def reference_date(doc) -> datetime.date | None:
    """The date the report speaks from: its own date (when it fits the report year), else
    the end of its year."""
    if trusted_date(doc):
        return doc.date
    return datetime.date(doc.report_year, 12, 31) if doc.report_year else None


def analyse(doc, rule) -> list:
    """(line, start, end, cited, verdict, entry, detail) for every title, once per report."""
    memo = doc.analysis.citations
    name = rule.options["register"]
    if name not in memo:
        out = []
        for line in doc.lines:
            if "《" not in line.text:
                continue
            for start, end, cited in titles(line.text):
                verdict, entry, detail = _judged(cited, name)
                out.append((line, start, end, cited, verdict, entry, detail))
        memo[name] = out
    return memo[name]


def zh_date(d: datetime.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@check("cited-title",
       doc="书名号中引用的法律、法规和中央文件名称有没有问题：逐一与登记表"
           "（`rules/data/citations.yaml`）核对。选项 `problem` 决定报哪一种："
           "名称中混入了无关文字（网页被篡改，如“《中共中央三升体育平台全面推进依法治国若干重大"
           "问题的决定》”）；名称写错一两个字或用了自造的简称（“《交通法》”"
           "应为“《道路交通安全法》”）；引用了已废止或被取代的文件；"
           "引用了报告写成时尚未出台的文件，或在施行之前就说“依据”“执行”。"
           "以地名开头的地方文件和登记表中没有的名称不报。",
       problem=Option(Choice("injected", "misquoted", "superseded", "premature"),
                      doc="报哪一种问题：injected（名称中混入了无关文字）、"
                          "misquoted（名称有误或用了自造的简称）、superseded（已废止或被取代）、"
                          "premature（报告写成时尚未出台或尚未施行）"),
       register=Option(str, "citations", doc="登记表：`rules/data/` 中的文件名，不含 .yaml"),
       historical=Option(list, ["原", "旧", "废止", "取代", "替代", "代替", "此前"], item=str,
                         doc="已废止文件的名称前六个字以内有这些词之一（“原《……》”"
                             "“已废止的《……》”），说明是作为历史提及，不报"),
       applying=Option(list, ["执行", "依据", "依照", "按照", "根据", "适用", "实施", "落实"], item=str,
                       doc="名称前六个字以内有这些词之一（“依据《……》”），"
                           "说明报告施行了这份文件；文件在报告日期之后才施行的，报出"))
def cited_title(doc, rule, ctx):
    """A quoted title of a law or central document that is garbled, misquoted, superseded
    or cited before it was issued (or applied before it took effect)."""
    problem = rule.options["problem"]
    ref = reference_date(doc) or datetime.date.today()
    for line, start, end, cited, verdict, entry, detail in analyse(doc, rule):
        before = line.text[max(0, start - 6):start]
        args = {"cited": cited, "title": entry.title if entry else ""}
        if problem == "injected" and verdict == "injected":
            yield doc.hit(line, start, end, args={**args, "inserted": detail})
        elif problem == "misquoted" and verdict == "near":
            yield doc.hit(line, start, end, args=args)
        elif verdict != "exact":
            continue
        elif problem == "superseded" and entry.superseded_by and entry.superseded <= ref:
            after = line.text[end:end + 4]
            if any(w in before for w in rule.options["historical"]) or "废止" in after:
                continue
            yield doc.hit(line, start, end, args={**args, "date": zh_date(entry.superseded),
                                                  "successor": entry.superseded_by})
        elif problem == "premature":
            if entry.issued > ref:
                what = f"{zh_date(entry.issued)}才通过（发布）"
            elif entry.effective > ref and any(w in before for w in rule.options["applying"]):
                what = f"{zh_date(entry.effective)}才施行"
            elif entry.revised and entry.revised > ref and re.search(r"新修[订正]|修[订正]后", before):
                what = f"{zh_date(entry.revised)}才修订"
            else:
                continue
            yield doc.hit(line, start, end, args={**args, "what": what, "ref": zh_date(ref)})
