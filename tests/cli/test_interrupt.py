"""Ctrl-C while SQLite runs one of our SQL functions (the search index's text, in an
import) is an interrupt like any other: a plain message and status 1, no traceback."""

from __future__ import annotations

import argparse
import os
import signal
from collections.abc import Callable

import pytest
import sqlcipher3

from desktop_app.cli import program


def _main_running(monkeypatch, run: Callable[[argparse.Namespace], int], *words: str) -> int:  # type: ignore[no-untyped-def]
    """``caselog-cli WORDS`` with ``run`` as the command, under Python's own Ctrl-C
    handler, as in a terminal (a job started in the background, as CI may run the
    tests, inherits SIGINT ignored)."""

    class Parser:
        def parse_args(self, _words: list[str]) -> argparse.Namespace:
            return argparse.Namespace(run=run)

    monkeypatch.setattr(program, "build_parser", lambda command: Parser())
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return program.main(list(words))
    finally:
        signal.signal(signal.SIGINT, before)


def _sql_calling(function: Callable[..., object], arguments: int) -> Callable[..., int]:
    """A command that runs ``function`` as an SQL function of ``arguments`` values."""

    def run(_args: argparse.Namespace) -> int:
        conn = sqlcipher3.connect(":memory:")
        conn.create_function("f", arguments, function)
        conn.execute("SELECT f(" + ", ".join(["'x'"] * arguments) + ")").fetchall()
        return 0

    return run


def test_ctrl_c_inside_an_sql_function_is_reported_as_an_interrupt(  # type: ignore[no-untyped-def]
    monkeypatch, capsys
) -> None:
    def text_of(value: str) -> str:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, as it lands mid-function
        return value

    assert _main_running(monkeypatch, _sql_calling(text_of, 1), "import", "log.csv") == 1
    assert "interrupted; nothing more was written" in capsys.readouterr().err


def test_other_sql_errors_are_not_taken_for_an_interrupt(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlcipher3.OperationalError):
        _main_running(monkeypatch, _sql_calling(lambda: 1 / 0, 0), "import", "log.csv")


def test_a_system_error_is_still_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """The interrupt's clause came before OSError's, which then never ran: a file
    that could not be written was a traceback."""

    def cannot_write(_args: argparse.Namespace) -> int:
        raise FileNotFoundError(2, "No such file or directory", "/proc/out.xlsx")

    assert _main_running(monkeypatch, cannot_write, "export-xlsx", "/proc/out.xlsx") == 1
    assert "No such file or directory (/proc/out.xlsx)" in capsys.readouterr().err
