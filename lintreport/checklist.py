"""Checklists: YAML files of rules, loaded and validated before anything is linted.

A checklist file (rules/township.yaml) names the report type, how its required parts are
recognised (`parts`: a mapping, or a file of parts beside it such as data/parts.yaml),
which rule files it includes and any rules or overrides of its own. Every error names the
file, the rule and the key. The types it builds (Rule, Part, Checklist) are in `model`.
"""
from __future__ import annotations

import glob
import os
import re
import string
from functools import lru_cache

from . import checks, yamlfile
from . import patterns as patterns_guard
from .data import categories, load_data, load_yaml, rules_dir, shipped  # noqa: F401 - API
from .errors import ConfigError
from .finding import Severity
from .model import ROLES, Checklist, Part, Rule  # noqa: F401 - the types, re-exported


RULE_KEYS = {"id": str, "name": str, "category": str, "severity": str, "check": str,
             "options": dict, "message": str, "source": str, "rationale": str,
             "examples": dict, "aliases": list, "enabled": bool, "fix": str,
             "title": str}
RULE_REQUIRED = ("id", "name", "category", "severity", "check", "message", "source",
                 "rationale", "examples")
CHECKLIST_KEYS = {"checklist": str, "title": str, "description": str, "include": list,
                  "parts": (dict, str), "rules": list, "set": dict}
RULEFILE_KEYS = {"description": str, "rules": list}
PART_KEYS = {"name": str, "heading": list, "not": list, "levels": list, "implicit": bool,
             "within": list, "role": str, "label": str}
OVERRIDE_KEYS = {"severity": str, "options": dict, "enabled": bool}
ID = re.compile(r"^[A-Z]{1,3}\d{3}$")


def check_keys(data, allowed: dict, where: str) -> None:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: 应为映射（键: 值），实为{type(data).__name__}")
    for key, value in data.items():
        if key not in allowed:
            raise ConfigError(f"{where}: 未知的键“{key}”（可用：{'、'.join(allowed)}）")
        if not isinstance(value, allowed[key]) or isinstance(value, bool) and allowed[key] is not bool:
            raise ConfigError(f"{where}: 键“{key}”应为{checks.type_name(allowed[key])},"
                              f"实为{type(value).__name__}")


def compile_patterns(patterns, where: str, checked: bool = False) -> tuple[re.Pattern, ...]:
    """The patterns compiled; `checked`: they passed here before (a validated copy), so the
    \\b and nesting checks, which parse each pattern, need not run again."""
    out = []
    for p in patterns:
        if checked:
            out.append(re.compile(str(p)))
            continue
        if "\\b" in str(p):
            raise ConfigError(f"{where}: 正则“{p}”含\\b：中文字符之间没有词边界，请按字符匹配")
        unsafe = patterns_guard.problem(str(p))
        if unsafe:
            raise ConfigError(f"{where}: 正则“{p}”{unsafe}")
        try:
            out.append(re.compile(str(p)))
        except re.error as exc:
            raise ConfigError(f"{where}: 正则“{p}”无效：{exc}") from exc
    return tuple(out)


def validate_options(kind: checks.CheckKind, options: dict, where: str) -> dict:
    """Fill in defaults and check every option against the kind's declaration."""
    full = {}
    for key, value in options.items():
        if key not in kind.options:
            known = "、".join(kind.options) or "无"
            raise ConfigError(f"{where}: 检查类型“{kind.name}”没有选项“{key}”（可用：{known}）")
        problem = kind.options[key].validate(value)
        if problem:
            raise ConfigError(f"{where}: 选项“{key}”{problem}")
        for text in patterns_guard.strings(value):     # options are often patterns
            unsafe = patterns_guard.problem(text)
            if unsafe:
                raise ConfigError(f"{where}: 选项“{key}”中的正则“{text}”{unsafe}")
        full[key] = value
    for key, opt in kind.options.items():
        if key not in full:
            if opt.default is checks.REQUIRED:
                raise ConfigError(f"{where}: 缺少检查类型“{kind.name}”的必需选项“{key}”")
            full[key] = opt.default
    return full


def make_rule(data: dict, path: str, overrides: dict | None = None, checked: bool = False) -> Rule:
    """A rule from its YAML data. `checked`: its file passed `read_rules`, so its options
    are complete and valid and its kind need not be imported yet (options an override
    brings are validated all the same, with the rule's own)."""
    rid = data.get("id") if isinstance(data, dict) else None
    where = f"{path}: 规则 {rid or '（无id）'}"
    check_keys(data, RULE_KEYS, where)
    for key in RULE_REQUIRED:
        if key not in data:
            raise ConfigError(f"{where}: 缺少必需的键“{key}”")
    if not ID.match(data["id"]):
        raise ConfigError(f"{where}: 键“id”应为大写字母加三位数字，如 S001")
    if data["category"] not in categories():
        raise ConfigError(f"{where}: 键“category”应为其中之一：{'、'.join(categories())}")
    if overrides:
        merged = {**data.get("options", {}), **overrides.get("options", {})}
        data = {**data, **overrides, "options": merged}
    try:
        severity = Severity.parse(data["severity"])
    except KeyError:
        raise ConfigError(f"{where}: 键“severity”应为 error、warning 或 info") from None
    if checked and not (overrides or {}).get("options") and checks.known(data["check"]):
        options = data.get("options") or {}
    else:
        kind = checks.get(data["check"])
        if kind is None:
            known = "、".join(sorted(checks.load_all()))
            raise ConfigError(f"{where}: 未知的检查类型“{data['check']}”（可用：{known}）")
        options = validate_options(kind, data.get("options") or {}, where)
    examples = data["examples"]
    check_keys(examples, {"pass": list, "fail": list}, f"{where}: examples")
    try:
        list(string.Formatter().parse(data["message"]))
    except ValueError as exc:
        raise ConfigError(f"{where}: 键“message”模板无效：{exc}") from exc
    return Rule(data["id"], data["name"], data["category"], severity, data["check"],
                data["message"].strip(), data["source"].strip(), data["rationale"].strip(),
                options, examples, tuple(data.get("aliases", ())), data.get("enabled", True),
                data.get("fix", ""), path, data.get("title", ""))


def load_parts(data, path: str, depends=None) -> dict[str, Part]:
    """The parts of a checklist: given in place, or as the path of a parts file beside it
    (`parts: data/parts.yaml`, whose own `parts:` mapping is read: validated when read from
    YAML, like a rule file, and not again from its validated copy)."""
    checked = False
    if isinstance(data, str):
        file = os.path.join(os.path.dirname(path), data)
        if not os.path.isfile(file):
            raise ConfigError(f"{path}: parts 中的文件“{data}”不存在")

        def parts_file(data):
            check_keys(data or {}, {"description": str, "parts": dict}, file)
            return load_parts((data or {}).get("parts", {}), file)
        path, data = file, yamlfile.load(file, parts_file, depends or code_files()) or {}
        data, checked = data.get("parts", {}), True
    parts = {}
    for key, spec in data.items():
        where = f"{path}: parts.{key}"
        check_keys(spec, PART_KEYS, where)
        role = spec.get("role", key if key in ROLES else "")
        if role and role not in ROLES:
            raise ConfigError(f"{where}: 键“role”应为其中之一：{'、'.join(ROLES)}")
        if role and any(p.role == role for p in parts.values()):
            raise ConfigError(f"{where}: 角色“{role}”已由另一部分担任")
        parts[key] = Part(key, spec.get("name", key), compile_patterns(spec.get("heading", []), where, checked),
                          compile_patterns(spec.get("not", []), where, checked),
                          tuple(spec.get("levels", (1, 2))), spec.get("implicit", False),
                          tuple(spec.get("within", ())), role, spec.get("label", ""))
    return parts


def code_files() -> list[str]:
    """The code that validates a rule file: a validated copy of the file is trusted while
    these are unchanged too (a check kind's options may have changed)."""
    folder = os.path.dirname(checks.__file__)
    return [__file__, patterns_guard.__file__,
            *sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".py"))]


def read_rules(path: str, keys: dict, depends=None) -> tuple[object, bool]:
    """A file of rules (or a checklist) and whether its rules passed `make_rule` on their own.
    They are validated when the file is read from YAML, and their options completed with
    the kinds' defaults; only a copy that passed is cached, so a rule read back from it is
    not validated again (nor its patterns compiled, nor its kind's module imported before a
    run uses it). A rule only a checklist's `set` makes valid is validated with it, as before."""
    def check_rules(data):
        check_keys(data or {}, keys, path)
        for raw in (data or {}).get("rules", []):
            raw["options"] = make_rule(raw, path).options      # with the defaults
    try:
        return yamlfile.load(path, check_rules, depends or code_files()), True
    except ConfigError:
        return load_yaml(path), False   # the error as before, or the checklist's set mends it


def looks_like_path(value: str) -> bool:
    """A checklist given as a file (has a folder separator or a .yaml ending), not a name."""
    return "/" in value or os.sep in value or value.lower().endswith((".yaml", ".yml"))


@lru_cache(maxsize=16)
def load(name_or_path: str = "township") -> Checklist:
    """Load a shipped checklist by name (township, county) or a checklist file by path."""
    path = name_or_path
    if looks_like_path(path) and not os.path.isfile(path):
        raise ConfigError(f"检查清单文件“{path}”不存在或不是文件")
    if not looks_like_path(path):     # a shipped name wins over a folder of that name in cwd
        path = os.path.join(rules_dir(), f"{name_or_path}.yaml")
        if not os.path.isfile(path):
            names = shipped()
            raise ConfigError(f"未知的检查清单“{name_or_path}”（内置：{'、'.join(names)}，或给出文件路径）")
    depends = yamlfile.Depends(code_files())     # stamped once for all the files below
    data, checked = read_rules(path, CHECKLIST_KEYS, depends)
    check_keys(data, CHECKLIST_KEYS, path)
    base = os.path.dirname(path)
    raw_rules: list[tuple[dict, str, bool]] = []
    for pattern in data.get("include", []):
        matched = sorted(glob.glob(os.path.join(base, pattern)))
        if not matched:
            raise ConfigError(f"{path}: include 中的“{pattern}”没有匹配任何文件")
        for file in matched:
            included, ok = read_rules(file, RULEFILE_KEYS, depends)
            included = included or {}
            check_keys(included, RULEFILE_KEYS, file)
            raw_rules += [(r, file, ok) for r in included.get("rules", [])]
    raw_rules += [(r, path, checked) for r in data.get("rules", [])]
    overrides = {str(k).upper(): o for k, o in data.get("set", {}).items()}   # ids any case
    for rid, o in overrides.items():
        check_keys(o, OVERRIDE_KEYS, f"{path}: set.{rid}")
    rules, seen = [], {}
    for raw, file, ok in raw_rules:
        rid = str(raw.get("id")).upper() if isinstance(raw, dict) else None
        rule = make_rule(raw, file, overrides.get(rid), ok)
        if rule.id in seen:
            raise ConfigError(f"{file}: 规则 {rule.id}: id 与 {seen[rule.id]} 中的规则重复")
        seen[rule.id] = file
        rules.append(rule)
    unknown = set(overrides) - set(seen)
    if unknown:
        raise ConfigError(f"{path}: set 中的规则不存在：{'、'.join(sorted(unknown))}")
    return Checklist(data.get("checklist", os.path.splitext(os.path.basename(path))[0]), data.get("title", ""), path,
                     load_parts(data.get("parts", {}), path, depends), rules)
