"""The ``scs-flavor`` console script: runs the Rust command line (crate ``scs-flavor-cli``)."""

from __future__ import annotations

import os
import sys
import typing

from ._native import _run_cli

PROGRAM = "scs-flavor"


def main(argv: typing.Sequence[str] | None = None) -> int:
    """Run ``scs-flavor`` with ``argv`` (default: ``sys.argv[1:]``) and return its exit status.

    Standard input, output and error are Python's ``sys.stdin``, ``sys.stdout`` and
    ``sys.stderr``, so redirecting them in Python works.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run_cli([PROGRAM, *args], sys.stdin, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # The reader went away (``scs-flavor ... | head``): stop quietly, as the Rust binary
        # does, and keep Python from complaining when it flushes stdout at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0
