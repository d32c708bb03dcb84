"""The layers, read from the source (AST): no module imports a layer above its own, no name
starting with "_" is taken from another of our modules, and modules stay small.

    base → read → document → checks → checklist → engine → html → consumers → cli

A module may import its own layer and any layer below. The KNOWN lists are modules other
engineers are changing at the same time; the integrator empties them after the merge.
"""
from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "lintreport"

LAYERS = [
    ("base", ["version", "errors", "hanzi", "patterns", "trigger", "finding", "model", "yamlfile",
              "data", "events", "switches", "safewrite", "overlap", "place", "analysis", "fixers",
              "regexcache", "codecache", "marshalstore"]),
    ("read", ["read", "furniture"]),     # furniture: a web page's header and footer
    ("document", ["headings", "totals", "counted", "year", "document", "sections", "webpage",
                  "garble", "layout", "quantity", "parts", "shingles", "minhash", "reporttext",
                  "reportgrams", "lsh", "followup"]),
    ("checks", ["checks"]),
    ("checklist", ["checklist", "config"]),
    ("engine", ["engine"]),
    ("html", ["html"]),
    ("consumers", ["formatters", "review", "serve", "fix", "fix_docx", "annotate", "ruleinfo", "docgen",
                   "docx_build", "show"]),
    ("cli", ["cli", "clihelp", "commands", "__main__", ""]),      # "" is the package itself (lint())
]
# imports across layers that other engineers' modules still make (module → imported module)
KNOWN_UPWARD = {
}
KNOWN_PRIVATE: set = set()
KNOWN_LONG: set = set()
MAX_LINES = 250


def modules() -> dict[str, pathlib.Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = modules()


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    for n, (_, names) in enumerate(LAYERS):
        if top in names:
            return n
    raise AssertionError(f"module {module or 'lintreport'} is in no layer: add it to LAYERS")


def package_of(module: str, path: pathlib.Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def resolve(module: str, path: pathlib.Path, node: ast.ImportFrom) -> str | None:
    """The module of ours an ImportFrom reads from ('' is the package), or None."""
    if node.level == 0:
        if node.module == "lintreport" or (node.module or "").startswith("lintreport."):
            return node.module.removeprefix("lintreport").lstrip(".")
        return None
    base = package_of(module, path).split(".") if package_of(module, path) else []
    base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str, path: pathlib.Path):
    """(imported module, name or None, node) for every import of ours, at any depth (a lazy
    import in a function is a dependency all the same)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("lintreport"):
                    yield alias.name.removeprefix("lintreport").lstrip("."), None, node
        elif isinstance(node, ast.ImportFrom):
            target = resolve(module, path, node)
            if target is None:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}".lstrip(".")
                if sub in MODULES:      # from . import checks: the module checks
                    yield sub, None, node
                else:
                    yield target, alias.name, node


def test_every_module_has_a_layer():
    for module in MODULES:
        layer_of(module)


def test_no_module_imports_a_higher_layer():
    wrong = []
    for module, path in MODULES.items():
        for target, _, node in imports(module, path):
            if layer_of(target) > layer_of(module) and (module, target.split(".")[0]) not in KNOWN_UPWARD:
                wrong.append(f"{module} (layer {LAYERS[layer_of(module)][0]}) imports {target or 'lintreport'} "
                             f"(layer {LAYERS[layer_of(target)][0]}) at line {node.lineno}")
    assert not wrong, "\n".join(wrong)


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_private_name_crosses_modules():
    wrong = []
    for module, path in MODULES.items():
        aliases = {}        # local name → our module it is bound to
        for target, name, node in imports(module, path):
            if name is not None and private(name) and (module, f"{target}.{name}") not in KNOWN_PRIVATE:
                wrong.append(f"{module}:{node.lineno} imports {name} from {target or 'lintreport'}")
            if name is None:
                for alias in node.names:
                    aliases[alias.asname or alias.name.split(".")[-1]] = target
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in aliases and private(node.attr) and aliases[node.value.id] != module:
                wrong.append(f"{module}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert not wrong, "\n".join(wrong)


def test_modules_stay_small():
    long = {m: n for m, p in MODULES.items()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES and m not in KNOWN_LONG}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_rules_catch_what_they_are_meant_to(tmp_path):
    """The checks above are not vacuous: an upward and a private import are both seen."""
    path = tmp_path / "yamlfile.py"
    path.write_text("from . import __version__\nfrom .checklist import _check_keys\n", encoding="utf-8")
    found = list(imports("yamlfile", path))
    assert ("", "__version__") in [(t, n) for t, n, _ in found]
    assert [layer_of(t) > layer_of("yamlfile") for t, _, _ in found] == [True, True]
    assert private("_check_keys") and not private("__version__")
