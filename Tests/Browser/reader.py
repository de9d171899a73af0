"""Shared set-up for the reader's browser tests: the server under test, its API, and headless Chromium.

The server is started by scripts/browser-tests.sh, which passes DATELINE_URL and DATELINE_EDITOR_TOKEN.
"""

import base64
import json
import os
import pathlib
import shutil
import unittest
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ["DATELINE_URL"].rstrip("/")
EDITOR_TOKEN = os.environ["DATELINE_EDITOR_TOKEN"]
SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"
WAIT_SECONDS = 10


def api(path, **params):
    """GETs a public API path as a reader and returns the parsed JSON."""
    url = BASE_URL + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:
        return json.load(response)


def titles(path, **params):
    return [article["title"] for article in api(path, **params)["data"]]


def post_article(**fields):
    """Creates a published article as an editor and returns it."""
    body = {"category": "world", "status": "published", **fields}
    request = urllib.request.Request(
        BASE_URL + "/articles", data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": f"Bearer {EDITOR_TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
        assert response.status == 201, response.status
        return json.load(response)


def start_chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--disable-extensions", "--no-first-run", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An alert must not be dismissed behind our back: the injection test looks for one.
    options.set_capability("unhandledPromptBehavior", "ignore")
    # The Debian driver, never one Selenium Manager would download.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(WAIT_SECONDS * 2)
    driver.set_script_timeout(WAIT_SECONDS)
    return driver


class ReaderTestCase(unittest.TestCase):
    """One browser for the whole class; each test starts from an empty cache, storage and console."""

    driver = None

    @classmethod
    def setUpClass(cls):
        cls.driver = start_chromium()

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    def setUp(self):
        self.expected_console_errors = []  # substrings of SEVERE entries a test provokes on purpose
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        self.driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        self.driver.get(BASE_URL + "/favicon.svg")
        self.driver.execute_script("localStorage.clear()")
        self.driver.get_log("browser")  # drop what earlier steps logged
        self.addCleanup(self.check_console)

    def check_console(self):
        """Fails the test on any error in the browser console (other than one it provoked on purpose)."""
        try:
            self.driver.switch_to.alert
            self.fail("an alert() opened: some text was run as script")
        except NoAlertPresentException:
            pass
        errors = [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        unexpected = [m for m in errors if not any(e in m for e in self.expected_console_errors)]
        self.assertEqual(unexpected, [], "errors in the browser console")

    # Navigation and waiting

    def open(self, fragment="#/"):
        """Loads the reader afresh (not a same-document hash change) at this route."""
        self.driver.get("about:blank")
        self.driver.get(f"{BASE_URL}/{fragment}")

    def wait(self, condition, message, seconds=WAIT_SECONDS):
        return WebDriverWait(self.driver, seconds, poll_frequency=0.05).until(lambda _: condition(), message)

    def css(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def card_titles(self):
        return self.js("return [...document.querySelectorAll('#stories .headline a')].map(a => a.textContent)")

    def wait_for_list(self, expected, message):
        """Waits until the front page's list shows exactly these titles, in order, and has settled."""
        self.wait(lambda: self.card_titles() == expected and not self.css("#stories[aria-busy]"), message)

    def wait_for_story(self, title):
        self.wait(lambda: self.js("const h = document.querySelector('#story-view h1'); return h && h.textContent") == title,
                  f"the story page shows '{title}'")
        # The rails come from a second request.
        self.wait(lambda: not self.css("#story-view .rail .loading"), "the Don't Miss rail loaded")

    # Screenshots

    def emulate(self, width, height, scale=1, mobile=False):
        self.metrics = {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", self.metrics)

    def screenshot(self, name):
        """Writes a full-page PNG to Tests/Browser/screenshots/ (git-ignored) for a person to look at.

        The viewport is stretched to the page's height for the shot (captureBeyondViewport hangs the
        next navigation in headless Chromium), then put back.
        """
        SCREENSHOTS.mkdir(exist_ok=True)
        height = self.js("return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**self.metrics, "height": height})
        try:
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        finally:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", self.metrics)
        path = SCREENSHOTS / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        self.assertGreater(path.stat().st_size, 1000, f"{path} is an empty image")
