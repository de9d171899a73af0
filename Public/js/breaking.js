// The Breaking News bar: filled from /articles?breaking=true, then kept live by the
// /events?breaking=true stream, so a new breaking story shows up without a reload.

import { getJSON } from "./api.js";
import { h } from "./dom.js";
import { storyHref } from "./router.js";

const SHOWN = 3;

/** Starts the bar in `section` (hidden while there is no breaking story). */
export function startBreakingBar(section) {
    const list = section.querySelector(".breaking-list");
    const stories = new Map(); // id → { id, slug, title, language?, publishedAt }

    const render = () => {
        const newest = [...stories.values()]
            .sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)) || b.id.localeCompare(a.id))
            .slice(0, SHOWN);
        list.replaceChildren(...newest.map((story) =>
            h("li", {}, h("a", { href: storyHref(story.slug), lang: story.language }, story.title))));
        section.hidden = newest.length === 0;
    };

    // Only the latest fill counts; stories that arrived as events while it ran are kept on top of it.
    let fill = 0;
    let arrived = new Map();
    const refill = async (fresh) => {
        const mine = ++fill;
        arrived = new Map();
        try {
            const page = await getJSON("/articles", {
                breaking: "true", limit: SHOWN, fields: "id,slug,title,language,publishedAt",
            }, { fresh });
            if (mine !== fill) return;
            stories.clear();
            for (const story of page.data) stories.set(story.id, story);
            for (const [id, story] of arrived) {
                if (story) stories.set(id, story);
                else stories.delete(id);
            }
            render();
        } catch (error) {
            if (mine !== fill) return;
            list.replaceChildren(h("li", { class: "breaking-error" }, `Breaking news is unavailable: ${error.message}`));
            section.hidden = false;
        }
    };

    // Subscribe first, then fetch: a story published in between arrives by either path (the map dedupes).
    const events = new EventSource("/events?breaking=true");
    const upsert = (event) => {
        const story = parse(event);
        if (!story?.id || !story.slug || !story.title) return;
        const merged = { ...stories.get(story.id), ...story };
        stories.set(story.id, merged);
        arrived.set(story.id, merged);
        render();
    };
    events.addEventListener("published", upsert);
    events.addEventListener("updated", upsert);
    events.addEventListener("deleted", (event) => {
        const story = parse(event);
        if (!story?.id) return;
        arrived.set(story.id, null);
        if (stories.delete(story.id)) render();
    });
    // The server could not replay what we missed: what we show may be stale.
    events.addEventListener("reset", () => refill(true));
    // A first connection carries no Last-Event-ID, so what was published while it opened is fetched again.
    let opened = false;
    events.addEventListener("open", () => {
        section.dataset.live = "true";
        if (!opened) refill(true);
        opened = true;
    });
    events.addEventListener("error", () => {
        // EventSource reconnects by itself (with Last-Event-ID); the bar says it is not live meanwhile.
        section.dataset.live = "false";
    });
    refill(false);
}

function parse(event) {
    try {
        return JSON.parse(event.data);
    } catch {
        return null;
    }
}
