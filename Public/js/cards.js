// Story cards and tag chips, shared by the front page and the story page's rails.

import { h } from "./dom.js";
import { formatDate, label } from "./format.js";
import { frontHref, storyHref } from "./router.js";

/** A list item for the front page: category, headline, dek, date and tags. */
export function storyCard(article) {
    return h("li", { class: "story-card", "data-id": article.id },
        h("article", {},
            h("p", { class: "kicker" }, h("a", { href: frontHref({ category: article.category }) }, label(article.category))),
            h("h2", { class: "headline", lang: article.language }, h("a", { href: storyHref(article.slug) }, article.title)),
            article.summary && h("p", { class: "dek", lang: article.language }, article.summary),
            h("p", { class: "meta" }, h("time", { datetime: article.publishedAt }, formatDate(article.publishedAt))),
            tagChips(article.tags)));
}

/** A compact item for the "Also Read" and "Don't Miss" rails. */
export function railItem(article, { withDek = true } = {}) {
    return h("li", { class: "rail-item" },
        h("a", { href: storyHref(article.slug), lang: article.language }, article.title),
        withDek && article.summary && h("p", { class: "rail-dek", lang: article.language }, article.summary));
}

/** Tag chips linking to the front page filtered by that tag; `current` is marked. */
export function tagChips(tags = [], current = null) {
    if (tags.length === 0) return null;
    return h("ul", { class: "chips", "aria-label": "Tags" },
        tags.map((tag) => h("li", {},
            h("a", { class: "chip", href: frontHref({ tag }), "aria-current": tag === current ? "true" : null }, `#${tag}`))));
}
