"""The fuzz targets under the small derandomized profile, and every input a fuzz run ever found failing."""

from __future__ import annotations

import pytest
from hypothesis import given

from tests.fuzz_targets import check_cli, check_engine, cli_inputs, engine_inputs
from tests.strategies import PROFILE

# Every input a fuzz run found failing (what `benchmarks/fuzz.py` printed) goes here, so it never returns;
# the first entries are edge cases written by hand.
REGRESSIONS_ENGINE: list[str] = [
    "\ufeff\r",  # BOM and a lone carriage return
    "\u202e. .\u202c",  # RTL override around an artifact
    "the\u3000. . ",  # found by the fuzzer: needs four passes to settle, so it is refused (safely)
]
REGRESSIONS_CLI: list[tuple[bytes, str, list[str]]] = [
    (b"\xef\xbb\xbfA. . B\r\n", "fix", []),
    (b"\x00\xff", "fix", []),
    (b". . ", "fix", ["--select", "PU"]),  # found by the fuzzer (a harness bug: it ignored --select)
    (b"\xc2\x85 ", "check", []),  # found by the fuzzer: U+0085 in the log split a JSON line for splitlines()
]


@PROFILE
@given(engine_inputs)
def test_fuzz_engine(text):
    check_engine(text)


@PROFILE
@given(cli_inputs)
def test_fuzz_cli(case):
    check_cli(*case)


@pytest.mark.parametrize("text", REGRESSIONS_ENGINE)
def test_engine_regressions(text):
    check_engine(text)


@pytest.mark.parametrize("data, command, options", REGRESSIONS_CLI)
def test_cli_regressions(data, command, options):
    check_cli(data, command, options)
