"""`diplo render` in a real headless browser: the page loads offline, makes no network request, and
shows the visit card; a screenshot of the seed-like sample's page is kept in tests/artifacts/."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extractor.cli import app
from models import Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "military-call-on.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (.ci/run installs it with apt-get); "
           "the headless-browser checks of `diplo render` cannot run",
)
# The page itself may request nothing: no URL in src/href, no @import, no url(...).
NETWORK_REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//|ftp:)|@import|url\(""", re.I)


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless chromium on a local page, with every host name made unresolvable."""
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,1000",
         *extra, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.fixture(scope="module")
def record(nlp: Language) -> Document:
    """The seed-like sample's record, as `diplo render` builds it."""
    from extractor import extract

    return extract(SAMPLE.read_text(encoding="utf-8"), published="2025-03-14", source={"path": str(SAMPLE)}, nlp=nlp)


@pytest.fixture(scope="module")
def page(record: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "military-call-on.html"
    result = CliRunner().invoke(app, ["render", str(SAMPLE), "--published", "2025-03-14", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def loaded(page: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, object]]]:
    """The DOM chromium built, and the URL requests it logged."""
    where = tmp_path_factory.mktemp("chromium")
    netlog = where / "net.json"
    run = chromium(page, where / "profile", "--dump-dom", f"--log-net-log={netlog}")
    assert run.returncode == 0, run.stderr[-2000:]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    requests = [e["params"] for e in log["events"]
                if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in e.get("params", {})]
    return run.stdout, requests


def test_the_page_references_nothing_outside_itself(page: Path) -> None:
    source = page.read_text(encoding="utf-8")
    assert not NETWORK_REFERENCE.search(source)
    assert "default-src 'none'" in source
    assert "<style>" in source


def test_the_page_makes_no_network_request(loaded: tuple[str, list[dict[str, object]]]) -> None:
    _, requests = loaded
    # Chromium's own background traffic is logged with the initiator "not an origin"; anything the
    # page asked for carries the page's (file://) origin.
    from_page = [r["url"] for r in requests if r.get("initiator") != "not an origin"
                 and not str(r["url"]).startswith(("file:", "data:"))]
    assert from_page == []


def test_the_card_shows_the_visitor_and_each_counterpart(
        record: Document, loaded: tuple[str, list[dict[str, object]]]) -> None:
    dom, _ = loaded
    assert record.events, "the extractor found no visit in the seed-like sample: there is no card to check"
    card = dom[dom.index("<aside"):]
    for event in record.events:
        assert event.visitor.name in card
        counterparts = [p for m in event.meetings for p in m.counterparts]
        assert counterparts
        for person in counterparts:
            assert person.name in card
    assert 'class="ent person"' in dom


def test_every_card_link_points_into_the_article(loaded: tuple[str, list[dict[str, object]]]) -> None:
    dom, _ = loaded
    article = dom[dom.index("<article"):dom.index("</article>")]
    targets = re.findall(r'href="#([^"]+)"', dom)
    assert targets
    for target in set(targets):
        assert f'id="{target}"' in article, target


def test_a_screenshot_of_the_seed_like_page_is_saved(page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "render-military-call-on.png"
    shot.unlink(missing_ok=True)
    run = chromium(page, tmp_path / "profile", f"--screenshot={shot}")
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
    shutil.copy(page, ARTIFACTS / page.name)
