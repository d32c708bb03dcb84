"""Garbled text that no single character gives away: UTF-8 read as GBK (鎴戜滑 for 我们),
UTF-8 read as Latin-1 (æ³•æ²» for 法治), and characters lost in conversion with debris
left in their place (水平?,F將).

Each is told by a round trip, not by a list: a run that re-encodes as GBK (or Latin-1) into
valid UTF-8 Chinese was decoded with the wrong codec. A run of five or more characters
that happens to do so by chance is vanishingly rare (each UTF-8 character needs one of six
lead bytes followed by two continuation bytes), so the test is safe on real text.
"""
from __future__ import annotations

import re

HAN = re.compile(r"[\u4e00-\u9fff]")
# Runs that could be one wrong decoding: no ASCII, spaces or the common CJK marks, which a
# wrong decoding garbles into other characters.
GBK_RUN = re.compile(r"[^\x00-\x7f\s，。；：、“”‘’（）《》！？…—·]{5,}")
LATIN_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       r"\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
                       r"(?:[\u00c0-\u00ff][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d"
                       r"\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]{2,})+")
# A lost character's debris between Chinese text: “?” followed by ASCII marks or letters, and
# any characters outside GB2312 stuck to it (水平?,F將).
LOST = re.compile(r"(?<=[\u4e00-\u9fff])\?+[,.;:'`^~]*[A-Za-z]{0,2}(?=[^\x00-\x7f])")
GAP = re.compile(r"[^\s，。；：、“”‘’（）《》！？]{0,12}")
MIN_DECODED = 3
UTF8_HAN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){3}")
# The same test as a plain byte search, several times faster than the regex on a whole
# report's GBK bytes: each byte becomes its class (L: a UTF-8 lead byte of a Chinese
# character, C: a continuation byte, .: any other), and UTF8_HAN is LCC three times.
_BYTE_CLASS = bytes(ord("L") if 0xE4 <= b <= 0xE9 else ord("C") if 0x80 <= b <= 0xBF else ord(".")
                    for b in range(256))
UTF8_HAN_CLASSES = b"LCC" * 3
LATIN_LETTER = re.compile(r"[\u00c0-\u00ff]")         # Chinese characters a wrong decoding must give back


def _recovered(data: bytes) -> str | None:
    """The UTF-8 text of data (its last one or two bytes may be cut off), or None."""
    for cut in (0, 1, 2):
        try:
            text = data[:len(data) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(HAN.findall(text)) >= MIN_DECODED:
            return text
        return None
    return None


def suspects(text: str) -> tuple[bool, bool]:
    """Whether a whole report may hold (GBK-, Latin-1-) misdecoded text, in one scan each:
    without three UTF-8 Chinese characters in a row in its GBK bytes, or without a Latin-1
    letter, no line of it need be tried."""
    if text.isascii():
        return False, False
    gbk = text.encode("gbk", errors="ignore").translate(_BYTE_CLASS)
    return UTF8_HAN_CLASSES in gbk, LATIN_LETTER.search(text) is not None


def _outside_gb2312(text: str, start: int) -> int:
    """How many characters from text[start] on are Chinese characters outside GB2312."""
    n = start
    while n < len(text) and HAN.match(text[n]):
        try:
            text[n].encode("gb2312")
            break
        except UnicodeEncodeError:
            n += 1
    return n - start


def garbled(text: str, gbk: bool = True, latin: bool = True):
    """(start, end, what, recovered) of each garbled run in text; recovered is the original
    text when the round trip gives it back, else "". gbk and latin (from suspects()) say
    whether those wrong decodings need be tried."""
    decoded = []
    if gbk and not text.isascii():
        for m in GBK_RUN.finditer(text):
            try:
                data = m.group(0).encode("gbk")
            except UnicodeEncodeError:
                continue
            original = _recovered(data)
            if not original:
                continue
            # the 缁?鎺 or 艰?勮寖鍏? between decodable runs is the same garbling: one stretch
            if decoded and GAP.fullmatch(text, decoded[-1][1], m.start()):
                decoded[-1][1] = m.end()
            else:
                decoded.append([m.start(), m.end(), "UTF-8文字被当作GBK解码", original])
        yield from map(tuple, decoded)
    if latin and not text.isascii():
        for m in LATIN_RUN.finditer(text):
            try:
                original = _recovered(m.group(0).encode("cp1252"))
            except UnicodeEncodeError:
                original = None
            if original:
                yield m.start(), m.end(), "UTF-8文字被当作西文解码", original
    if "?" in text and not decoded:
        for m in LOST.finditer(text):
            end = m.end() + _outside_gb2312(text, m.end())
            # a lone 普法?群众 is a question mark, and 推进???建设 a run of them (reported as such)
            if end > m.end() or m.group(0).strip("?"):
                yield m.start(), end, "汉字丢失后留下的问号和杂字", ""
