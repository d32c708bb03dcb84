"""Checklists: YAML files of rules, loaded and validated before anything is linted.

A checklist file (rules/township.yaml) names the report type, how its required parts are
recognised (`parts`), which rule files it includes and any rules or overrides of its own.
Every error names the file, the rule and the key.
"""
from __future__ import annotations

import glob
import os
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache

from . import checks, yamlfile
from . import patterns as patterns_guard
from .errors import ConfigError
from .finding import CATEGORIES, Severity


RULE_KEYS = {"id": str, "name": str, "category": str, "severity": str, "check": str,
             "options": dict, "message": str, "source": str, "rationale": str,
             "examples": dict, "aliases": list, "enabled": bool, "fix": str,
             "title": str}
RULE_REQUIRED = ("id", "name", "category", "severity", "check", "message", "source",
                 "rationale", "examples")
CHECKLIST_KEYS = {"checklist": str, "title": str, "description": str, "include": list,
                  "parts": dict, "rules": list, "set": dict, "settings": dict}
RULEFILE_KEYS = {"description": str, "rules": list}
PART_KEYS = {"name": str, "heading": list, "not": list, "levels": list, "implicit": bool,
             "within": list}
OVERRIDE_KEYS = {"severity": str, "options": dict, "enabled": bool}
ID = re.compile(r"^[A-Z]{1,3}\d{3}$")


def rules_dir() -> str:
    """The shipped rules: inside the installed package, or beside it in a source checkout."""
    here = os.path.dirname(os.path.realpath(__file__))
    for candidate in (os.path.join(here, "rules"), os.path.join(os.path.dirname(here), "rules")):
        if os.path.isfile(os.path.join(candidate, "township.yaml")):
            return candidate
    raise ConfigError(f"找不到内置检查清单目录（已查找 {os.path.join(here, 'rules')}）")


def shipped() -> list[str]:
    """Names of the checklists that ship with lintreport (township, county, …)."""
    return sorted(name[:-5] for name in os.listdir(rules_dir()) if name.endswith(".yaml"))


@dataclass(frozen=True)
class Part:
    key: str
    name: str
    heading: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...] = ()
    levels: tuple[int, ...] = (1, 2)
    implicit: bool = False      # unheaded top-level sections before the other parts count
    within: tuple[str, ...] = ()    # parts inside which this part may stand as a sub-section

    def matches(self, title: str) -> bool:
        return any(p.search(title) for p in self.heading) and \
            not any(p.search(title) for p in self.exclude)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: Severity
    check: str
    message: str
    source: str
    rationale: str
    options: dict = field(default_factory=dict, hash=False, compare=False)
    examples: dict = field(default_factory=dict, hash=False, compare=False)
    aliases: tuple[str, ...] = ()
    enabled: bool = True
    fix: str = ""
    file: str = ""
    title: str = ""     # short Chinese name shown wherever a rule is listed (SARIF, rules, review)

    def format(self, args: dict) -> str:
        return string.Formatter().vformat(self.message, (), _Args(args))


class _Args(dict):
    def __missing__(self, key):
        return "{" + key + "}"


@dataclass
class Checklist:
    name: str
    title: str
    path: str
    parts: dict[str, Part]
    rules: list[Rule]
    settings: dict = field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id or alias; ids are not case-sensitive (s003 is S003)."""
        key = rule_id.casefold()
        for r in self.rules:
            if r.id.casefold() == key or key in (a.casefold() for a in r.aliases):
                return r
        return None


def _load_yaml(path: str):
    return yamlfile.load(path)


def _check_keys(data, allowed: dict, where: str) -> None:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: 应为映射（键: 值），实为{type(data).__name__}")
    for key, value in data.items():
        if key not in allowed:
            raise ConfigError(f"{where}: 未知的键“{key}”（可用：{'、'.join(allowed)}）")
        if not isinstance(value, allowed[key]) or isinstance(value, bool) and allowed[key] is not bool:
            raise ConfigError(f"{where}: 键“{key}”应为{checks._type_name(allowed[key])},"
                              f"实为{type(value).__name__}")


def _compile(patterns, where: str) -> tuple[re.Pattern, ...]:
    out = []
    for p in patterns:
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


def make_rule(data: dict, path: str, overrides: dict | None = None) -> Rule:
    rid = data.get("id") if isinstance(data, dict) else None
    where = f"{path}: 规则 {rid or '（无id）'}"
    _check_keys(data, RULE_KEYS, where)
    for key in RULE_REQUIRED:
        if key not in data:
            raise ConfigError(f"{where}: 缺少必需的键“{key}”")
    if not ID.match(data["id"]):
        raise ConfigError(f"{where}: 键“id”应为大写字母加三位数字，如 S001")
    if data["category"] not in CATEGORIES:
        raise ConfigError(f"{where}: 键“category”应为其中之一：{'、'.join(CATEGORIES)}")
    if overrides:
        merged = {**data.get("options", {}), **overrides.get("options", {})}
        data = {**data, **overrides, "options": merged}
    try:
        severity = Severity.parse(data["severity"])
    except KeyError:
        raise ConfigError(f"{where}: 键“severity”应为 error、warning 或 info") from None
    kind = checks.get(data["check"])
    if kind is None:
        known = "、".join(sorted(checks.load_all()))
        raise ConfigError(f"{where}: 未知的检查类型“{data['check']}”（可用：{known}）")
    options = validate_options(kind, data.get("options") or {}, where)
    examples = data["examples"]
    _check_keys(examples, {"pass": list, "fail": list}, f"{where}: examples")
    try:
        list(string.Formatter().parse(data["message"]))
    except ValueError as exc:
        raise ConfigError(f"{where}: 键“message”模板无效：{exc}") from exc
    return Rule(data["id"], data["name"], data["category"], severity, data["check"],
                data["message"].strip(), data["source"].strip(), data["rationale"].strip(),
                options, examples, tuple(data.get("aliases", ())), data.get("enabled", True),
                data.get("fix", ""), path, data.get("title", ""))


def _parts(data: dict, path: str) -> dict[str, Part]:
    parts = {}
    for key, spec in data.items():
        where = f"{path}: parts.{key}"
        _check_keys(spec, PART_KEYS, where)
        parts[key] = Part(key, spec.get("name", key), _compile(spec.get("heading", []), where),
                          _compile(spec.get("not", []), where),
                          tuple(spec.get("levels", (1, 2))), spec.get("implicit", False),
                          tuple(spec.get("within", ())))
    return parts


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
    data = _load_yaml(path)
    _check_keys(data, CHECKLIST_KEYS, path)
    base = os.path.dirname(path)
    raw_rules: list[tuple[dict, str]] = []
    for pattern in data.get("include", []):
        matched = sorted(glob.glob(os.path.join(base, pattern)))
        if not matched:
            raise ConfigError(f"{path}: include 中的“{pattern}”没有匹配任何文件")
        for file in matched:
            included = _load_yaml(file) or {}
            _check_keys(included, RULEFILE_KEYS, file)
            raw_rules += [(r, file) for r in included.get("rules", [])]
    raw_rules += [(r, path) for r in data.get("rules", [])]
    overrides = {str(k).upper(): o for k, o in data.get("set", {}).items()}   # ids any case
    for rid, o in overrides.items():
        _check_keys(o, OVERRIDE_KEYS, f"{path}: set.{rid}")
    rules, seen = [], {}
    for raw, file in raw_rules:
        rid = str(raw.get("id")).upper() if isinstance(raw, dict) else None
        rule = make_rule(raw, file, overrides.get(rid))
        if rule.id in seen:
            raise ConfigError(f"{file}: 规则 {rule.id}: id 与 {seen[rule.id]} 中的规则重复")
        seen[rule.id] = file
        rules.append(rule)
    unknown = set(overrides) - set(seen)
    if unknown:
        raise ConfigError(f"{path}: set 中的规则不存在：{'、'.join(sorted(unknown))}")
    return Checklist(data.get("checklist", os.path.splitext(os.path.basename(path))[0]), data.get("title", ""), path,
                     _parts(data.get("parts", {}), path), rules, data.get("settings", {}))


@lru_cache(maxsize=32)
def load_data(name: str):
    """A data file shipped with the rules (rules/data/NAME.yaml), e.g. the citation register."""
    return _load_yaml(os.path.join(rules_dir(), "data", f"{name}.yaml"))
