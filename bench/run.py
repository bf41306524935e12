"""Benchmark Missions against the LangChain tutorial RAG pipeline, side by side in one process.

Same corpus, same `HuggingFaceEmbeddings` instance (the model load is left out of both). Latency:
`MissionsBot.ask` (what `missions ask` runs) vs `Chroma.similarity_search(k=4)`, interleaved per
question. Throughput: `refresh_index` into a fresh store vs split + `add_documents` into one.
Usage: .venv/bin/python bench/run.py [--corpus DIR] [--rounds N] [--scale K] [--json FILE]
[--profile TOP]. Absolute figures follow the load of a shared machine; the ratios hold better.
"""

from __future__ import annotations

import os

# Before any import that could reach chromadb or the Hugging Face hub.
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

import argparse  # noqa: E402
import cProfile  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import pstats  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from importlib.metadata import version  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so `python bench/run.py` finds bot/, index/, corpus/

SEED_CORPUS = ROOT / "corpus" / "articles"
FICTIONAL = ROOT / "tests" / "data" / "fictional"
QUESTION_FILES = (ROOT / "tests" / "data" / "dev_questions.jsonl", FICTIONAL / "questions.jsonl")
TUTORIAL_CHUNK_SIZE, TUTORIAL_OVERLAP, TUTORIAL_K = 1000, 200, 4


def prepare_corpus(corpus: Path | None, scale: int, work: Path) -> Path:
    """The folder to load: the given one, or seed + fictional; copied `scale` times if > 1.

    scale=3 -> work/scaled/copy-00/..., copy-01/..., copy-02/... (new ids, so new chunk ids).
    """
    if corpus is None:
        base = work / "corpus"
        shutil.copytree(SEED_CORPUS, base)
        fictional = sorted(FICTIONAL.glob("*.txt")) if FICTIONAL.is_dir() else []
        if fictional:
            (base / "fictional").mkdir()
            for path in fictional:
                shutil.copy2(path, base / "fictional" / path.name)
    else:
        base = corpus
    if scale <= 1:
        return base
    scaled = work / "scaled"
    for i in range(scale):
        shutil.copytree(base, scaled / f"copy-{i:02d}")
    return scaled


def load_questions() -> list[str]:
    """The questions of every question file that exists, in file order."""
    questions = []
    for path in QUESTION_FILES:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    questions.append(json.loads(line)["question"])
    return questions


def summarise(samples_ns: list[int]) -> dict[str, float]:
    """p50, p95, mean and min in milliseconds: [1e6, 2e6, 3e6] -> {"p50": 2.0, ...}."""
    ms = np.asarray(samples_ns, dtype=float) / 1e6
    return {
        "p50": float(np.percentile(ms, 50)),
        "p95": float(np.percentile(ms, 95)),
        "mean": float(ms.mean()),
        "min": float(ms.min()),
        "n": len(ms),
    }


def machine_info() -> dict[str, object]:
    """CPU, thread and library figures that explain the numbers."""
    import torch

    info: dict[str, object] = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "torch_threads": torch.get_num_threads(),
        "torch_interop_threads": torch.get_num_interop_threads(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        # Other processes share the CPUs; the load says how far to trust absolute figures.
        "loadavg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }
    for package in ("torch", "sentence-transformers", "chromadb", "langchain-chroma", "bm25s"):
        info[package] = version(package)
    return info


def open_missions_bot(embeddings, model_id: str, store_dir: Path):  # noqa: ANN001, ANN201
    """The bot as `open_bot` builds it, but on our already-loaded embedding model."""
    from bot.extractive import ExtractiveAnswerer
    from bot.retrieve import Retriever
    from bot.service import MissionsBot
    from bot.settings import Settings
    from index.store import open_store

    settings = Settings()
    store = open_store(embeddings, model_id, store_dir=store_dir, collection=settings.collection)
    retriever = Retriever(store, embeddings)
    answerer = ExtractiveAnswerer(retriever.lexical, settings.max_citations, retriever.neighbour)
    return MissionsBot(retriever, answerer, settings.max_question_chars)


def run(args: argparse.Namespace, work: Path) -> dict[str, object]:
    """Build both indexes, time them, then time the questions; return every figure."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from bot.errors import InvalidQuestion
    from corpus.load import load_articles
    from index.embeddings import build_embeddings
    from index.refresh import chunk_articles, refresh_index
    from index.store import open_store

    load_at_start = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    folder = prepare_corpus(args.corpus, args.scale, work)
    loaded = load_articles(folder)
    for name, problem in loaded.problems.items():
        print(f"skipped {name}: {problem}", file=sys.stderr)
    articles = loaded.articles
    if not articles:
        sys.exit(f"no article under {folder}")

    started = time.perf_counter()
    embeddings, model_id = build_embeddings(None)  # the packaged all-MiniLM-L6-v2
    model_load_s = time.perf_counter() - started
    # The first encode pays one-off allocations; neither side should be charged for them.
    embeddings.embed_documents([a.text[:1000] for a in articles[:4]])
    embeddings.embed_query("Quand a eu lieu la mission ?")

    # Refresh: Missions into a fresh store, then a no-op second pass.
    missions_dir = work / "missions-store"
    store = open_store(embeddings, model_id, store_dir=missions_dir, create=True)
    report, missions_s, missions_cpu = timed(refresh_index, store, articles)
    noop, noop_s, noop_cpu = timed(refresh_index, store, articles)
    missions_texts = [c.page_content for c in chunk_articles(articles)]
    missions_chars = sum(map(len, missions_texts))

    # Refresh: the tutorial, split + add_documents into a fresh store (creation untimed, as above).
    client = chromadb.PersistentClient(
        path=str(work / "tutorial-store"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    tutorial = Chroma(client=client, collection_name="tutorial", embedding_function=embeddings)
    documents = [Document(page_content=a.text, metadata={"source": a.id}) for a in articles]

    def index_tutorial() -> list[Document]:
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=TUTORIAL_CHUNK_SIZE, chunk_overlap=TUTORIAL_OVERLAP
        )
        splits = splitter.split_documents(documents)
        batch = client.get_max_batch_size()  # one call unless the corpus is huge
        for i in range(0, len(splits), batch):
            tutorial.add_documents(splits[i : i + batch])
        return splits

    splits, tutorial_s, tutorial_cpu = timed(index_tutorial)
    tutorial_chars = sum(len(d.page_content) for d in splits)
    missions_tokens = count_tokens(embeddings, missions_texts)
    tutorial_tokens = count_tokens(embeddings, [d.page_content for d in splits])

    # Latency, on the stores just built.
    t0 = time.perf_counter()
    bot = open_missions_bot(embeddings, model_id, missions_dir)
    bot_open_s = time.perf_counter() - t0
    questions = []
    for q in load_questions():
        try:
            bot.check_question(q)
            questions.append(q)
        except InvalidQuestion:
            print(f"skipped invalid question {q!r}", file=sys.stderr)
    pipelines = {
        "missions": lambda q: bot.ask(q),
        "tutorial": lambda q: tutorial.similarity_search(q, k=TUTORIAL_K),
    }
    samples: dict[str, list[int]] = {name: [] for name in pipelines}
    abstained = 0
    for round_no in range(args.rounds + 1):  # round 0 is the warm-up
        for qi, q in enumerate(questions):
            # Alternate who goes first so neither always inherits the other's warm caches.
            order = list(pipelines) if (round_no + qi) % 2 == 0 else list(reversed(pipelines))
            for name in order:
                t = time.perf_counter_ns()
                result = pipelines[name](q)
                elapsed = time.perf_counter_ns() - t
                if round_no:
                    samples[name].append(elapsed)
                    if name == "missions" and result.abstained:
                        abstained += 1

    latency = {name: summarise(s) for name, s in samples.items()}
    latency["ratio"] = {
        key: latency["missions"][key] / latency["tutorial"][key] for key in ("p50", "p95", "mean")
    }
    figures: dict[str, object] = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {**machine_info(), "loadavg_start": load_at_start},
        "model": {
            "id": model_id,
            "device": embeddings.model_kwargs.get("device", "cpu"),
            "load_s": model_load_s,
        },
        "corpus": {
            "folder": str(args.corpus or "corpus/articles + tests/data/fictional/*.txt"),
            "scale": args.scale,
            "articles": len(articles),
            "chars": sum(len(a.text) for a in articles),
            "problems": len(loaded.problems),
        },
        "questions": {
            "distinct": len(questions),
            "rounds": args.rounds,
            "missions_abstained": abstained,
        },
        "latency_ms": latency,
        "refresh": {
            "missions": _throughput(
                report.chunks,
                missions_chars,
                missions_tokens,
                missions_s,
                missions_cpu,
                report.embedded,
            ),
            "tutorial": _throughput(
                len(splits), tutorial_chars, tutorial_tokens, tutorial_s, tutorial_cpu, len(splits)
            ),
            "missions_noop": _throughput(noop.chunks, 0, 0, noop_s, noop_cpu, noop.embedded),
        },
        "missions_bot_open_s": bot_open_s,
    }
    if args.profile:
        figures["profile"] = profile_ask(bot, questions, args.profile)
    return figures


def timed(fn, *args):  # noqa: ANN001, ANN201
    """(fn(*args), wall seconds, CPU seconds of this process); CPU time shrugs off other load."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def count_tokens(embeddings, texts: list[str]) -> int:  # noqa: ANN001
    """Word pieces the model really encodes (each text cut at its max_seq_length).

    Chunk sizes differ between the pipelines (Missions <= 500 chars, tutorial <= 1000), so
    tokens per second compares the embedding work where chunks per second cannot.
    """
    model = embeddings._client  # the SentenceTransformer behind HuggingFaceEmbeddings
    limit = model.max_seq_length
    ids = model.tokenizer(texts, truncation=False, verbose=False)["input_ids"]
    return sum(min(len(i), limit) for i in ids)


def _throughput(
    chunks: int, chars: int, tokens: int, seconds: float, cpu_seconds: float, embedded: int
) -> dict[str, float]:
    return {
        "chunks": chunks,
        "embedded": embedded,
        "chars": chars,
        "tokens": tokens,
        "tokens_per_s": tokens / seconds if seconds else 0.0,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "chunks_per_s": chunks / seconds if seconds else 0.0,
        "kchars_per_s": chars / seconds / 1000 if seconds else 0.0,
    }


def profile_ask(bot, questions: list[str], top: int) -> str:  # noqa: ANN001
    """cProfile of one more pass of `bot.ask` over the questions: `top` entries, two orders."""
    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        bot.ask(q)
    profiler.disable()
    out = []

    class _Sink:
        def write(self, text: str) -> None:
            out.append(text)

    stats = pstats.Stats(profiler, stream=_Sink())  # type: ignore[arg-type]
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return "".join(out)


def render(f: dict) -> str:
    """The human-readable table."""
    m, c, lat, ref = f["machine"], f["corpus"], f["latency_ms"], f["refresh"]
    q = f["questions"]
    model = f["model"]["id"].split("/")[-1]
    lines = [
        f"Corpus: {c['articles']} articles ({c['chars']:,} chars, scale {c['scale']}), "
        f"Missions {ref['missions']['chunks']} chunks, "
        f"tutorial {ref['tutorial']['chunks']} chunks; "
        f"model {model} ({f['model']['device'].upper()}, {m['torch_threads']} threads)",
        f"Machine: {m['cpu_count']} CPUs ({m['cpus_usable']} usable), torch {m['torch']} "
        f"threads {m['torch_threads']} (interop {m['torch_interop_threads']}), "
        f"Python {m['python']}, "
        f"chromadb {m['chromadb']}, sentence-transformers {m['sentence-transformers']}",
        f"Load average (1/5/15 min) at the start: {m['loadavg_start']}, at the end: {m['loadavg']}",
        f"Questions: {q['distinct']} x {q['rounds']} rounds after 1 warm-up round, interleaved "
        f"(Missions abstained on {q['missions_abstained']} of {lat['missions']['n']})",
        "",
        f"{'latency per question (ms)':<28}{'p50':>8}{'p95':>8}{'mean':>8}{'min':>8}",
        _row("missions ask", lat["missions"], ("p50", "p95", "mean", "min")),
        _row("tutorial similarity_search", lat["tutorial"], ("p50", "p95", "mean", "min")),
        _row("ratio missions/tutorial", lat["ratio"], ("p50", "p95", "mean")),
        "",
        f"{'refresh throughput':<28}{'chunks':>8}{'embedded':>10}{'seconds':>9}"
        f"{'chunks/s':>10}{'tokens':>8}{'tok/s':>8}{'cpu s':>9}",
    ]
    for label, key in (
        ("missions refresh_index", "missions"),
        ("tutorial split+add_docs", "tutorial"),
        ("missions no-op refresh", "missions_noop"),
    ):
        r = ref[key]
        lines.append(
            f"{label:<28}{r['chunks']:>8}{r['embedded']:>10}{r['seconds']:>9.3f}"
            f"{r['chunks_per_s']:>10.1f}"
            + (f"{r['tokens']:>8}{r['tokens_per_s']:>8.0f}" if r["tokens"] else f"{'-':>8}{'-':>8}")
            + f"{r['cpu_seconds']:>9.3f}"
        )
    lines += [
        "",
        f"(model load {f['model']['load_s']:.2f} s and Missions bot open "
        f"{f['missions_bot_open_s'] * 1000:.0f} ms are excluded from the figures above; the two"
        " refreshes run one after the other, so their wall seconds follow the machine's load,"
        " while cpu s is this process's own CPU time)",
    ]
    return "\n".join(lines)


def _row(label: str, values: dict, keys: tuple[str, ...]) -> str:
    return f"{label:<28}" + "".join(f"{values[k]:>8.2f}" for k in keys)


def main() -> None:
    """Parse the options, run the benchmark in a temporary folder, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, help="corpus folder (default: shipped + fictional articles)"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="timed rounds over the questions (default 5)"
    )
    parser.add_argument(
        "--scale", type=int, default=1, help="replicate the corpus K times (default 1)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP",
                        help="print a cProfile of bot.ask, TOP entries (default: off)")  # fmt: skip
    args = parser.parse_args()
    if args.rounds < 1 or args.scale < 1:
        parser.error("--rounds and --scale must be at least 1")
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")
    with tempfile.TemporaryDirectory(prefix="missions-bench-") as tmp:
        figures = run(args, Path(tmp))
    print(render(figures))
    if args.profile:
        print("\ncProfile of bot.ask over one pass of the questions\n" + figures["profile"])
    if args.json:
        args.json.write_text(
            json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    main()
