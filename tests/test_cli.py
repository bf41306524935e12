"""cli: `missions refresh` and `missions ask` through typer's CliRunner, on real folders and stores.

The real model is loaded once for the session; the commands receive it instead of loading it again.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

import cli
from tests.conftest import SEED_CORPUS
from tests.test_retrieve import TWO_MISSIONS, write_corpus

pytestmark = pytest.mark.slow

CITATION_KEYS = {"n", "source", "title", "mission", "quote", "url"}


def patch_model(mp: pytest.MonkeyPatch, embeddings, model_id: str | None = None) -> None:
    """Hand the session's model to the commands; MISSIONS_* variables must not redirect them."""
    import bot.service
    import index.embeddings

    given = (embeddings[0], model_id or embeddings[1])
    for var in (
        "MISSIONS_STORE_DIR",
        "MISSIONS_CORPUS_DIR",
        "MISSIONS_CHROMA_URL",
        "MISSIONS_COLLECTION",
    ):
        mp.delenv(var, raising=False)
    mp.setattr(index.embeddings, "build_embeddings", lambda model=None, batch_size=32: given)
    mp.setattr(bot.service, "build_embeddings", lambda model=None, batch_size=32: given)


@pytest.fixture(autouse=True)
def shared_model(monkeypatch, embeddings):
    patch_model(monkeypatch, embeddings)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli.app, [*args], input=input)


def flat(text: str) -> str:
    """Output with line wrapping undone (rich wraps stderr at the console width)."""
    return " ".join(text.split())


def computed(result) -> int:
    """The number of chunks a refresh embedded, from its French summary."""
    return int(re.search(r"(\d+) calculés", flat(result.stderr)).group(1))


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, embeddings):
    """The shipped corpus refreshed through the CLI (module scope: built once)."""
    store = tmp_path_factory.mktemp("cli") / "store"
    with pytest.MonkeyPatch.context() as mp:
        patch_model(mp, embeddings)
        result = run("refresh", "--corpus", str(SEED_CORPUS), "--store", str(store))
    assert result.exit_code == 0, result.output
    assert computed(result) > 0
    return store


def test_refresh_prints_a_french_summary(seed_store):
    result = run("refresh", "--corpus", str(SEED_CORPUS), "--store", str(seed_store))
    assert result.exit_code == 0, result.output
    summary = flat(result.stderr)
    assert "1 articles" in summary and "0 supprimés" in summary
    assert computed(result) == 0


def test_refresh_full_rebuilds(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    store = tmp_path / "store"
    first = run("refresh", "--corpus", str(corpus), "--store", str(store))
    full = run("refresh", "--corpus", str(corpus), "--store", str(store), "--full")
    assert first.exit_code == full.exit_code == 0
    assert computed(first) == computed(full) > 0


def test_refresh_reports_ignored_files(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    (corpus / "ancien.txt").write_bytes("Été 2015 à Québec.".encode("latin-1"))
    result = run("refresh", "--corpus", str(corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0
    out = flat(result.stderr)
    assert "Ignoré ancien.txt" in out and "UTF-8" in out and "1 fichiers ignorés" in out


def test_refresh_names_an_ignored_file_with_brackets_verbatim(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TWO_MISSIONS)
    (corpus / "compte-rendu [v2].pdf").write_bytes(b"pas un PDF")
    result = run("refresh", "--corpus", str(corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0
    assert "compte-rendu [v2].pdf" in flat(result.stderr)
    assert "Ignoré compte-rendu [v2].pdf : le contenu" in result.stderr  # the name, once
    assert result.stderr.count("compte-rendu [v2].pdf") == 1


def test_a_path_that_looks_like_a_closing_tag_is_printed_verbatim(tmp_path):
    absent = tmp_path / "absent [" / "v2]"  # "[/v2]" once joined: a closing tag for rich markup
    result = run("refresh", "--corpus", str(absent), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert f"{absent} n'existe pas" in result.stderr
    assert "Traceback" not in result.output


def test_refresh_of_a_missing_corpus_folder_fails_in_french(tmp_path):
    result = run(
        "refresh", "--corpus", str(tmp_path / "absent"), "--store", str(tmp_path / "store")
    )
    assert result.exit_code == 1
    assert "n'existe pas" in flat(result.stderr)
    assert not (tmp_path / "store").exists()


def test_refresh_into_a_store_of_another_model_fails_in_french(monkeypatch, seed_store, embeddings):
    patch_model(monkeypatch, embeddings, model_id="autre-modele")
    result = run("refresh", "--corpus", str(SEED_CORPUS), "--store", str(seed_store))
    assert result.exit_code == 1
    assert "missions refresh --full" in flat(result.stderr)
    assert "Traceback" not in result.output


def test_ask_json_shape(seed_store):
    question = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"
    result = run("ask", question, "--json", "--store", str(seed_store))
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    payload = json.loads(line)
    assert {"question", "answer", "abstained", "citations"} <= payload.keys()
    assert payload["question"] == question
    assert payload["abstained"] is False and "quinzaine" in payload["answer"]
    citation = payload["citations"][0]
    assert CITATION_KEYS <= citation.keys()
    assert citation["n"] == 1 and citation["source"] == "mission-silicon-valley-2017.txt"
    assert citation["mission"] == "Mission Silicon Valley" and citation["url"] is None
    assert citation["quote"] in (SEED_CORPUS / citation["source"]).read_text(encoding="utf-8")


def test_ask_reads_one_question_per_line_and_reports_bad_ones(seed_store):
    lines = (
        "Qui préside le cluster French South Digital ?\n\n   \nQuelle est la capitale de "
        "l'Australie ?\n" + "x" * 600 + "\n"
    )
    result = run("ask", "--json", "--store", str(seed_store), input=lines)
    assert result.exit_code == 0, result.output
    payloads = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(payloads) == 3  # blank lines are skipped
    assert "Pierre Deniset" in payloads[0]["answer"]
    assert payloads[1]["abstained"] is True and payloads[1]["citations"] == []
    assert "trop longue" in payloads[2]["error"]


def test_ask_prints_the_answer_and_its_sources(seed_store):
    result = run("ask", "Quel est le chiffre d'affaires de Criteo ?", "--store", str(seed_store))
    assert result.exit_code == 0, result.output
    assert "2 milliards" in result.stdout
    assert "[1]" in result.stdout and "mission-silicon-valley-2017.txt, §" in result.stdout


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_an_empty_question_fails_in_french(seed_store, question):
    result = run("ask", question, "--store", str(seed_store))
    assert result.exit_code == 1
    assert "La question est vide" in flat(result.stderr)


def test_ask_a_never_built_store_says_to_run_refresh(tmp_path):
    result = run("ask", "Bonjour ?", "--store", str(tmp_path / "jamais"))
    assert result.exit_code == 1
    assert "missions refresh" in flat(result.stderr)
    assert "Traceback" not in result.output


def test_error_messages_keep_a_long_path_whole(tmp_path):
    store = tmp_path / ("un-dossier-de-store-au-nom-particulierement-long-" * 2) / "store"
    result = run("ask", "Bonjour ?", "--store", str(store))
    assert result.exit_code == 1
    assert str(store) in result.stderr


def test_settings_come_from_the_environment_and_options(monkeypatch, tmp_path):
    monkeypatch.setenv("MISSIONS_STORE_DIR", str(tmp_path / "env"))
    assert cli.make_settings().store_dir == tmp_path / "env"
    assert cli.make_settings(store=tmp_path / "opt").store_dir == tmp_path / "opt"
    assert cli.make_settings(corpus=tmp_path).corpus_dir == tmp_path


def test_no_arguments_shows_help():
    result = run()
    assert "refresh" in result.output and "ask" in result.output


def test_refresh_of_a_copied_corpus_embeds_the_same_chunks(tmp_path, seed_store):
    """A corpus copied elsewhere has the same ids (relative paths): nothing to compute."""
    copy = tmp_path / "copie"
    shutil.copytree(SEED_CORPUS, copy)
    result = run("refresh", "--corpus", str(copy), "--store", str(seed_store))
    assert result.exit_code == 0
    assert computed(result) == 0
