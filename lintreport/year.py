"""The year a report covers, inferred from evidence that votes, with the evidence kept.

Evidence: the title (20XX年…报告), the opening (“2023年，…”, “现将2023年…报告如下”), the
first part's heading, the plan part's heading (its year minus one), the closing date and
the page's 成文日期 (late in the year itself or early in the next). Years inside cited titles
(《…纲要（2023—2027年）》), ranges and document numbers (〔2024〕3号) name other things and
are never evidence; page furniture (今天是…) is already out of the text. The year is the one
most evidence fits (title and opening count double; a tie goes to the title), never the largest or the last seen.
When some evidence does not fit the year chosen, the verdict says so (`conflicts`), and the
metadata check reports it once.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

YEAR = re.compile(r"(?<![\d〔［\[（(—–\-－~～至到])(20\d{2})\s*年(?!\s*[—–\-－~～至到]\s*\d)")
QUOTED = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》|[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d*\s*号?")
PLAN = re.compile(r"安排|计划|打算|思路|下一|工作要点")
WEIGHT = {"title": 2, "opening": 2, "heading": 1, "plan": 1, "date": 1, "written": 1}
WHERE = {"title": "标题", "opening": "开头", "heading": "第一部分小标题",
         "plan": "工作安排小标题", "date": "落款日期", "written": "网页所载成文日期"}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence for the report year: where it comes from and the years it fits."""
    kind: str           # title, opening, heading, plan, date, written
    year: int           # the report year this evidence points to
    low: int            # the report years it fits: a date in January fits the year before
    high: int
    text: str           # what was read, for people
    line: int | None = None

    @property
    def where(self) -> str:
        return WHERE[self.kind]

    def fits(self, year: int) -> bool:
        return self.low <= year <= self.high


@dataclass(frozen=True)
class YearVerdict:
    """The report year most evidence fits (None without any), with all the evidence."""
    year: int | None
    evidence: tuple[Evidence, ...] = ()

    @property
    def conflicts(self) -> tuple[Evidence, ...]:
        """The evidence that does not fit the year chosen."""
        return tuple(e for e in self.evidence if self.year and not e.fits(self.year))

    def describe(self) -> str:
        """The evidence in words: 标题2022年；开头2021年…"""
        return "；".join(f"{e.where}“{e.text}”→{e.year}年" for e in self.evidence)


def own_year(text: str) -> int | None:
    """The first year a text speaks of itself, outside cited titles, ranges and numbers."""
    if "年" not in text:
        return None
    m = YEAR.search(QUOTED.sub(lambda q: "\u3000" * len(q.group(0)), text))
    return int(m.group(1)) if m else None


def date_evidence(kind: str, date: datetime.date, line: int | None = None) -> Evidence:
    """A report is written late in its own year or early in the next."""
    year = date.year if date.month >= 10 else date.year - 1
    return Evidence(kind, year, date.year - 1, date.year,
                    f"{date.year}年{date.month}月{date.day}日", line)


def infer(title: str = "", opening=(), first_heading: str = "", plan_heading: str = "",
          date: datetime.date | None = None, written: datetime.date | None = None,
          lines: dict | None = None) -> YearVerdict:
    """The report year and the evidence it rests on. `opening` is the first paragraphs'
    texts; `lines` maps an evidence kind to the line number it was read from."""
    lines = lines or {}
    found: list[Evidence] = []

    def add(kind, text, shift=0):
        year = own_year(text)
        if year:
            year -= shift
            found.append(Evidence(kind, year, year, year, text.strip()[:30], lines.get(kind)))
        return year

    add("title", title)
    if not any(add("opening", p) for p in list(opening)[:3]):
        add("heading", first_heading)
    if plan_heading and PLAN.search(plan_heading):  # 二〇二五年工作安排: the year after
        add("plan", plan_heading, shift=1)
    if date:
        found.append(date_evidence("date", date, lines.get("date")))
    if written and not date:
        found.append(date_evidence("written", written, lines.get("written")))
    if not found:
        return YearVerdict(None)
    scores: dict[int, int] = {}
    for e in found:
        scores.setdefault(e.year, 0)
    for year in scores:
        scores[year] = sum(WEIGHT[e.kind] for e in found if e.fits(year))
    # ties go to the evidence read first (the title before the opening before the date)
    year = max(scores, key=lambda y: (scores[y], -next(i for i, e in enumerate(found)
                                                       if e.year == y)))
    return YearVerdict(year, tuple(found))


def parse_written(value: str) -> datetime.date | None:
    """成文日期 of the page's table: 2024-01-08, 2024年01月08日, 2024/1/8."""
    m = re.match(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", value or "")
    if not m:
        return None
    try:
        return datetime.date(*map(int, m.groups()))
    except ValueError:
        return None


def trusted_date(doc) -> datetime.date | None:
    """The report's own date, unless it does not fit the year the other evidence gives (a
    typo such as 2014年1月8日 on a 2023 report): then the checks that measure against the
    date use the deadline instead, and the conflict is reported once (M003), not as an
    error at every later year in the text."""
    verdict = getattr(doc, "year_verdict", None)
    if doc.date and verdict and any(e.kind == "date" for e in verdict.conflicts):
        return None
    return doc.date
