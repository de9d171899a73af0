// Boots the reader: theme switch, breaking news bar, and the two views behind the URL's fragment.

import { startBreakingBar } from "./breaking.js";
import { h } from "./dom.js";
import { FrontPage } from "./front.js";
import { parseRoute } from "./router.js";
import { showStory } from "./story.js";
import { startThemeSwitch } from "./theme.js";

startThemeSwitch(document.querySelector(".theme-switch"));
startBreakingBar(document.getElementById("breaking"));

const frontView = document.getElementById("front-view");
const storyView = document.getElementById("story-view");
const front = new FrontPage(frontView);
let visit = 0; // which navigation a story render belongs to
let frontScroll = 0;

// The front page stays in the document while a story is open, so "back" shows it at once, where it was.
history.scrollRestoration = "manual";

function route() {
    const current = ++visit;
    const target = parseRoute(location.hash);
    if (target.name === "front") {
        storyView.hidden = true;
        storyView.replaceChildren();
        frontView.hidden = false;
        document.documentElement.lang = "en";
        const changed = front.show(target.filters);
        window.scrollTo(0, changed ? 0 : frontScroll);
    } else {
        if (!frontView.hidden) frontScroll = window.scrollY;
        frontView.hidden = true;
        storyView.hidden = false;
        window.scrollTo(0, 0);
        if (target.name === "story") {
            showStory(storyView, target.ref, () => current === visit);
        } else {
            document.documentElement.lang = "en";
            document.title = "Page not found — Dateline";
            storyView.replaceChildren(h("div", { class: "story-error" },
                h("h1", {}, "There is no page at this address."),
                h("p", {}, h("a", { href: "#/" }, "Go to the latest news"))));
        }
    }
}

// The skip link moves focus without touching the fragment, which holds the route.
document.querySelector(".skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main").focus();
});

window.addEventListener("hashchange", route);
route();
