"""The document model: a Source parsed into title, addressee, opening, the GB/T 9704 heading
tree, paragraphs and sentences, and the closing issuer and date.

Headings are recognised by their numbering, position and length, never by a list of titles.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field

from . import hanzi as T
from .analysis import Analysis
from .finding import Hit
from .headings import TITLE_MAX, bold_title, is_heading, lead_length  # noqa: F401 - lead_length is API
from .furniture import WebBlock
from .read import Line, Source
from .sections import Heading, Paragraph, Section, Sentence  # noqa: F401 - the model's API
from .switches import strip as strip_switches
from .webpage import without_furniture
from .year import YearVerdict, infer as infer_year, parse_written

DATE = re.compile(
    r"(\d{4}|[〇零一二三四五六七八九]{4})[ \t]*年[ \t]*(\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*月"
    r"[ \t]*(\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*日")
ADDRESSEE = re.compile(r"^[^。；;，,]{2,40}[：:]$")
ISSUER_END = re.compile(r"(政府|委员会|办事处|党委|党工委|人大|局|办公室|所|中心|镇|乡|街道|委|院|厅|部|站)$")
TITLE_WORDS = re.compile(r"报告|情况|总结|工作|法治|年度")
TITLE_END = re.compile(r"(报告|情况|总结|汇报|通知|函)$")
DIGIT = re.compile(r"\d")
BARE_PART = re.compile(r"第([一二三四五六七八九十]{1,3})部分[ \t：:]*$")


@dataclass
class Document:
    """A parsed report: its lines, title, headings and sections, closing, year and page fields."""
    source: Source
    lines: list[Line]                 # the lines of the report proper (web chrome excluded)
    web_blocks: list[tuple[int, int, WebBlock]] = field(default_factory=list)
    page_fields: dict = field(default_factory=dict)   # 发布机构, 成文日期… from the page's table
    title: list[Line] = field(default_factory=list)
    addressee: Line | None = None
    opening: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    issuer: Line | None = None
    date_line: Line | None = None
    date: datetime.date | None = None
    report_year: int | None = None
    years: dict = field(default_factory=dict)   # where the report year was read: title, body, date
    year_verdict: YearVerdict | None = None     # the year with the evidence it rests on
    analysis: Analysis = field(default_factory=Analysis, repr=False)  # the checks' memo

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def title_text(self) -> str:
        return "".join("".join(l.text.split()) for l in self.title)

    def walk(self):
        for s in self.sections:
            yield from s.walk()

    def sentences(self):
        for p in self.paragraphs:
            yield from p.sentences()

    def text(self) -> str:
        return "\n".join(l.text for l in self.lines)

    def hit(self, line: Line, start: int = 0, end: int | None = None, **kw) -> Hit:
        """A Hit at [start, end) of a line, in the source's own columns."""
        end = len(line.text) if end is None else end
        column = max(start - line.prefix, 0) + 1
        # end <= start: the finding is about the report as a whole, anchored at this line
        end_column = max(end - line.prefix, 0) + 1 if end > start else None
        excerpt = kw.pop("excerpt", None)
        if excerpt is None:
            excerpt = T.clip(line.text[start:end], 40)
        return Hit(line.number, column, kw.pop("end_line", line.number), end_column,
                   excerpt=excerpt, **kw)


def parse(source: Source) -> Document:
    """Parse a Source into a Document."""
    # inline switches are instructions, not report text: the checks do not see them
    own = [l if l.text == (t := strip_switches(l.text)) else dataclasses.replace(l, text=t)
           for l in source.lines]
    lines, web_blocks, page_fields = without_furniture(source, own)
    doc = Document(source, lines, web_blocks=web_blocks, page_fields=page_fields)
    body = [l for l in lines if l.text.strip(T.SPACES) and _has_words(l.text)]
    if not body:
        return doc
    first = _top_matter(doc, body)
    last = _closing(doc, body, first)
    _body(doc, body[first:last])
    _report_year(doc)
    return doc


def _has_words(text: str) -> bool:
    """Lines of only markup or symbols (![](), ---) carry no report text."""
    return bool(T.HAN.search(text) or DIGIT.search(text))


def _top_matter(doc: Document, body: list[Line]) -> int:
    """Title lines and addressee; returns the index of the first body line after them."""
    i = 0
    while i < len(body) and i < 3:
        t = body[i].text.strip(T.SPACES)
        if (len(t) > TITLE_MAX or "。" in t or ADDRESSEE.match(t) or
                is_heading(body[i].text, lead_length(body[i].text))):
            break
        if i == 0 and not TITLE_WORDS.search(t) and not (len(body) > 1 and len(body[1].text.strip()) <= 8):
            break
        # a title goes on to the next line only while it is unfinished (…工作的 / 报  告), and
        # a line Word styles as a heading starts the body
        if i > 0 and (body[i].style_level or TITLE_END.search(
                "".join("".join(l.text.split()) for l in body[:i]))):
            break
        i += 1
    doc.title = body[:i]
    if i < len(body) and ADDRESSEE.match(body[i].text.strip(T.SPACES)) and \
            not is_heading(body[i].text, lead_length(body[i].text)):
        doc.addressee = body[i]
        i += 1
    return i


def parse_date(text: str) -> datetime.date | None:
    m = DATE.search(text)
    if not m:
        return None
    y, mo, d = m.groups()
    year = int(y) if y.isdigit() else int("".join(str(T.CN_DIGITS[c]) for c in y))
    month = int(mo) if mo.isdigit() else T.ordinal(mo)
    day = int(d) if d.isdigit() else T.ordinal(d)
    try:
        return datetime.date(year, month or 0, day or 0)
    except ValueError:
        return None


def _closing(doc: Document, body: list[Line], first: int) -> int:
    """Issuer and date at the end; returns the index after the last body line."""
    end = len(body)
    if end <= first:
        return end
    last = body[end - 1].text.strip(T.SPACES)
    m = DATE.search(last)
    if m and len(last) <= 40 and m.end() >= len(last) - 1:
        doc.date_line, doc.date = body[end - 1], parse_date(last)
        end -= 1
        before = last[:m.start()].strip(T.SPACES)
        if before:      # issuer and date on one line
            doc.issuer = body[end]
            return end
    if end > first:
        t = body[end - 1].text.strip(T.SPACES)
        if len(t) <= 30 and not re.search(r"[。；;，,：:]", t) and ISSUER_END.search(t) and \
                not is_heading(body[end - 1].text, lead_length(body[end - 1].text)):
            doc.issuer = body[end - 1]
            end -= 1
    return end


def _body(doc: Document, lines: list[Line]) -> None:
    stack: list[Section] = []
    top = 0             # number of the last real top-level heading
    nested = 0          # number of the last 一、-form heading nested under it (0: none)
    bold_level = 0      # level of the unnumbered bold titles (docx), set by the first one
    part = None         # number of a bare 第X部分 line, whose title is on the next line
    for line in lines:
        text = line.text
        lead = lead_length(text)
        m = BARE_PART.match(text, lead)
        if m:
            part = T.ordinal(m.group(1))
            continue
        found = is_heading(text, lead)
        if part and found is None and len(text.strip()) <= TITLE_MAX and not re.search(r"[。；;]", text):
            found = (0, part, "", text[lead:].strip(T.SPACES), len(text.rstrip()), None)
        part = None
        if found is None and line.style_level and len(text.strip()) <= TITLE_MAX:
            found = (min(line.style_level, 4), 0, "", text[lead:].strip(), len(text), None)
        if found is None and line.bold_lead:
            # a report's bold titles are one list: the first one's level holds for the rest
            found = bold_title(text, line.prefix, line.bold_lead, bold_level or _numbered_level(stack) + 1)
            bold_level = found[0] if found else bold_level
        if not found:
            para = Paragraph(line, lead, text[lead:].rstrip(T.SPACES),
                             stack[-1] if stack else None)
            doc.paragraphs.append(para)
            (stack[-1].paragraphs if stack else doc.opening).append(para)
            continue
        form, number, marker, title, title_end, body_start = found
        level = form
        if form == 0:
            top = nested = 0    # each 第X部分 starts its own 一、 list
        elif form == 1 and top:
            # A list that restarts at 一、 under 四、 is a sub-list written in the top-level
            # form: nest it, and let the numbering checks report the marker.
            if number == 1 or (nested and number == nested + 1):
                level, nested = 2, number
            else:
                nested = 0
        if level == 1:
            top = number or top + 1
        heading = Heading(line, level, form, number, marker, lead, title, title_end,
                          body_start is not None)
        doc.headings.append(heading)
        while stack and stack[-1].level >= level:
            stack.pop()
        section = Section(heading, parent=stack[-1] if stack else None)
        (stack[-1].children if stack else doc.sections).append(section)
        stack.append(section)
        if body_start is not None:
            para = Paragraph(line, body_start, text[body_start:].strip(T.SPACES), section)
            section.paragraphs.append(para)
            doc.paragraphs.append(para)


def _numbered_level(stack: list[Section]) -> int:
    """The level of the innermost numbered heading open: unnumbered bold titles go below it."""
    return next((s.level for s in reversed(stack) if s.heading.number), 0)


def _report_year(doc: Document) -> None:
    """The year the report covers, voted by the title, opening, headings and dates."""
    plan = doc.sections[-1] if len(doc.sections) > 1 else None
    verdict = infer_year(
        doc.title_text, [p.text for p in doc.opening[:3]],
        doc.sections[0].title if doc.sections else "", plan.title if plan else "",
        doc.date, parse_written(doc.page_fields.get("成文日期", "")),
        {"title": doc.title[0].number if doc.title else None,
         "opening": doc.opening[0].line.number if doc.opening else None,
         "heading": doc.sections[0].first_line if doc.sections else None,
         "plan": plan.first_line if plan else None,
         "date": doc.date_line.number if doc.date_line else None})
    doc.year_verdict = verdict
    doc.report_year = verdict.year
    # the old summary, kept for callers that read it: title, body and date years
    names = {"title": "title", "opening": "body", "heading": "body", "plan": "body", "date": "date"}
    for e in verdict.evidence:
        doc.years.setdefault(names.get(e.kind, e.kind), e.year)
