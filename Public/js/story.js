// The story page: headline, dek, dateline, body as paragraphs, tags; "Also Read" inside the story and
// "Don't Miss" in the rail, both from /articles/{ref}/related. The page's title and lang follow the story.

import { getJSON } from "./api.js";
import { railItem, tagChips } from "./cards.js";
import { errorBox, h } from "./dom.js";
import { formatDate, label } from "./format.js";
import { frontHref } from "./router.js";

const ALSO_READ = 2;
const RELATED = 6;

/** Renders the story `ref` (a slug or id) into `root`; `isCurrent()` turns false once the reader moved on. */
export async function showStory(root, ref, isCurrent) {
    root.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading the story…"));
    let article;
    try {
        article = await getJSON(`/articles/${encodeURIComponent(ref)}`);
    } catch (error) {
        if (!isCurrent()) return;
        const missing = error.status === 404;
        document.title = `${missing ? "Story not found" : "Story unavailable"} — Dateline`;
        root.replaceChildren(h("div", { class: "story-error" },
            h("h1", { tabindex: "-1" }, missing ? "We could not find that story." : "The story could not be loaded."),
            errorBox(missing ? "It may have been moved or unpublished." : "Something went wrong.", error,
                missing ? null : () => showStory(root, ref, isCurrent)),
            h("p", {}, h("a", { href: "#/" }, "Back to the latest news"))));
        root.querySelector("h1").focus({ preventScroll: true });
        return;
    }
    if (!isCurrent()) return;

    const language = article.language || "en";
    document.documentElement.lang = language;
    document.title = `${article.title} — Dateline`;

    const alsoRead = h("aside", { class: "also-read", "aria-labelledby": "also-read-title", lang: "en", hidden: true },
        h("h2", { id: "also-read-title" }, "Also Read"), h("ul", {}));
    const dontMiss = h("aside", { class: "rail", "aria-labelledby": "dont-miss-title", lang: "en" },
        h("h2", { id: "dont-miss-title" }, "Don't Miss"), h("p", { class: "loading" }, "Loading…"));
    const headline = h("h1", { class: "story-headline", tabindex: "-1" }, article.title);

    root.replaceChildren(h("div", { class: "story-layout" },
        h("article", { class: "story", lang: language },
            h("header", { class: "story-header" },
                h("p", { class: "kicker", lang: "en" }, h("a", { href: frontHref({ category: article.category }) }, label(article.category))),
                headline,
                article.summary && h("p", { class: "dek" }, article.summary),
                h("p", { class: "dateline" },
                    article.author && h("span", { class: "byline" }, `By ${article.author}`),
                    article.author && " · ",
                    h("time", { datetime: article.publishedAt }, formatDate(article.publishedAt, language)))),
            h("div", { class: "story-body" }, withAside(paragraphs(article.body), alsoRead)),
            h("footer", { class: "story-footer", lang: "en" }, tagChips(article.tags))),
        dontMiss));
    headline.focus({ preventScroll: true });

    try {
        const related = await getJSON(`/articles/${encodeURIComponent(article.slug)}/related`, { limit: RELATED });
        if (!isCurrent()) return;
        const first = related.data.slice(0, ALSO_READ);
        const rest = related.data.slice(ALSO_READ);
        alsoRead.querySelector("ul").replaceChildren(...first.map((item) => railItem(item, { withDek: false })));
        alsoRead.hidden = first.length === 0;
        dontMiss.lastChild.replaceWith(rest.length > 0
            ? h("ol", {}, rest.map((item) => railItem(item)))
            : h("p", {}, "Nothing else to show yet."));
    } catch (error) {
        if (!isCurrent()) return;
        dontMiss.lastChild.replaceWith(errorBox("Related stories could not be loaded.", error, null));
    }
}

/** Paragraphs are separated by a blank line (the contract's plain-text body). */
function paragraphs(body) {
    return String(body).split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean).map((text) => h("p", {}, text));
}

/** "Also Read" sits inside the story, after the middle paragraph, as on the page the product grew from. */
function withAside(nodes, aside) {
    const at = Math.max(1, Math.ceil(nodes.length / 2));
    return [...nodes.slice(0, at), aside, ...nodes.slice(at)];
}
