"""A command line that names a command builds only that command's group of the parser
(issue 15: building all twenty cost 0.01 s of every command). It must parse exactly
as the whole parser does, and print the same help."""

from __future__ import annotations

import argparse

import pytest

from desktop_app.cli.program import ADDERS, build_parser, command_word


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert isinstance(commands.choices, dict)
    return commands.choices


def test_the_table_names_every_command_of_the_whole_parser_in_order() -> None:
    assert list(_choices(build_parser())) == [n for _, _, names in ADDERS for n in names]
    for _, _, names in ADDERS:
        for name in names:
            assert set(_choices(build_parser(name))) == set(names)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["stats", "--json"], "stats"),
        (["--db", "x.db", "stats"], "stats"),
        (["--db=x.db", "--passphrase-file", "p", "import", "f.csv"], "import"),
        (["--d", "stats", "cases"], "cases"),  # an abbreviated --db takes its value
        (["--pass", "init", "stats"], "stats"),
        (["--", "stats"], "stats"),
        (["--db", "x.db"], None),
        (["nonsense"], None),
        (["--help", "stats"], None),  # the program's help lists every command
        (["--he", "stats"], None),
        (["-h"], None),
        ([], None),
        (["stats", "--help"], "stats"),
    ],
)
def test_command_word(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


LINES = [
    ["--db", "s.db", "stats", "--json", "--from", "2024-01-01", "--tz", "Asia/Yangon"],
    ["--db=s.db", "stats", "--platform", "Facebook", "--sla-hours", "24"],
    ["--d", "s.db", "--passphrase-file", "p.txt", "cases", "--search", "x"],
    ["import", "log.csv"],
    ["retract", "C-000001", "--reason", "made in error"],
    ["partner", "list"],
    ["export-bundle", "--help"],
    ["stats", "--bogus"],
    ["stats", "--repeat-threshold", "many"],
    ["rotate-keys", "--help"],
]


@pytest.mark.parametrize("argv", LINES)
def test_a_group_parses_as_the_whole_parser(argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    def parse(parser: argparse.ArgumentParser) -> tuple[object, str, str]:
        try:
            args = vars(parser.parse_args(argv))
            outcome: object = {k: v for k, v in args.items() if k != "run"}, args["run"]
        except SystemExit as exit_:
            outcome = ("exit", exit_.code)
        captured = capsys.readouterr()
        return outcome, captured.out, captured.err

    whole = parse(build_parser())
    assert parse(build_parser(command_word(argv))) == whole


def test_every_commands_help_is_the_same_from_its_group() -> None:
    whole = _choices(build_parser())
    for name, sub in whole.items():
        assert _choices(build_parser(name))[name].format_help() == sub.format_help(), name
