"""Where the shipped rules and their data live, and loading a data file by name
(rules/data/NAME.yaml: the citation register, events, fonts, web furniture, parts, categories).

Below the checks in the layers: a check that needs a table asks here, not the checklist.
"""
from __future__ import annotations

import os
from functools import lru_cache

from . import yamlfile
from .errors import ConfigError


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


def load_yaml(path: str):
    """A YAML file's data (cached as JSON while the file is unchanged)."""
    return yamlfile.load(path)


def data_path(name: str) -> str:
    """Where the data file NAME ships: rules/data/NAME.yaml."""
    return os.path.join(rules_dir(), "data", f"{name}.yaml")


@lru_cache(maxsize=32)
def load_data(name: str):
    """A data file shipped with the rules (rules/data/NAME.yaml), e.g. the citation register."""
    return load_yaml(data_path(name))


def categories() -> dict[str, str]:
    """Category name → the Chinese a reader sees (rules/data/categories.yaml), in order."""
    return load_data("categories")["categories"]
