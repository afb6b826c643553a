"""The analyst's web page in a real headless Chromium with the network off: the journey a new user
takes, page by page, with a screenshot of each saved under tests/browser/screenshots/ (gitignored).

The graph is the contested story of tests/factories.py: a missile attack on Ain al-Asad reported by
two outlets with different numbers, claimed by the Islamic Resistance in Iraq on the 20th, denied
by Kataib Hezbollah on the 21st; a CENTCOM strike in Baghdad; a rocket attack on the Green Zone.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from core.event_types import event_types
from tests.conftest import LiveServer, serving
from tests.factories import IRI, KATAIB_HEZBOLLAH, contested_attack

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
AIN_AL_ASAD = "attack-2024-01-20-ain-al-asad-air-base"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serving(contested_attack(), tmp_path_factory.mktemp("web") / "graph.lbug") as server:
        yield server


def shot(driver: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
    driver.set_window_size(1400, max(900, height))
    driver.save_screenshot(str(path))
    driver.set_window_size(1400, 900)
    return path


def wait_for(driver: Any, script: str, what: str, seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def only_local(driver: Any, site: LiveServer) -> None:
    """Every resource the page loaded came from this server, and nothing failed in the console."""
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(u.startswith(site.url) for u in urls), [u for u in urls if not u.startswith(site.url)]
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def cells(driver: Any, selector: str) -> list[list[str]]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map("
        "r => Array.from(r.querySelectorAll('td')).map(c => c.innerText.trim()))",
        selector,
    )


def test_the_analyst_journey_with_the_network_off(browser: Any, site: LiveServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    # The home page, then a search for an actor by its Arabic name.
    browser.get(site.url + "/")
    only_local(browser, site)
    shot(browser, "01-home")
    box = browser.find_element(By.CSS_SELECTOR, "form.big-search input[name=q]")
    box.send_keys("المقاومة الإسلامية")
    box.submit()
    wait_for(browser, "return document.body.dataset.page === 'search'", "the search page")
    hits = browser.find_elements(By.CSS_SELECTOR, "#actor-hits a.actor")
    assert hits and hits[0].text == IRI.name
    assert browser.find_elements(By.CSS_SELECTOR, "#event-hits a.event")  # its events are listed too
    shot(browser, "02-search")

    # Open the actor: its profile, with the Arabic name right to left, and its neighbourhood graph.
    hits[0].click()
    wait_for(browser, "return document.body.dataset.page === 'actor'", "the actor page")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(IRI.name)
    arabic = browser.find_element(By.CSS_SELECTOR, "h1 bdi.ar")
    assert arabic.text == IRI.name_ar and arabic.value_of_css_property("direction") == "rtl"
    assert (
        browser.find_element(By.CSS_SELECTOR, "iframe.graph").get_attribute("src").startswith(site.url + "/graph.html")
    )
    only_local(browser, site)
    shot(browser, "03-actor")

    # Its claims, then filtered by date: only the 2024 claim stays.
    browser.find_element(By.ID, "actor-claims").click()
    wait_for(browser, "return document.body.dataset.page === 'claims'", "the claims page")
    dates = [row[0] for row in cells(browser, "#claims-table tbody tr")]
    assert dates == ["2024-01-20", "2023-12-08"]
    browser.find_element(By.ID, "since").send_keys("2024-01-01")
    browser.find_element(By.CSS_SELECTOR, "#claim-filters button[type=submit]").click()
    wait_for(browser, "return location.search.includes('since=2024-01-01')", "the filtered claims")
    rows = cells(browser, "#claims-table tbody tr")
    assert [row[0] for row in rows] == ["2024-01-20"]
    only_local(browser, site)
    shot(browser, "04-claims-filtered")

    # Download the CSV of exactly what is shown and check its rows.
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.find_element(By.ID, "csv-link").click()
    csv_file = downloads / "claims.csv"
    wait_for(browser, "return true", "the download")  # let the click land
    deadline = time.monotonic() + 30
    while not csv_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert csv_file.exists(), list(downloads.iterdir())
    table = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert [(r["date"], r["kind"], r["claimant"], r["event_id"]) for r in table] == [
        ("2024-01-20", "claim_responsibility", IRI.name, AIN_AL_ASAD)
    ]
    assert table[0]["claimant_ar"] == IRI.name_ar and table[0]["outlet"] == "Outlet A"

    # Open the event from the table: both sources' numbers side by side, the disagreement marked.
    browser.find_element(By.CSS_SELECTOR, "#claims-table a.event").click()
    wait_for(browser, "return document.body.dataset.page === 'event'", "the event page")
    counts = browser.find_elements(By.CSS_SELECTOR, "#reports tr[data-field=count] td")
    assert [c.text for c in counts] == ["3", "5"]
    assert all("disagree" in c.get_attribute("class") for c in counts)
    assert [th.text.split()[0] for th in browser.find_elements(By.CSS_SELECTOR, "#reports thead th a")] == [
        "Outlet",
        "Outlet",
    ]
    said = [li.get_attribute("class") for li in browser.find_elements(By.CSS_SELECTOR, "#statements > li")]
    assert any("k-deny_responsibility" in c for c in said)
    quote_el = browser.find_element(By.CSS_SELECTOR, "#statements blockquote.ar-block")
    assert quote_el.value_of_css_property("direction") == "rtl"
    only_local(browser, site)
    shot(browser, "05-event")

    # As known on the 20th: the later denial, the accusation and the second report disappear.
    field = browser.find_element(By.ID, "as_of")
    field.clear()
    field.send_keys("2024-01-20")
    field.submit()
    wait_for(browser, "return location.search.includes('as_of=2024-01-20')", "the event as of the 20th")
    said = [li.get_attribute("class") for li in browser.find_elements(By.CSS_SELECTOR, "#statements > li")]
    assert said == ["k-claim_responsibility"]
    assert [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#reports tr[data-field=count] td")] == ["3"]
    assert browser.find_elements(By.ID, "disagreements") == []
    assert "2024-01-20" in browser.find_element(By.CSS_SELECTOR, "form.asof .banner").text
    shot(browser, "06-event-as-of")

    # The sentence links to its article, where the assertions are highlighted at their offsets.
    browser.find_element(By.CSS_SELECTOR, "#reports td.sentence a").click()
    wait_for(browser, "return document.body.dataset.page === 'article'", "the article page")
    body = browser.find_element(By.ID, "article-body")
    assert body.value_of_css_property("direction") == "rtl"
    assert browser.find_elements(By.CSS_SELECTOR, "#article-body mark.lit")  # the event named in the link
    assert "as_of=2024-01-20" in browser.current_url
    only_local(browser, site)
    shot(browser, "07-article")

    # The map: a marker per event, drawn over the offline country outlines.
    browser.get(site.url + "/map")
    wait_for(browser, "return document.body.getAttribute('data-map-ready')", "the map")
    assert browser.execute_script("return document.body.getAttribute('data-map-ready')") == "true"
    assert browser.execute_script("return window.kgMap.markers.length") == 3
    assert browser.execute_script("return window.kgMap.countries") > 200
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")) == 3
    # each marker is filled with its type's colour from the event-type table, as the graph pages are
    fills = browser.execute_script("return window.kgMap.markers.map(function (m) { return m.options.fillColor; })")
    types = browser.execute_script(
        "return JSON.parse(document.getElementById('map-data').textContent).items.map(function (e) { return e.type; })"
    )
    assert fills == [event_types()[t].colour for t in types] and "#555" not in fills
    only_local(browser, site)
    shot(browser, "08-map")


@pytest.mark.parametrize(
    ("name", "path", "ready"),
    [
        ("09-timeline", "/events", "return document.querySelectorAll('#timeline li').length === 3"),
        ("10-latency", "/latency", "return document.querySelectorAll('#latency-actors tbody tr').length >= 2"),
        ("11-articles", "/articles", "return document.querySelectorAll('#articles-table tbody tr').length === 4"),
        (
            "12-actor-arabic-name",
            "/actors/" + quote(KATAIB_HEZBOLLAH.id),
            "return document.querySelector('h1 bdi.ar').textContent === 'كتائب حزب الله'",
        ),
        ("13-docs", "/docs", "return document.querySelectorAll('.opblock').length > 10"),
    ],
)
def test_every_page_draws_from_this_server_alone(
    browser: Any, site: LiveServer, name: str, path: str, ready: str
) -> None:
    browser.get(site.url + path)
    wait_for(browser, ready, f"{path} to draw")
    only_local(browser, site)
    shot(browser, name)


def test_a_missing_page_is_a_page_and_its_json_twin_the_error_shape(browser: Any, site: LiveServer) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/events/no-such-event")
    assert "no event with the id 'no-such-event'" in browser.find_element(By.CSS_SELECTOR, "p.error").text
    browser.get(site.url + "/events/no-such-event.json")
    assert '"status":404' in browser.find_element(By.TAG_NAME, "body").text.replace(" ", "")
