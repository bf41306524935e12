"""Benchmark `missions refresh` on a generated corpus: full build, no-op, small change, beside the tutorial.

Same loaded `HuggingFaceEmbeddings` (the packaged all-MiniLM-L6-v2) for both sides; the model load
is left out. Missions: `refresh_corpus` into a fresh local store (scan, parse, chunk, embed, write a
generation), then a no-op refresh (target under 2 s, zero embeddings), a no-op without the records
cache, and a refresh after 10 changed articles (the unchanged vectors are copied into the new
generation). Tutorial: read the files, RecursiveCharacterTextSplitter(1000, 200),
`Chroma.from_documents` into a fresh store.
Usage: .venv/bin/python bench/sync.py [--articles N | --quick] [--json FILE]
"""

from __future__ import annotations

import os

os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so `python bench/sync.py` finds corpus/, index/, tests/

TUTORIAL_CHUNK_SIZE, TUTORIAL_OVERLAP = 1000, 200


def timed(fn, *args, **kwargs):  # noqa: ANN001, ANN201
    """(fn(...), wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run(articles: int, work: Path) -> dict[str, object]:
    """Generate the corpus, run every refresh and the tutorial pipeline; return the figures."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from corpus.load import list_article_files
    from index.embeddings import build_embeddings
    from index.records import cache_path
    from index.refresh import refresh_corpus
    from tests.generated_corpus import write_generated_corpus

    corpus, store = work / "corpus", work / "store"
    write_generated_corpus(corpus, articles, paragraphs=6)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in list_article_files(corpus))
    load_avg = os.getloadavg()
    embeddings, model_id = build_embeddings(None)
    embeddings.embed_documents(["Première passe : allocations de départ."])  # neither side pays it

    def refresh(**kwargs):  # noqa: ANN003, ANN202
        return refresh_corpus(corpus, embeddings, model_id, store_dir=store, **kwargs)

    full, full_s, full_cpu = timed(refresh)
    noop, noop_s, _ = timed(refresh)
    cache_path(store, "missions").unlink()
    cold, cold_s, _ = timed(refresh)
    for path in sorted(corpus.glob("*.txt"))[:10]:
        path.write_text(path.read_text(encoding="utf-8") + "\nUn paragraphe ajouté pour la mesure.\n", encoding="utf-8")
    small, small_s, _ = timed(refresh)

    def tutorial() -> int:
        documents = [
            Document(page_content=p.read_text(encoding="utf-8"), metadata={"source": p.name})
            for p in list_article_files(corpus)
        ]
        splitter = RecursiveCharacterTextSplitter(chunk_size=TUTORIAL_CHUNK_SIZE, chunk_overlap=TUTORIAL_OVERLAP)
        splits = splitter.split_documents(documents)
        client = chromadb.PersistentClient(str(work / "tutorial"), settings=ChromaSettings(anonymized_telemetry=False))
        Chroma.from_documents(splits, embeddings, client=client, collection_name="tutorial")
        return len(splits)

    tutorial_chunks, tutorial_s, tutorial_cpu = timed(tutorial)
    return {
        "articles": articles,
        "chars": chars,
        "model": model_id,
        "loadavg_start": [round(x, 2) for x in load_avg],
        "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        "missions_full": {"chunks": full.chunks, "embedded": full.embedded, "seconds": full_s, "cpu_seconds": full_cpu,
                          "chunks_per_s": full.chunks / full_s},  # fmt: skip
        "tutorial_full": {"chunks": tutorial_chunks, "embedded": tutorial_chunks, "seconds": tutorial_s,
                          "cpu_seconds": tutorial_cpu, "chunks_per_s": tutorial_chunks / tutorial_s},  # fmt: skip
        "missions_noop": {"seconds": noop_s, "embedded": noop.embedded, "kept": noop.kept},
        "missions_noop_without_cache": {"seconds": cold_s, "embedded": cold.embedded},
        "missions_10_changed": {"seconds": small_s, "embedded": small.embedded, "copied": small.unchanged,
                                "updated": small.updated},  # fmt: skip
    }


def render(f: dict) -> str:
    """The human-readable table."""
    m, t = f["missions_full"], f["tutorial_full"]
    lines = [
        f"Corpus: {f['articles']} generated articles ({f['chars']:,} chars); model {f['model'].split('/')[-1]} on CPU",
        f"Load average at start {f['loadavg_start']}, at end {f['loadavg_end']}",
        "",
        f"{'full refresh':<34}{'chunks':>8}{'seconds':>10}{'chunks/s':>10}{'kchars/s':>10}{'cpu s':>9}",
        f"{'missions refresh (fresh store)':<34}{m['chunks']:>8}{m['seconds']:>10.1f}{m['chunks_per_s']:>10.1f}"
        f"{f['chars'] / m['seconds'] / 1000:>10.1f}{m['cpu_seconds']:>9.1f}",
        f"{'tutorial split + from_documents':<34}{t['chunks']:>8}{t['seconds']:>10.1f}{t['chunks_per_s']:>10.1f}"
        f"{f['chars'] / t['seconds'] / 1000:>10.1f}{t['cpu_seconds']:>9.1f}",
        "",
        f"no-op refresh: {f['missions_noop']['seconds']:.2f} s, {f['missions_noop']['embedded']} embeddings "
        f"({f['missions_noop']['kept']} articles unchanged; target under 2 s)",
        f"no-op refresh without the records cache: {f['missions_noop_without_cache']['seconds']:.2f} s, "
        f"{f['missions_noop_without_cache']['embedded']} embeddings",
        f"refresh after 10 changed articles: {f['missions_10_changed']['seconds']:.1f} s, "
        f"{f['missions_10_changed']['embedded']} embedded, {f['missions_10_changed']['copied']} copied "
        "into the new generation",
        "",
        "(kchars/s counts the corpus's characters per second: the two pipelines cut chunks of different sizes)",
    ]
    return "\n".join(lines)


def main() -> None:
    """Parse the options, run in a temporary folder, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles to generate (default 1000)")
    parser.add_argument("--quick", action="store_true", help="200 articles instead")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    count = 200 if args.quick else args.articles
    if count < 10:
        parser.error("--articles must be at least 10")
    with tempfile.TemporaryDirectory(prefix="missions-sync-bench-") as tmp:
        figures = run(count, Path(tmp))
    figures["command"] = " ".join([Path(sys.executable).name, *sys.argv])
    print(render(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    main()
