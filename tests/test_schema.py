"""Schemathesis fuzzes every operation of the served /openapi.json: no server error, answers as documented.

Driven through `APIOperation.as_strategy()` and Hypothesis rather than schemathesis' pytest loader
(`from_fixture`), which breaks on pytest 9 (it reads a private `_nodeid`).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.slow

# Positive-data acceptance is left out on purpose: a schema-valid but blank question is a 422 by design.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = {GenerationMode.POSITIVE: 6, GenerationMode.NEGATIVE: 4}  # per operation: the suite stays short


@pytest.fixture(scope="module")
def operations(live_url):
    schema = schemathesis.openapi.from_url(f"{live_url}/openapi.json")
    found = {f"{op.method.upper()} {op.path}": op for op in (result.ok() for result in schema.get_all_operations())}
    assert len(found) == 7
    return found


@pytest.mark.parametrize("mode", list(EXAMPLES))
@pytest.mark.parametrize(
    "operation",
    ["POST /api/ask", "GET /api/search", "GET /api/missions", "GET /api/health", "POST /v1/chat/completions",
     "GET /v1/models", "POST /v1/embeddings"],
)  # fmt: skip
def test_operation_keeps_to_its_documentation(operations, operation, mode):
    checks = CHECKS + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])
    calls = []

    @given(case=operations[operation].as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES[mode], deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def run(case):
        response = case.call_and_validate(checks=checks, timeout=60)
        calls.append(response.status_code)

    run()
    assert calls  # the operation was really called
