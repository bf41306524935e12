"""With MISSIONS_LLM=none (the default) nothing LLM-related is imported: checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

LLM_MODULES = [
    "bot.llm", "bot.generative", "bot.rewrite", "bot.citecheck", "langchain_openai", "langchain_ollama",
    "openai", "ollama", "tiktoken",
]  # fmt: skip
SCRIPT = """
import json, sys
from bot.service import open_bot
from bot.settings import Settings
settings = Settings()
assert settings.llm == "none", settings.llm
bot = open_bot(settings)
answer = bot.ask("Combien d'entrepreneurs ont participé à la mission ?")
streamed = list(bot.stream("Qui est Luc Julia ?"))
print(json.dumps({
    "answer": answer.to_dict(),
    "streamed": len(streamed),
    "answerer": type(bot.answerer).__name__,
    "imported": sorted(m for m in MODULES if m in sys.modules),
}))
"""


def test_no_llm_module_is_imported_when_llm_is_none(seed_store_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MISSIONS_")}
    env.update({"MISSIONS_STORE_DIR": str(seed_store_dir), "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"})
    code = f"MODULES = {LLM_MODULES!r}\n{SCRIPT}"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["answerer"] == "ExtractiveAnswerer"
    assert report["imported"] == []
    assert report["streamed"] == 2
    assert report["answer"]["notice"] is None
    assert report["answer"]["citations"] and all(c["verified"] is None for c in report["answer"]["citations"])
