"""Fuzzing the ingest path: whatever the bytes, an article or a clear reason, never a crash.

Hypothesis generates page text, HTML and records (a bounded number of examples); the odd
inputs found on the way live in tests/regressions/ and are replayed every run.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from digest.ingest.pipeline import build_article
from digest.ingest.readers import RawInput, normalise_record
from digest.model import parse_article, render_markdown

REGRESSIONS = Path(__file__).resolve().parent.parent / "regressions"

CHROME = ["Skip to main content", "Advertisement", "Share", "Most read", "Also worth reading", "Subscribe to our newsletter",
          "Source: AFP/xx", "By Jane Doe", "Published: 24 Nov 2026 08:15", "(Photo: A. Person/Agency)"]
DATELINES = ["SEOUL:", "TOKYO, Feb 27 -", "LOS ANGELES (Reuters) -", "AP -", "Lima:", "NAIROBI (AP) —", "---", ": :", "(Reuters)"]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "<iframe src=//e.vil>",
           "<svg onload=alert(1)>", "---\nid: evil\n---", "!!python/object/apply:os.system ['id']", "&amp; &#0; \x00", "\u202e\ufeff"]

line = st.one_of(st.text(max_size=200), st.sampled_from(CHROME + DATELINES + HOSTILE),
                 st.builds(lambda d, t: f"{d} {t}", st.sampled_from(DATELINES), st.text(max_size=120)))
page_text = st.lists(line, max_size=30).map("\n\n".join)
tag = st.sampled_from(["p", "div", "script", "article", "h1", "span", "a", "iframe", "svg", "title", "meta", "figure", "figcaption"])
html_doc = st.recursive(st.text(max_size=80) | st.sampled_from(HOSTILE),
                        lambda inner: st.builds(lambda t, c: f"<{t}>{''.join(c)}</{t}>", tag, st.lists(inner, max_size=4)),
                        max_leaves=25).map(lambda b: f"<html><head><title>T</title></head><body>{b}</body></html>")
json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                          max_leaves=10)
record = st.fixed_dictionaries({}, optional={k: json_value | page_text for k in
                                             ("id", "title", "text", "url", "date", "source", "authors", "section", "summary", "maintext", "date_publish")})

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(raw: RawInput) -> None:
    """An input gives an article that round-trips through its file, or a ValueError with a reason."""
    try:
        article = build_article(raw)
    except ValueError as e:
        assert str(e)
        return
    again = parse_article(render_markdown(article))
    assert again.front_matter() == article.front_matter()
    assert "<script" not in article.body.lower() or raw.kind == "markdown"


@SETTINGS
@given(page_text)
def test_page_text_never_crashes(text):
    check(RawInput("fuzz.txt", "text", {"text": text}))


@SETTINGS
@given(html_doc)
def test_html_never_crashes(html):
    check(RawInput("fuzz.html", "html", {"html": html}))


@SETTINGS
@given(record)
def test_records_never_crash(item):
    r = normalise_record(item)
    if str(r.get("text") or "").strip() or str(r.get("html") or "").strip():
        check(RawInput("fuzz.jsonl:1", "record", r))


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.json")), ids=lambda p: p.stem)
def test_regressions(path: Path):
    case = json.loads(path.read_text(encoding="utf-8"))
    check(RawInput(path.name, case["kind"], case["record"]))
