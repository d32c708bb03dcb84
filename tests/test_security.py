"""No network access at run time, ever: every socket connection attempt fails the test."""
from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from lintreport.cli import main

from tests.conftest import SEEDS, make_docx


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: refuse(None, address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(None, host))
    return attempts


def test_linting_uses_no_network(no_network, tmp_path):
    docx_path = make_docx(tmp_path / "r.docx", SEEDS[0].read_text(encoding="utf-8").splitlines())
    for fmt in ("text", "json", "sarif", "github"):
        r = CliRunner().invoke(main, ["check", "--format", fmt, "--jobs", "1", str(docx_path),
                                      *map(str, SEEDS)], catch_exceptions=False)
        assert r.exit_code == 1, r.output
    assert no_network == []
