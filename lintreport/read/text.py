"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""
from __future__ import annotations

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
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise InputError("文件不是文本（含有二进制数据），请提供 txt、md 或 docx 格式的报告")
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


def read(path: str) -> Source:
    data = read_bytes(path)
    text, encoding = decode(data)
    markdown = path.lower().endswith((".md", ".markdown"))
    # Text is kept as written so that columns stay true; the parser skips Markdown marks.
    lines = [Line(raw, number) for number, raw in enumerate(text.splitlines(), 1)]
    return Source(path, lines, kind="markdown" if markdown else "text", encoding=encoding)
