"""The data files beside the code (``data/*.yaml``) and the regexes built from their word lists.

Vocabularies (month names, agency spellings, label words, chrome phrases) are data, not code:
adding a language is an edit to a YAML file. Each file is parsed once per process.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Iterable

from ..model import load_yaml

DATA = Path(__file__).with_name("data")


@cache
def load_data(name: str) -> object:
    """A YAML data file from ``data/``, parsed once per process."""
    with open(DATA / name, encoding="utf-8") as f:
        return load_yaml(f)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the literal words, longest match preferred.

    Written as a trie ("sign (?:in|up)") rather than a flat list: Python's regex
    engine tries a flat alternation word by word at every position, a trie only
    follows the letters actually present, which keeps phrase lists cheap to search."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"
        return body

    return build(trie)
