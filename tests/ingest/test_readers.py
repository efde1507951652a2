"""Readers: every kind of input to records, every bad input to one reason."""
import json
from pathlib import Path

from digest.ingest.readers import InputError, RawInput, normalise_record, read_inputs, record_input


def collect(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_kinds_by_extension(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Headline\n\nBody text here.")
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "c.md").write_text("---\nid: c\n---\nBody")
    (tmp_path / "ignored.csv").write_text("x,y")
    (tmp_path / "README.md").write_text("# About these files")
    kinds = sorted(r.kind for r in collect(tmp_path))
    assert kinds == ["html", "markdown", "text"]


def test_jsonl_names_the_bad_line_and_goes_on(tmp_path: Path):
    f = tmp_path / "r.jsonl"
    f.write_text('{"id": "1", "text": "One"}\n{broken\n\n{"id": "3", "text": "Three"}\n[1]\n')
    out = collect(f)
    assert [r.record["id"] for r in out if isinstance(r, RawInput)] == ["1", "3"]
    errors = [e for e in out if isinstance(e, InputError)]
    assert errors[0].origin.endswith("r.jsonl:2") and "malformed JSON" in errors[0].reason
    assert errors[1].origin.endswith("r.jsonl:5") and "not an object" in errors[1].reason


def test_scraper_spellings_map_onto_the_contract():
    news_please = {"maintext": "T", "date_publish": "2026-11-24 08:00:00", "source_domain": "example.org",
                   "description": "S", "title": "H", "url": "u", "authors": ["A", "B"]}
    r = normalise_record(news_please)
    assert r == {"text": "T", "date": "2026-11-24 08:00:00", "source": "example.org", "summary": "S",
                 "title": "H", "url": "u", "authors": ["A", "B"]}
    assert normalise_record({"raw_text": "x", "hostname": "h.org"})["source"] == "h.org"
    assert normalise_record({"text": "x", "publish_date": "2026-01-02", "id": 7})["id"] == "7"


def test_bad_inputs_each_get_a_reason(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "bad.json").write_text('{"id": 1,')
    (tmp_path / "notext.json").write_text(json.dumps({"id": "n", "url": "https://example.org/n"}))
    reasons = {Path(e.origin).name: e.reason for e in collect(tmp_path, max_bytes=1000)}
    assert "empty" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["big.txt"]
    assert "malformed JSON" in reasons["bad.json"]
    assert "no text, html or title" in reasons["notext.json"]


def test_a_headline_alone_is_a_record():
    # An aggregator's item or a feed entry whose page failed: the headline, and perhaps a standfirst.
    assert record_input({"id": "h", "title": "Ferry strike halts island crossings"}, "x").record["text"] == (
        "Ferry strike halts island crossings")
    brief = record_input({"title": "Ferry strike", "summary": "Crews walked out at dawn."}, "x").record
    assert brief["text"] == "Crews walked out at dawn." and brief["title"] == "Ferry strike"


def test_entities_left_in_a_records_text_fields_are_decoded():
    r = normalise_record({"title": "Dockers&#39; pay &amp; hours", "text": "Crews said &quot;no&quot;.", "url": "https://x.example/?a=1&amp;b=2"})
    assert r["title"] == "Dockers' pay & hours" and r["text"] == 'Crews said "no".'
    assert r["url"] == "https://x.example/?a=1&amp;b=2"  # an address is not prose: kept as given


def test_other_encodings_are_detected(tmp_path: Path):
    text = "Le président a visité Besançon et Genève après la réunion à Zürich, où l'économie était au cœur des débats."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    out = collect(tmp_path)
    assert all(isinstance(r, RawInput) for r in out)
    assert all("président" in r.record["text"] for r in out)


def test_missing_path_and_unknown_kind(tmp_path: Path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    out = collect(tmp_path / "nope", tmp_path / "x.pdf")
    assert "no such file" in out[0].reason
    assert "unknown kind" in out[1].reason


def test_links_out_of_the_tree_are_not_followed(tmp_path: Path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret\n\nNot for ingest.")
    tree = tmp_path / "in"
    tree.mkdir()
    (tree / "link.txt").symlink_to(outside)
    out = collect(tree)
    assert len(out) == 1 and isinstance(out[0], InputError) and "link" in out[0].reason


def test_json_lines_stream_with_a_limit_per_record(tmp_path: Path):
    f = tmp_path / "day.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    small = [json.dumps({"id": f"s{i}", "text": "A short report. " * 20}) for i in range(50)]
    f.write_text("\n".join(small[:25] + [big] + small[25:]) + "\n")
    assert f.stat().st_size > 3000  # the file is over the limit; each small record is under it
    out = collect(f, max_bytes=3000)
    assert len([r for r in out if isinstance(r, RawInput)]) == 50
    (err,) = [e for e in out if isinstance(e, InputError)]
    assert err.origin.endswith("day.jsonl:26") and "too large" in err.reason


def test_empty_json_lines_file(tmp_path: Path):
    (tmp_path / "none.jsonl").write_text("\n\n")
    (err,) = collect(tmp_path / "none.jsonl")
    assert "empty" in err.reason
