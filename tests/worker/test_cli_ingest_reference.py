"""`patentrack ingest <source>` for the reference sources, through the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from patentrack.cli import app
from tests.worker.reference_fixtures import CURRENT_LINES, FIXTURES, fee_zip

pytestmark = pytest.mark.usefixtures("clean_tables")


@pytest.fixture
def runner(admin_url: str, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", admin_url)
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("ENVIRONMENT", "development")
    return CliRunner()


def test_grants_from_a_file_and_from_a_dated_local_directory(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = FIXTURES / "grants/ipgb20221025_wk43.zip"
    out = runner.invoke(app, ["ingest", "grants", "--file", str(sample)])
    assert out.exit_code == 0, out.output
    assert "ipgb20221025_wk43.zip: success  processed 11  inserted 10" in out.output
    shutil.copy(sample, tmp_path)
    monkeypatch.setenv("PT_SRC_GRANTS_BIBLIO_LOCAL_DIR", str(tmp_path))
    dated = runner.invoke(app, ["ingest", "grants", "--date", "2022-10-25", "--force"])
    assert dated.exit_code == 0, dated.output
    assert "processed 11  inserted 0  updated 0  unchanged 11" in dated.output
    missing = runner.invoke(app, ["ingest", "grants", "--date", "2022-11-01"])
    assert missing.exit_code == 1 and "not published" in missing.output


def test_other_sources_and_argument_checks(runner: CliRunner, tmp_path: Path) -> None:
    fees = fee_zip(tmp_path / "MaintFeeEvents_20200106.zip", CURRENT_LINES)
    out = runner.invoke(app, ["ingest", "maintenance-fees", "--file", str(fees)])
    assert out.exit_code == 0, out.output
    assert "MaintFeeEvents_20200106.zip: success  processed 6  inserted 6" in out.output
    cpc = runner.invoke(
        app, ["ingest", "cpc-master", "--file", str(FIXTURES / "cpc/cpcMaster.xml")]
    )
    assert cpc.exit_code == 0 and "cpcMaster.xml: success" in cpc.output
    scheme = FIXTURES / "cpc/cpc-section-D_20220801.txt"
    titles = runner.invoke(app, ["ingest", "cpc-scheme", "--file", str(scheme)])
    assert titles.exit_code == 0 and "processed 5691" in titles.output
    apps = runner.invoke(app, ["ingest", "applications", "--file", str(FIXTURES / "applications")])
    assert apps.exit_code == 0 and "applications: success  processed 6" in apps.output
    assert runner.invoke(app, ["ingest", "grants"]).exit_code == 2
    both = runner.invoke(
        app, ["ingest", "assignment-history", "--patent", "1", "--application", "2"]
    )
    assert both.exit_code == 2 and "exactly one" in both.output
