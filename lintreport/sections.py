"""The pieces of a parsed report: headings, the sections they open, paragraphs, sentences."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import hanzi as T
from .read import Line


@dataclass
class Heading:
    """A heading line: its level in the tree, its marker's own level and its number."""
    line: Line
    level: int          # level in the tree, after repairing restarted top-level lists
    form: int           # level the marker itself stands for (第一部分=0, 一、=1, （一）=2, 1.=3, （1）=4)
    number: int
    marker: str         # the marker as written, e.g. "(一)" or "一、"
    start: int          # offset of the marker in line.text
    title: str          # the heading's own words, without the marker
    title_end: int      # offset in line.text where the title ends
    run_in: bool        # body text follows on the same line

    @property
    def text(self) -> str:
        return self.line.text[self.start:self.title_end].strip()


@dataclass
class Paragraph:
    """A paragraph of body text and the section it belongs to."""
    line: Line
    start: int          # offset in line.text where the paragraph's text starts
    text: str
    section: "Section | None" = None

    def sentences(self):
        for a, b in T.sentences(self.line.text, self.start):
            yield Sentence(self, a, b, self.line.text[a:b])


@dataclass
class Sentence:
    """A sentence of a paragraph, with its offsets in the paragraph's text."""
    paragraph: Paragraph
    start: int
    end: int
    text: str

    @property
    def line(self) -> Line:
        return self.paragraph.line


@dataclass
class Section:
    """A heading with its paragraphs and subsections."""
    heading: Heading
    parent: "Section | None" = None
    children: list["Section"] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def title(self) -> str:
        return self.heading.title

    def walk(self):
        """This section and all below it, in order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self):
        for s in self.walk():
            yield from s.paragraphs

    def text(self) -> str:
        """Titles and text of this section and all below it."""
        return "\n".join(
            [s.heading.title for s in self.walk()] + [p.text for p in self.all_paragraphs()])

    @property
    def first_line(self) -> int:
        return self.heading.line.number

    @property
    def last_line(self) -> int:
        last = self
        while last.children:
            last = last.children[-1]
        return last.paragraphs[-1].line.number if last.paragraphs else last.heading.line.number
