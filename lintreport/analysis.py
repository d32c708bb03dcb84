"""What the checks work out about one report, once: a typed memo that hangs on the Document.

Several checks need the same facts about a report (its quantities, its date mentions, which
paragraphs are the plan, where the half-width marks are). Each fact has a named field here,
empty until the first check that needs it fills it in; the function that computes a fact
lives next to the checks that use it, and it is the only one that writes the field. Keyed
fields (by checklist, by register, by paragraph) are dicts; every other field starts as None
so that "not worked out yet" and "worked out: nothing found" are told apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Analysis:
    """What the checks work out once per document and share (doc.analysis), field by field."""
    # engine: the inline switches of the text, and the time budget once it is spent
    disabled: list | None = None            # [(line or None, {rule ids})] (engine.suppress)
    over_budget: tuple | None = None        # (seconds spent, rules not run) (checks.budget)
    # the lines' texts joined by "\n" and where each line starts in it (trigger.lines_with)
    joined: tuple | None = None
    # parts: checklist path → part key → the sections that make up that part (parts.classify)
    parts: dict[str, dict] = field(default_factory=dict)
    part_lines: dict[str, list] = field(default_factory=dict)  # → [(first, last, part key)]
    # per paragraph, with whether it is in the plan part (checks.dates)
    paragraphs: dict[str, list] = field(default_factory=dict)   # checklist path → rows
    # date mentions: (checklist path, table, kind) → [(line, match, entry, in_plan, text)]
    date_mentions: dict[tuple, list] = field(default_factory=dict)
    # quantities: (line number, start) → the quantities of that paragraph (checks.numbers)
    quantities: dict[tuple, list] = field(default_factory=dict)
    quantities_counted: int = 0             # how many were found so far (capped per report)
    # topics (checks.coverage): the text searched, by (checklist path, parts) ("" parts:
    # the whole report's title, headings and paragraphs)
    topic_texts: dict[tuple, str] = field(default_factory=dict)
    # cited titles: register name → [(line, start, end, cited, verdict, entry, detail)]
    citations: dict[str, list] = field(default_factory=dict)
    # punctuation (checks.punctuation): places every fix of a report-wide finding covers
    spaces: list | None = None              # [(line, start, end)] stray spaces
    halfwidth: list | None = None           # [(line, offset)] half-width marks
    title_commas: list | None = None        # [(line, offset)] 顿号 between titles
    # duplicates (checks.duplicate): normalised paragraph texts, sentence spans
    normalized_paragraphs: list | None = None
    sentence_spans: list | None = None
    report_text: Any = None                 # reporttext.ReportText, False where none is made
    # layout (layout.py): the docx layout and its pieces; only .docx reports have one
    layout: Any = None
    layout_pieces: list | None = None
