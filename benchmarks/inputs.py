"""The benchmark's inputs: the corpus texts and the seed, repeated to the number of documents asked."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "examples" / "notice.txt"


def texts() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    return [*found, SEED]


def make_batch(folder: Path, documents: int) -> list[Path]:
    """`documents` files in `folder`, cycling through the texts (each copy has its own name)."""
    sources = texts()
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in range(documents):
        source = sources[number % len(sources)]
        target = folder / f"{number:05d}-{source.stem}.txt"
        shutil.copyfile(source, target)
        made.append(target)
    return made


def folder_size_kb(folder: Path, suffix: str) -> float:
    """Mean size of the files with `suffix` in `folder`, in KB (0 when there are none)."""
    sizes = [p.stat().st_size for p in folder.rglob(f"*{suffix}")]
    return sum(sizes) / len(sizes) / 1024 if sizes else 0.0
