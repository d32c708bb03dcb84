"""Readers: bytes of a file → Source, a list of Lines that map back to the file.

Each reader module is imported only when a file of its kind is read, so that linting a
text file never pays for python-docx or a PDF library.
"""
from __future__ import annotations

import importlib
import os
import stat
from dataclasses import dataclass, field

from ..errors import InputError

# The readers: file suffix → the module (in this package) whose read(path) → Source reads
# it, or a function that does. The one list: `supported`, the CLI's help, serve's accepted
# types and the fixer read it. A new input format is one entry (and its module).
READERS: dict = {
    ".docx": "docx",
    ".txt": "plain",
    ".md": "plain",
    ".markdown": "plain",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}


def register(suffix: str, reader) -> None:
    """Read files ending in `suffix` with `reader` (a function path → Source, or the name of
    a module of this package)."""
    READERS[suffix.lower()] = reader


def kinds() -> tuple[str, ...]:
    """The suffixes a reader reads (.docx, .txt, …), in the registry's order."""
    return tuple(READERS)


# kinds we recognise but cannot read: say what to do instead
ADVICE = {
    ".doc": "旧版Word格式（.doc）无法直接读取，请在Word或LibreOffice中另存为.docx"
            "（如已安装LibreOffice: soffice --headless --convert-to docx 文件名）",
    ".wps": "WPS格式无法直接读取，请在WPS中另存为.docx",
    ".rtf": "RTF格式无法直接读取，请另存为.docx或.txt",
}

MAX_BYTES = 64 * 1024 * 1024
# A real annual report has 10–50 thousand characters; far more is a wrong file or an attack,
# and refusing it keeps every check's time bounded.
MAX_CHARS = 3_000_000
# A report has a few hundred to a few thousand paragraphs; 100,000 empty ones are an attack
# that costs every per-paragraph check. Readers count before they build lines.
MAX_PARAGRAPHS = 50_000
# A report has 5–60 pages; pages are counted before any text is extracted.
MAX_PAGES = 500


def too_many_paragraphs(count: int) -> str:
    return (f"段落过多（{count} 段，上限 {MAX_PARAGRAPHS} 段）：这不像一份年度报告，"
            "请检查是否选错了文件")


@dataclass(frozen=True)
class Line:
    """One line (text file) or paragraph (docx) of the source, as text.

    `prefix` counts characters at the start that the reader made up and that are not in the
    file itself (Word's automatic list numbering), so columns can be mapped back.
    """
    text: str
    number: int
    prefix: int = 0
    style_level: int | None = None
    page: int | None = None
    bold_lead: int = 0          # characters of text[prefix:] set in bold from its start (docx)


@dataclass
class Source:
    """What a reader makes of a file: its lines (paragraphs), kind, encoding and metadata."""
    path: str
    lines: list[Line]
    kind: str = "text"
    encoding: str = "utf-8"
    meta: dict = field(default_factory=dict)


def read_bytes(path: str) -> bytes:
    """The bytes of a file, at most MAX_BYTES + 1 of them (the file may grow after the size
    was checked, or be a device): never more than the limit in memory."""
    with open(path, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"文件过大（上限 {MAX_BYTES // 1048576} MB）")
    return data


def supported(path: str) -> bool:
    """A file taken up from a folder: one a reader reads, or an old format (.doc, .wps) that
    gets its advice on converting, rather than being passed over in silence."""
    ext = os.path.splitext(path)[1].lower()
    return ext in READERS or ext in ADVICE


def read(path: str) -> Source:
    """Read one file into a Source, or raise InputError with a message for people."""
    ext = os.path.splitext(path)[1].lower()
    try:
        st = os.stat(path)      # follows a link: what matters is what would be read
    except FileNotFoundError:
        raise InputError("文件不存在") from None
    except OSError as exc:
        raise InputError(f"无法读取文件：{exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("这是一个文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO would block for ever, /dev/zero never ends: only regular files are read
        raise InputError("不是普通文件（管道、设备或套接字），不读取")
    if ext not in READERS:
        if ext in ADVICE:
            raise InputError(ADVICE[ext])
        known = "、".join(sorted(READERS))
        raise InputError(f"不支持的文件类型“{ext or '无扩展名'}”（支持：{known}）")
    size = st.st_size
    if size > MAX_BYTES:
        raise InputError(f"文件过大（{size // 1048576} MB，上限 {MAX_BYTES // 1048576} MB）")
    reader = READERS[ext]
    if not callable(reader):
        reader = importlib.import_module(f".{reader}", __name__).read
    try:
        source = reader(path)
    except InputError:
        raise
    except (OSError, ValueError, KeyError, IndexError, UnicodeError) as exc:
        raise InputError(f"无法读取文件：{type(exc).__name__}: {exc}") from exc
    if len(source.lines) > MAX_PARAGRAPHS:
        raise InputError(too_many_paragraphs(len(source.lines)))
    chars = sum(len(line.text) for line in source.lines)
    if chars > MAX_CHARS:
        raise InputError(f"文字过多（{chars // 10000} 万字，上限 {MAX_CHARS // 10000} 万字）："
                         "这不像一份年度报告，请检查是否选错了文件")
    return source
