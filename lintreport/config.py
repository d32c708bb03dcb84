"""Configuration: `.lintreport.yaml` searched upward, or [tool.lintreport] in pyproject.toml.

Precedence: --config FILE, then the nearest project file, then the defaults. Command-line
flags override what the file says. Every error names the file and the key.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field

from . import checklist as cl
from .errors import ConfigError
from .data import categories
from .finding import Severity

NAMES = (".lintreport.yaml", ".lintreport.yml")
KEYS = {"checklist": str, "select": list, "ignore": list, "fail-on": str, "deadline": str,
        "rules": dict, "exclude": list, "layout": bool}


@dataclass
class Config:
    """The settings of a run: checklist, selection, thresholds, per-rule overrides."""
    checklist: str = "township"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "info"
    deadline: str = "04-01"         # publication deadline, month-day of the following year
    rules: dict = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    path: str | None = None
    follow_links: bool = False      # follow links out of a scanned folder (--follow-links)

    def deadline_for(self, year: int):
        import datetime
        month, day = (int(x) for x in self.deadline.split("-"))
        return datetime.date(year + 1, month, day)


def find(start: str = ".") -> str | None:
    """The nearest .lintreport.yaml, or pyproject.toml with [tool.lintreport], upward; the
    search stops at the repository root (a folder with .git) or the home folder, so that a
    file someone left in a shared ancestor (/tmp, /home) cannot switch checks off."""
    d = os.path.abspath(start)
    home = os.path.abspath(os.path.expanduser("~"))
    while True:
        for name in NAMES:
            if os.path.isfile(os.path.join(d, name)):
                return os.path.join(d, name)
        py = os.path.join(d, "pyproject.toml")
        if os.path.isfile(py) and _pyproject(py) is not None:
            return py
        parent = os.path.dirname(d)
        if parent == d or d == home or os.path.exists(os.path.join(d, ".git")):
            return None
        d = parent


def _pyproject(path: str):
    """The [tool.lintreport] table of a pyproject.toml (None without one), from yamlfile's
    copy while the file is unchanged: tomllib's import and parse cost ~1.5 ms a run."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取：{exc}") from exc
    # most projects' pyproject.toml has no section of ours: no need to parse it then
    if b"lintreport" not in raw:
        return None
    from . import yamlfile
    return yamlfile.load(path, reader=tool_section)


def tool_section(path: str):
    """Parse a pyproject.toml: its [tool.lintreport] table, or None."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            data = tomllib.loads(f.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取：{exc}") from exc
    return data.get("tool", {}).get("lintreport")


def load(path: str | None = None, start: str = ".") -> Config:
    """Read the configuration file given, or the one found upward from `start`."""
    path = path or find(start)
    if path is None:
        return Config()
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: 配置文件不存在")
    if path.endswith(".toml"):
        return parse(_pyproject(path) or {}, path)
    from . import yamlfile
    return parse(yamlfile.load(path, validate=lambda data: parse(data or {}, path)) or {}, path)


def parse(data: dict, path: str = "<config>") -> Config:
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 配置应为映射（键: 值）")
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: 未知的键“{key}”（可用：{'、'.join(KEYS)}）")
        if not isinstance(value, KEYS[key]):
            raise ConfigError(f"{path}: 键“{key}”的类型不对：{type(value).__name__}")
    config = Config(path=path)
    if "checklist" in data:
        config.checklist = data["checklist"]
        beside = os.path.join(os.path.dirname(path), config.checklist)
        if cl.looks_like_path(config.checklist) and not os.path.isabs(config.checklist) and \
                os.path.exists(beside):
            config.checklist = beside
    config.select = tuple(map(str, data.get("select", ())))
    config.ignore = tuple(map(str, data.get("ignore", ())))
    if data.get("layout") is False:     # a house style other than GB/T 9704: no layout rules
        config.ignore += ("layout",)
    config.exclude = tuple(map(str, data.get("exclude", ())))
    config.fail_on = data.get("fail-on", config.fail_on)
    if config.fail_on not in ("error", "warning", "info"):
        raise ConfigError(f"{path}: 键“fail-on”应为 error、warning 或 info")
    config.deadline = data.get("deadline", config.deadline)
    if not re.fullmatch(r"(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])", config.deadline):
        raise ConfigError(f"{path}: 键“deadline”应为“月-日”，如 04-01")
    for rid, o in data.get("rules", {}).items():
        if not isinstance(o, dict):
            raise ConfigError(f"{path}: rules.{rid} 应为映射")
        for k in o:
            if k not in cl.OVERRIDE_KEYS:
                raise ConfigError(f"{path}: rules.{rid}: 未知的键“{k}”（可用：severity、options、enabled）")
    config.rules = dict(data.get("rules", {}))
    return config


def selected(rule: cl.Rule, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """A rule is on when select names it (or is empty) and ignore does not."""
    names = {n.casefold() for n in (rule.id, rule.category, rule.name, *rule.aliases)}
    if select and not names & {n.casefold() for n in select}:
        return False
    return not names & {n.casefold() for n in ignore}


def apply(checklist: cl.Checklist, config: Config) -> list[cl.Rule]:
    """The rules of a checklist that are on, with the configuration's overrides applied."""
    for name in (*config.select, *config.ignore):
        if name.casefold() not in categories() and checklist.rule(name) is None and \
                not any(r.name == name.casefold() for r in checklist.rules):
            raise ConfigError(f"{config.path or '命令行'}: 没有名为“{name}”的规则或类别")
    rules, overrides = [], {str(k).casefold(): o for k, o in config.rules.items()}
    for rule in checklist.rules:
        o = overrides.get(rule.id.casefold()) or overrides.get(rule.name)
        if o:
            where = f"{config.path}: rules.{rule.id}"
            changes = {}
            if "severity" in o:
                try:
                    changes["severity"] = Severity.parse(o["severity"])
                except KeyError:
                    raise ConfigError(f"{where}: severity 应为 error、warning 或 info") from None
            if "enabled" in o:
                changes["enabled"] = bool(o["enabled"])
            if "options" in o:
                from . import checks
                changes["options"] = cl.validate_options(
                    checks.get(rule.check), {**rule.options, **o["options"]}, where)
            rule = dataclasses.replace(rule, **changes)
        if (rule.enabled or rule.id.casefold() in {n.casefold() for n in config.select}) and \
                selected(rule, config.select, config.ignore):
            rules.append(rule)
    return rules
