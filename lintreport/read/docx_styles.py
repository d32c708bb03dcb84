"""Word's property inheritance, resolved from the package's own XML.

A run's font and size come from the first of: the run's own rPr, its character style (and
that style's basedOn chain), the paragraph's style chain (the default paragraph style when
none is named), then docDefaults. A theme font (w:eastAsiaTheme="minorEastAsia") is looked up
in theme1.xml for the script of the w:lang eastAsia language. Paragraph properties (jc, ind,
spacing) inherit the same way, attribute by attribute.
"""
from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
# w:lang eastAsia → the theme's <a:font script=…>
SCRIPTS = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant",
           "ja-jp": "Jpan", "ko-kr": "Hang"}
DEFAULT_SIZE = 10.0     # Word's size when no level names one (w:sz absent everywhere)


def theme_fonts(document) -> dict:
    """{'minor': {'ea': name, 'Hans': name, …}, 'major': {…}} from theme1.xml, if any."""
    fonts = {}
    for rel in document.part.rels.values():
        if rel.reltype != THEME or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob)
        for kind in ("minor", "major"):
            el = root.find(f".//{A}{kind}Font")
            if el is None:
                continue
            names = {"latin": (el.find(A + "latin") if el.find(A + "latin") is not None
                               else etree.Element("x")).get("typeface", ""),
                     "ea": (el.find(A + "ea") if el.find(A + "ea") is not None
                            else etree.Element("x")).get("typeface", "")}
            for f in el.iterfind(A + "font"):
                names[f.get("script")] = f.get("typeface", "")
            fonts[kind] = names
    return fonts


class Styles:
    """The style table of one document, with memoised lookups."""

    def __init__(self, document):
        root = document.styles.element
        self.by_id = {s.get(W + "styleId"): s for s in root.iterfind(W + "style")}
        self.default = {}
        for s in root.iterfind(W + "style"):
            if s.get(W + "default") in ("1", "true", "on"):
                self.default.setdefault(s.get(W + "type"), s.get(W + "styleId"))
        defaults = root.find(W + "docDefaults")
        self.rpr_default = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self.ppr_default = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None
        self.theme = theme_fonts(document)
        self._chains = {}

    def chain(self, style_id: str | None, kind: str) -> list:
        """The style and its basedOn ancestors, most specific first (cycles cut)."""
        key = (style_id, kind)
        if key not in self._chains:
            out, seen = [], set()
            sid = style_id or self.default.get(kind)
            while sid and sid not in seen and sid in self.by_id and len(out) < 30:
                seen.add(sid)
                style = self.by_id[sid]
                out.append(style)
                based = style.find(W + "basedOn")
                sid = based.get(W + "val") if based is not None else None
            self._chains[key] = out
        return self._chains[key]

    def run_levels(self, r, p) -> list:
        """The rPr elements that decide a run's formatting, most specific first."""
        levels = []
        rpr = r.find(W + "rPr")
        if rpr is not None:
            levels.append(rpr)
            rstyle = rpr.find(W + "rStyle")
            char_style = rstyle.get(W + "val") if rstyle is not None else None
        else:
            char_style = None
        levels += [s.find(W + "rPr") for s in self.chain(char_style, "character")]
        levels += [s.find(W + "rPr") for s in self.chain(paragraph_style(p), "paragraph")]
        levels.append(self.rpr_default)
        return [x for x in levels if x is not None]

    def para_levels(self, p) -> list:
        """The pPr elements that decide a paragraph's formatting, most specific first."""
        levels = [p.find(W + "pPr")]
        levels += [s.find(W + "pPr") for s in self.chain(paragraph_style(p), "paragraph")]
        levels.append(self.ppr_default)
        return [x for x in levels if x is not None]

    def font(self, levels, slot: str = "eastAsia") -> tuple[str, str]:
        """(font name, how it was found: the theme attribute, "named" or "none") of a font
        slot (eastAsia for Chinese characters, ascii for digits), theme fonts resolved."""
        for rpr in levels:
            fonts = rpr.find(W + "rFonts")
            if fonts is None:
                continue
            theme = fonts.get(W + slot + "Theme")
            if theme:       # a theme attribute wins over the plain name beside it
                return self.theme_font(theme, levels), theme    # e.g. minorEastAsia
            name = fonts.get(W + slot)
            if name:
                return name, "named"
        return "", "none"

    def theme_font(self, theme: str, levels) -> str:
        names = self.theme.get("major" if theme.startswith("major") else "minor", {})
        if theme.endswith("HAnsi") or theme.endswith("Ascii"):   # minorHAnsi: the Latin face
            return names.get("latin", "")
        lang = first_attr(levels, "lang", "eastAsia").lower()
        script = SCRIPTS.get(lang)
        if script and names.get(script):
            return names[script]
        if names.get("ea"):
            return names["ea"]
        return names.get("Hans", "")    # no language given: the text is Chinese

    @staticmethod
    def size(levels) -> float:
        value = first_attr(levels, "sz", "val")
        try:
            return int(value) / 2 if value else DEFAULT_SIZE
        except ValueError:
            return DEFAULT_SIZE


def paragraph_style(p) -> str | None:
    ppr = p.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    return style.get(W + "val") if style is not None else None


def first_attr(levels, tag: str, attr: str) -> str:
    """The attribute from the most specific level that sets it, or ''."""
    for el in levels:
        child = el.find(W + tag)
        if child is not None and child.get(W + attr) is not None:
            return child.get(W + attr)
    return ""
