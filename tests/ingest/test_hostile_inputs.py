"""A hostile batch: huge files, decompression bombs, broken gzip. Bounded memory, clear reasons."""
from __future__ import annotations

import gzip
import subprocess
import sys
import zlib
from pathlib import Path

from digest.ingest.readers import InputError, RawInput, read_inputs

MEMORY_LIMIT_KB = 1_500_000  # issue 10: under 1.5 GB for the whole batch


def gzip_bomb(path: Path, decompressed_mb: int) -> None:
    """A small .gz that inflates to decompressed_mb of zeros (one gzip member, repeated)."""
    member = gzip.compress(b"\0" * (10 << 20), compresslevel=9)
    with path.open("wb") as f:
        for _ in range(decompressed_mb // 10):
            f.write(member)


def json_line_bomb(path: Path, decompressed_mb: int) -> None:
    """A .jsonl.gz whose first line never ends: a string of decompressed_mb."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as f:
        f.write(compressor.compress(b'{"id": "bomb", "text": "'))
        chunk = b"a" * (1 << 20)
        for _ in range(decompressed_mb):
            f.write(compressor.compress(chunk))
        f.write(compressor.compress(b'"}\n{"id": "after", "text": "A short report from the port."}\n'))
        f.write(compressor.flush())


def test_compressed_inputs_are_read(tmp_path: Path):
    (tmp_path / "day.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z1", "text": "Ferry news."}\n'))
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(b"Headline\n\nLIMA: Body."))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    out = {Path(r.origin.split(":")[0]).name: r for r in read_inputs([tmp_path])}
    assert isinstance(out["day.jsonl.gz"], RawInput) and out["day.jsonl.gz"].record["id"] == "z1"
    assert isinstance(out["page.txt.gz"], RawInput) and out["page.txt.gz"].kind == "text"
    assert isinstance(out["broken.txt.gz"], InputError) and "gzip" in out["broken.txt.gz"].reason


def test_hostile_batch_stays_bounded_and_goes_on(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    with (src / "huge.txt").open("wb") as f:  # 60 MB of text
        line = b"The port reopened on Tuesday after a strike that lasted nine days. " * 16 + b"\n"
        while f.tell() < 60 << 20:
            f.write(line)
    gzip_bomb(src / "bomb.txt.gz", 500)
    json_line_bomb(src / "lines.jsonl.gz", 300)
    (src / "good.txt").write_text("Harbour reopens after strike\n\nLIMA: The port of Callao reopened on Tuesday after a strike.\n")
    probe = (
        "import resource, subprocess, sys\n"
        f"r = subprocess.run([sys.executable, '-m', 'digest', 'ingest', {str(src)!r}, '--out', {str(tmp_path / 'out')!r}],"
        " capture_output=True, text=True)\n"
        "print(r.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.stderr.write(r.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    code, peak_kb = map(int, r.stdout.split())
    assert code == 1
    assert peak_kb < MEMORY_LIMIT_KB, f"peak memory {peak_kb / 1024:.0f} MB"
    lines = r.stderr.splitlines()
    assert any("huge.txt: too large" in l for l in lines)
    assert any("bomb.txt.gz: too large once decompressed" in l for l in lines)
    assert any("lines.jsonl.gz:1: record too large" in l for l in lines)
    written = list((tmp_path / "out").rglob("*.md"))
    assert len(written) == 2  # good.txt and the record after the endless line
