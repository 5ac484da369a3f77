"""Ctrl-C while SQLite runs one of our SQL functions (the search index's text, in an
import) is an interrupt like any other: a plain message and status 1, no traceback."""

from __future__ import annotations

import argparse
import os
import signal

import pytest
import sqlcipher3

from desktop_app.cli import program


def test_ctrl_c_inside_an_sql_function_is_reported_as_an_interrupt(  # type: ignore[no-untyped-def]
    monkeypatch, capsys
) -> None:
    def interrupted_inside_sql(_args: argparse.Namespace) -> int:
        conn = sqlcipher3.connect(":memory:")

        def text_of(value: str) -> str:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, as it lands mid-function
            return value

        conn.create_function("text_of", 1, text_of)
        conn.execute("SELECT text_of('x')").fetchall()
        return 0

    class Parser:
        def parse_args(self, words: list[str]) -> argparse.Namespace:
            return argparse.Namespace(run=interrupted_inside_sql)

    monkeypatch.setattr(program, "build_parser", lambda command: Parser())
    # Python's own Ctrl-C handler, as in a terminal (a job started in the
    # background, as CI may run the tests, inherits SIGINT ignored).
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        code = program.main(["import", "log.csv"])
    finally:
        signal.signal(signal.SIGINT, before)
    assert code == 1
    assert "interrupted; nothing more was written" in capsys.readouterr().err


def test_other_sql_errors_are_not_taken_for_an_interrupt(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def failing(_args: argparse.Namespace) -> int:
        conn = sqlcipher3.connect(":memory:")
        conn.create_function("boom", 0, lambda: 1 / 0)
        conn.execute("SELECT boom()").fetchall()
        return 0

    class Parser:
        def parse_args(self, words: list[str]) -> argparse.Namespace:
            return argparse.Namespace(run=failing)

    monkeypatch.setattr(program, "build_parser", lambda command: Parser())
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(sqlcipher3.OperationalError):
            program.main(["import", "log.csv"])
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_system_error_is_still_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """The interrupt's clause came before OSError's, which then never ran: a file
    that could not be written was a traceback."""

    def cannot_write(_args: argparse.Namespace) -> int:
        raise FileNotFoundError(2, "No such file or directory", "/proc/out.xlsx")

    class Parser:
        def parse_args(self, words: list[str]) -> argparse.Namespace:
            return argparse.Namespace(run=cannot_write)

    monkeypatch.setattr(program, "build_parser", lambda command: Parser())
    before = signal.getsignal(signal.SIGINT)
    try:
        assert program.main(["export-xlsx", "/proc/out.xlsx"]) == 1
    finally:
        signal.signal(signal.SIGINT, before)
    assert "No such file or directory (/proc/out.xlsx)" in capsys.readouterr().err
