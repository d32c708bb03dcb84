"""--fix-output for a .docx: the fixed copy keeps every run's formatting (see _edit_paragraph)."""
from __future__ import annotations

from .finding import Fix
from .read import Line, read


def _segments(p):
    """[start, end, element, editable] of a paragraph's text pieces, as python-docx reads them."""
    from docx.oxml.ns import qn
    out, pos = [], 0
    for item in p.xpath("w:r | w:hyperlink"):
        for run in ([item] if item.tag == qn("w:r") else item.xpath("w:r")):
            for e in run.xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"):
                text = str(e)
                out.append([pos, pos + len(text), e, e.tag == qn("w:t")])
                pos += len(text)
    return out


def _edit_paragraph(p, fixes: list[Fix]) -> int:
    """Apply fixes (source columns of this paragraph) to its w:t elements, right to left.

    A fix inside one run changes only that run. A fix spanning runs (“,” bold, the space
    after it plain) puts the replacement in the first run it touches, keeping that run's
    formatting, and removes only the replaced characters from the others: no run is added
    or deleted, so styles and run formatting stay as they were. A fix that would cut
    through a tab, break or field is not applied."""
    from docx.oxml.ns import qn
    segments, done = _segments(p), 0
    for f in sorted(fixes, reverse=True):
        a, b = f.column - 1, f.end_column - 1
        hit = [s for s in segments if s[0] < b and s[1] > a or a == b and s[0] <= a <= s[1] and s[3]]
        if not hit or not all(s[3] for s in hit):
            continue            # never cut through a tab, break or field
        first = hit[0]
        t = first[2].text or ""
        tail = t[b - first[0]:] if b < first[1] else ""
        first[2].text = t[:a - first[0]] + f.replacement + tail
        for s in hit[1:]:
            s[2].text = (s[2].text or "")[b - s[0]:] if b < s[1] else ""
        for s in hit:
            s[2].set(qn("xml:space"), "preserve")
        done += 1
    return done


def fix_copy(path: str, output: str, planner, passes: int, record=None) -> int:
    """Write a fixed copy of a docx to output; the original is only read. `planner(source)`
    gives the fixes of a read source; `record` is the file's record when it was just
    checked: its lines and fixes are the first pass."""
    import docx
    from .read.docx import body_paragraphs
    total, current = 0, path
    for _ in range(passes):
        if record is not None and not record.error and record.fixes is not None:
            lines, planned = [Line(t, n, prefix) for n, t, _, prefix in record.lines], record.fixes
        else:
            source = read(current)
            lines, planned = source.lines, planner(source)
        record = None
        fixes: dict[int, list[Fix]] = {}
        for f in planned:
            fixes.setdefault(f.line, []).append(f)
        document, done = docx.Document(current), 0
        # merged table cells repeat a paragraph: edit each element once. The set holds the
        # elements themselves, not id()s: lxml reuses the ids of proxies it has freed, while
        # a proxy that is kept alive is the one it hands out again for the same element.
        seen: set = set()
        for number, paragraph in enumerate(body_paragraphs(document), 1):
            line, element = lines[number - 1], paragraph._p
            if number in fixes and element not in seen and \
                    paragraph.text.replace("\u000b", "") == line.text[line.prefix:]:
                done += _edit_paragraph(element, fixes[number])
            seen.add(element)
        document.save(output)
        total, current = total + done, output
        if not done:
            break
    return total
