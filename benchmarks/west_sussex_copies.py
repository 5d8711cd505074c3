"""One plan of about 1.5 MB: the West Sussex plan with its actions copied 128 times under fresh refs.

Real text, real date phrases and real ratings, so per-byte throughput on it says how fast sendplan
reads a large plan of the kind partnerships write (the synthetic corpus has shorter, random text).

    python benchmarks/west_sussex_copies.py OUT_DIR [--copies 128]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "plans" / "west-sussex-2024.yaml"
REF = re.compile(r'^(  - ref: ")(\d+)\.(\d+)(")$', re.MULTILINE)


def copies_text(copies: int) -> str:
    """The plan's header once, then its actions block copies times; copy n turns ref "1.3" into "1.(n*100+3)"."""
    text = SOURCE.read_text(encoding="utf-8")
    head, marker, actions = text.partition("\nactions:\n")
    blocks = [
        REF.sub(lambda m, n=n: f"{m[1]}{m[2]}.{n * 100 + int(m[3])}{m[4]}", actions)
        for n in range(copies)
    ]
    return head + marker + "\n".join(blocks)


def write_copies(out: Path, copies: int = 128) -> Path:
    """Write OUT/west-sussex-x{copies}.yaml (same copies, same bytes) and return it."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"west-sussex-x{copies}.yaml"
    text = copies_text(copies)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=128)
    args = parser.parse_args()
    written = write_copies(args.out, args.copies)
    print(f"{written}: {written.stat().st_size / 1e6:.2f} MB")
