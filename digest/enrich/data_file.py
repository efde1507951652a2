"""Writing a data file that a script builds from its sources, or checking the shipped one against them.

Each data file the enrich steps read and a script rebuilds (``geo_build_towns``, ``geo_build_names``)
ships with a ``--check`` that says whether the file is still what the script gives: the sources or the
gazetteer may have changed since, and a test holds the file to its script.
"""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, what: str, argv: list[str] | None = None) -> int:
    """Write ``text`` to ``path``, or with ``--check`` in ``argv`` (default: the command line) only say
    whether the file holds it; 1 when it differs. ``what`` says what was written ("2,672 names")."""
    if "--check" in (sys.argv[1:] if argv is None else argv):
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print(f"{path}: {'up to date' if same else 'differs from a rebuild'}")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"{what} written to {path}")
    return 0
