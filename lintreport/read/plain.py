"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK."""
from __future__ import annotations

import re

from ..errors import InputError
from . import Line, Source, read_bytes

def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Files from Chinese Windows are often GB18030/GBK."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:   # damaged, as without a BOM: never to be written back
            return data[3:].decode("utf-8", errors="replace"), "utf-8-sig-lossy"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(BINARY) from None
    if b"\x00" in data[:4096]:
        for encoding in ("utf-16-le", "utf-16-be"):     # Notepad's "Unicode" without a BOM
            text = _utf16(data, encoding)
            if text is not None:
                return text, encoding
        raise InputError(BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    # Mixed or damaged encodings: keep what decodes; the hygiene checks report U+FFFD.
    return data.decode("utf-8", errors="replace"), "utf-8-lossy"


BINARY = "文件不是文本（含有二进制数据），请提供 txt、md 或 docx 格式的报告"
# What UTF-16 text consists of: CJK, CJK and full-width punctuation, printable ASCII, line
# breaks. Binary data decoded as UTF-16 gives control characters, surrogates and odd blocks.
TEXTLIKE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027\u0020-\u007e\n\r\t]")


def _utf16(data: bytes, encoding: str) -> str | None:
    """data as UTF-16 text without a BOM, if it decodes and reads like text."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    if not sample or len(TEXTLIKE.findall(sample)) < 0.95 * len(sample):
        return None
    return text


def read(path: str) -> Source:
    data = read_bytes(path)
    text, encoding = decode(data)
    markdown = path.lower().endswith((".md", ".markdown"))
    # Text is kept as written so that columns stay true; the parser skips Markdown marks.
    lines = [Line(raw, number) for number, raw in enumerate(text.splitlines(), 1)]
    return Source(path, lines, kind="markdown" if markdown else "text", encoding=encoding)
