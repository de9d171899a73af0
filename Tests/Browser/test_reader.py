"""The reader (Public/) in headless Chromium against a real Dateline server: issue 8's "must show" list."""

import time
import uuid

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from reader import ReaderTestCase, api, post_article, titles

PAGE_SIZE = 10
PUTIN = "putin-warns-western-troops-in-ukraine-would-be-targets"
KANYE = "kanye-west-afichua-unyanyasaji-wa-kingono-kwa-mkewe"


class FrontPageTests(ReaderTestCase):
    def test_front_page_lists_the_newest_stories_with_their_details(self):
        self.open("#/")
        newest = api("/articles", limit=PAGE_SIZE)
        self.wait_for_list([a["title"] for a in newest["data"]], "the front page lists the newest stories")
        self.assertIn("Putin Warns Western Troops in Ukraine Would Be Targets", self.card_titles())
        for card, article in zip(self.css("#stories .story-card"), newest["data"]):
            self.assertEqual(card.find_element("css selector", ".kicker").text.lower(), article["category"])
            if article["summary"]:
                self.assertEqual(card.find_element("css selector", ".dek").text, article["summary"])
            self.assertEqual(card.find_element("css selector", "time").get_attribute("datetime"), article["publishedAt"])
            self.assertEqual([c.text for c in card.find_elements("css selector", ".chip")], [f"#{t}" for t in article["tags"]])
        self.assertEqual(self.one(".list-status").text, f"Showing {PAGE_SIZE} of {newest['meta']['total']} stories.")
        # Category navigation comes from /categories, topic chips from /tags.
        self.wait(lambda: len(self.css(".category-list a")) == len(api("/categories")["data"]) + 1, "category navigation")
        self.assertEqual(self.one(".topics .chip").text, "#" + api("/tags", limit=1)["data"][0]["name"])
        self.assertEqual(self.driver.title, "Dateline — Latest news")

    def test_search_narrows_the_list_as_you_type(self):
        self.open("#/")
        self.wait_for_list(titles("/articles", limit=PAGE_SIZE), "the front page loaded")
        self.one("#search").send_keys("drought")  # no Enter: results come as you type
        expected = titles("/articles", q="drought", limit=PAGE_SIZE)
        self.assertTrue(0 < len(expected) < PAGE_SIZE)
        self.wait_for_list(expected, "the list narrowed to the search results")
        self.assertEqual(self.js("return location.hash"), "#/?q=drought")
        self.assertEqual(self.one(".list-status").text, f"Showing {len(expected)} of {len(expected)} stories.")
        self.one("#search").send_keys(" zzzqqq")
        self.wait(lambda: self.one(".list-status").text == "No stories match “drought zzzqqq”.", "an empty result says so")
        self.assertEqual(self.card_titles(), [])

    def test_category_navigation_filters_the_list(self):
        self.open("#/")
        self.wait(lambda: self.css('.category-list a[data-category="africa"]'), "category navigation")
        self.one('.category-list a[data-category="africa"]').click()
        expected = titles("/articles", category="africa", limit=PAGE_SIZE)
        self.assertGreater(len(expected), 0)
        self.wait_for_list(expected, "only the category's stories are listed")
        self.assertEqual({k.text for k in self.css("#stories .kicker")}, {"AFRICA"})  # CSS upper-cases the kicker
        self.assertEqual(self.one('.category-list a[aria-current="page"]').get_attribute("data-category"), "africa")
        self.assertEqual(self.one(".front-title").text, "Africa")
        self.driver.back()
        self.wait_for_list(titles("/articles", limit=PAGE_SIZE), "back returns to every story")

    def test_language_filter_and_a_swahili_headline_marked_sw(self):
        self.open("#/")
        self.wait(lambda: self.css('#language option[value="sw"]'), "the language list offers Swahili")
        Select(self.one("#language")).select_by_value("sw")
        expected = titles("/articles", lang="sw", limit=PAGE_SIZE)
        self.assertEqual(expected, ["Kanye West Afichua Unyanyasaji wa Kingono kwa Mkewe"])
        self.wait_for_list(expected, "only Swahili stories are listed")
        self.assertEqual(self.one("#stories .headline").get_attribute("lang"), "sw")
        self.assertEqual(self.js("return location.hash"), "#/?lang=sw")

    def test_load_more_appends_the_next_page_without_repeats(self):
        self.open("#/")
        everything = api("/articles", limit=100)
        self.assertGreater(everything["meta"]["total"], PAGE_SIZE, "the sample has more than one page")
        self.wait_for_list([a["title"] for a in everything["data"][:PAGE_SIZE]], "the first page")
        for page in range(2, 2 + (everything["meta"]["total"] - 1) // PAGE_SIZE):
            shown = len(self.card_titles())
            self.one(".load-more").click()
            self.wait(lambda: len(self.card_titles()) > shown and not self.css("#stories[aria-busy]"), f"page {page} appended")
            # Focus moves to the first new story, for keyboard users.
            self.assertEqual(self.js("return document.activeElement.textContent"), self.card_titles()[shown])
        ids = self.js("return [...document.querySelectorAll('#stories .story-card')].map(li => li.dataset.id)")
        self.assertEqual(ids, [a["id"] for a in everything["data"]], "every story once, in order")
        self.assertFalse(self.one(".load-more").is_displayed(), "no Load more after the last page")


class StoryPageTests(ReaderTestCase):
    def test_a_story_opens_with_body_and_rails_and_back_returns_to_the_list(self):
        self.open("#/")
        listed = titles("/articles", limit=PAGE_SIZE)
        self.wait_for_list(listed, "the front page loaded")
        article = api(f"/articles/{PUTIN}")
        related = api(f"/articles/{PUTIN}/related", limit=6)["data"]
        self.one(f'#stories a[href="#/articles/{PUTIN}"]').click()
        self.wait_for_story(article["title"])
        self.assertEqual(self.js("return location.hash"), f"#/articles/{PUTIN}")
        self.assertEqual(self.one(".story .dek").text, article["summary"])
        self.assertEqual(self.one(".dateline").text, "By Staff Reporter · September 6, 2025")
        paragraphs = [p.strip() for p in article["body"].split("\n\n") if p.strip()]
        self.assertEqual([p.text for p in self.css(".story-body > p")], paragraphs)
        self.assertEqual([c.text for c in self.css(".story-footer .chip")], [f"#{t}" for t in article["tags"]])
        # "Also Read" sits inside the body; "Don't Miss" in the rail; both from /related, in its order.
        also = [a.text for a in self.css(".story-body .also-read a")]
        dont = [a.text for a in self.css(".rail .rail-item > a")]
        self.assertEqual(also + dont, [r["title"] for r in related])
        self.assertGreater(len(also), 0)
        self.assertGreater(len(dont), 0)
        self.assertEqual(also[0], "Deadly Landslide Hits Sudan’s Marrah Mountains Region")  # the editor's pick
        self.assertEqual(self.driver.title, f"{article['title']} — Dateline")
        self.assertEqual(self.js("return document.documentElement.lang"), "en")

        self.driver.back()
        self.wait_for_list(listed, "back shows the list again")
        self.assertTrue(self.one("#front-view").is_displayed())
        self.assertFalse(self.one("#story-view").is_displayed())
        self.assertEqual(self.js("return location.hash"), "#/")
        self.assertEqual(self.driver.title, "Dateline — Latest news")

        self.driver.forward()
        self.wait_for_story(article["title"])

    def test_a_swahili_story_is_marked_sw_and_names_the_page(self):
        self.open(f"#/articles/{KANYE}")
        article = api(f"/articles/{KANYE}")
        self.wait_for_story(article["title"])
        self.assertEqual(self.js("return document.documentElement.lang"), "sw")
        self.assertEqual(self.one("article.story").get_attribute("lang"), "sw")
        self.assertEqual(self.one(".masthead").get_attribute("lang"), "en", "the site's own words stay English")
        self.assertEqual(self.driver.title, f"{article['title']} — Dateline")
        self.assertIn("2025", self.one(".dateline time").text)

    def test_a_missing_story_is_explained_in_words(self):
        self.expected_console_errors = ["/articles/no-such-story - Failed to load resource"]
        self.open("#/articles/no-such-story")
        self.wait(lambda: self.css(".story-error .error-detail"), "an error message")
        self.assertEqual(self.one(".story-error h1").text, "We could not find that story.")
        self.assertIn("no-such-story", self.one(".error-detail").text, "the server's detail is shown")
        self.assertEqual(self.driver.title, "Story not found — Dateline")
        self.one('.story-error a[href="#/"]').click()
        self.wait(lambda: len(self.card_titles()) == PAGE_SIZE, "the way back to the front page works")

    def test_keyboard_reaches_and_opens_a_story_with_visible_focus(self):
        self.open("#/")
        self.wait_for_list(titles("/articles", limit=PAGE_SIZE), "the front page loaded")
        body = self.one("body")
        body.send_keys(Keys.TAB)
        self.assertEqual(self.js("return document.activeElement.textContent"), "Skip to content")
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        self.assertEqual(self.js("return document.activeElement.id"), "main")
        self.assertEqual(self.js("return location.hash"), "#/", "the skip link leaves the route alone")
        for _ in range(60):  # tab to the first story's headline
            self.driver.switch_to.active_element.send_keys(Keys.TAB)
            if self.js("return document.activeElement.matches('#stories .headline a')"):
                break
        focused = self.driver.switch_to.active_element
        self.assertEqual(focused.text, self.card_titles()[0])
        self.assertNotEqual(focused.value_of_css_property("outline-style"), "none", "focus is visible")
        focused.send_keys(Keys.ENTER)
        self.wait_for_story(api("/articles", limit=1)["data"][0]["title"])
        self.assertTrue(self.js("return document.activeElement.matches('#story-view h1')"), "focus moves to the headline")


class LiveAndSafetyTests(ReaderTestCase):
    def test_a_breaking_story_posted_by_an_editor_appears_in_the_bar_without_a_reload(self):
        self.open("#/")
        self.wait(lambda: self.css('#breaking[data-live="true"] .breaking-list a'), "the bar is filled and live")
        self.js("window.notReloaded = true")
        title = f"Floods close the Nairobi highway {uuid.uuid4().hex[:8]}"
        post_article(title=title, body="Heavy rain cut the city in two.", category="africa", breaking=True)
        posted = time.monotonic()
        self.wait(lambda: title in self.js("return [...document.querySelectorAll('#breaking a')].map(a => a.textContent)"),
                  "the new breaking story appears in the bar within 3 s", seconds=3)
        self.assertLess(time.monotonic() - posted, 3.5)
        self.assertTrue(self.js("return window.notReloaded === true"), "the page was not reloaded")
        self.assertTrue(self.one("#breaking").is_displayed())

    def test_html_in_a_headline_is_shown_as_text(self):
        title = "<img src=x onerror=alert(1)>"
        body = "First paragraph.\n\n<script>alert(2)</script><b>not bold</b>"
        article = post_article(title=title, body=body, summary="<i>dek</i>", breaking=True)
        self.open("#/")
        self.wait(lambda: title in self.card_titles(), "the story is listed")
        self.assertEqual(self.css("main img, #breaking img, main script, main b, main i"), [])
        self.assertIn(title, self.js("return [...document.querySelectorAll('#breaking a')].map(a => a.textContent)"))
        self.one(f'#stories a[href="#/articles/{article["slug"]}"]').click()
        self.wait_for_story(title)
        self.assertEqual([p.text for p in self.css(".story-body > p")], ["First paragraph.", "<script>alert(2)</script><b>not bold</b>"])
        self.assertEqual(self.one(".story .dek").text, "<i>dek</i>")
        self.assertEqual(self.css("main img, main script, main b, main i"), [])
        self.assertEqual(self.driver.title, f"{title} — Dateline")


class ThemeTests(ReaderTestCase):
    def theme(self):
        return self.js("return document.documentElement.dataset.theme")

    def background_is_dark(self):
        rgb = self.js("return getComputedStyle(document.body).backgroundColor")
        red, green, blue = [int(v) for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
        return (red + green + blue) / 3 < 128

    def pressed(self):
        return self.one('.theme-switch [aria-pressed="true"]').text

    def test_the_theme_follows_the_system_until_switched_and_survives_a_reload(self):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        self.open("#/")
        self.wait(lambda: self.theme() == "dark", "a dark system means a dark page")
        self.assertTrue(self.background_is_dark())
        self.assertEqual(self.pressed(), "Dark")
        self.one('[data-theme-choice="light"]').click()
        self.assertEqual(self.theme(), "light")
        self.assertFalse(self.background_is_dark())
        self.assertEqual(self.pressed(), "Light")
        self.driver.refresh()
        self.wait(lambda: self.css(".theme-switch [aria-pressed=true]"), "the page reloaded")
        self.assertEqual(self.theme(), "light", "the choice survives a reload, over the system's dark")
        self.assertFalse(self.background_is_dark())
        self.one('[data-theme-choice="dark"]').click()
        self.assertTrue(self.background_is_dark())
        self.open("#/")  # a later visit
        self.wait(lambda: self.css(".theme-switch [aria-pressed=true]"), "the page loaded")
        self.assertEqual(self.theme(), "dark")
        self.assertEqual(self.pressed(), "Dark")


class ScreenshotTests(ReaderTestCase):
    def test_screenshots_light_and_dark_on_a_phone_and_a_desktop(self):
        story = api(f"/articles/{PUTIN}")
        for width, height, scale in ((390, 844, 2), (1280, 900, 1)):
            self.emulate(width, height, scale, mobile=width < 500)
            for theme in ("light", "dark"):
                self.js("localStorage.setItem('dateline-theme', arguments[0])", theme)
                device = "phone" if width < 500 else "desktop"
                self.open("#/")
                self.wait(lambda: len(self.card_titles()) == PAGE_SIZE and self.css(".category-list li:nth-child(2)"), "the front page loaded")
                self.assertEqual(self.js("return innerWidth"), width)
                self.assertLessEqual(self.js("return document.documentElement.scrollWidth"), width, "nothing overflows sideways")
                self.screenshot(f"front-{device}-{theme}")
                self.open(f"#/articles/{PUTIN}")
                self.wait_for_story(story["title"])
                self.assertLessEqual(self.js("return document.documentElement.scrollWidth"), width, "nothing overflows sideways")
                self.screenshot(f"story-{device}-{theme}")
