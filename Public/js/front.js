// The front page: newest stories, category navigation, tag chips, a language filter, search as you type,
// and "Load more" through the list's `next` link.

import { getJSON } from "./api.js";
import { storyCard, tagChips } from "./cards.js";
import { errorBox, h } from "./dom.js";
import { label, languageName } from "./format.js";
import { FILTERS, frontHref } from "./router.js";

const PAGE_SIZE = 10;
const SEARCH_DELAY_MS = 300;

export class FrontPage {
    constructor(root) {
        this.root = root;
        this.filters = null;
        this.generation = 0; // answers to superseded requests are dropped
        this.next = null;
        this.build();
        this.loadFacets();
    }

    build() {
        this.heading = h("h1", { class: "front-title", tabindex: "-1" }, "Latest news");
        this.categories = h("ul", { class: "category-list" });
        this.search = h("input", {
            type: "search", id: "search", name: "q", autocomplete: "off", spellcheck: "false",
            placeholder: "Search stories", "aria-controls": "stories",
        });
        this.search.addEventListener("input", () => this.searchSoon());
        this.language = h("select", { id: "language", name: "lang", "aria-controls": "stories" },
            h("option", { value: "" }, "All languages"));
        this.language.addEventListener("change", () => this.go({ ...this.filters, lang: this.language.value }));
        const form = h("form", { class: "filters", role: "search", "aria-label": "Stories" },
            h("div", { class: "field" }, h("label", { for: "search" }, "Search"), this.search),
            h("div", { class: "field" }, h("label", { for: "language" }, "Language"), this.language));
        form.addEventListener("submit", (event) => {
            event.preventDefault();
            this.searchNow();
        });
        this.topics = h("div", { class: "topics" });
        this.active = h("p", { class: "active-filters" });
        this.status = h("p", { class: "list-status", role: "status" });
        this.error = h("div", { class: "list-error" });
        this.list = h("ol", { class: "stories", id: "stories", "aria-labelledby": "front-title" });
        this.heading.id = "front-title";
        this.more = h("button", { type: "button", class: "load-more", hidden: true }, "Load more");
        this.more.addEventListener("click", () => this.loadMore());
        this.root.append(
            h("nav", { class: "categories", "aria-label": "Categories" }, this.categories),
            h("div", { class: "front" },
                h("div", { class: "front-head" }, this.heading, form),
                this.topics, this.active, this.status, this.error, this.list,
                h("div", { class: "more" }, this.more)));
    }

    /** Shows these filters; returns whether the list changed (false when they are the ones shown). */
    show(filters) {
        const changed = JSON.stringify(filters) !== JSON.stringify(this.filters);
        if (changed) {
            this.filters = filters;
            this.renderFilters();
            this.load();
        }
        document.title = this.title();
        return changed;
    }

    title() {
        const { q, category, tag, lang } = this.filters ?? {};
        const parts = [q && `“${q}”`, category && label(category), tag && `#${tag}`, lang && languageName(lang)].filter(Boolean);
        return parts.length > 0 ? `${parts.join(", ")} — Dateline` : "Dateline — Latest news";
    }

    /** Navigates to the front page with new filters (a history entry: the back button undoes it). */
    go(filters) {
        location.hash = frontHref(filters);
    }

    searchSoon() {
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.searchNow(), SEARCH_DELAY_MS);
    }

    searchNow() {
        clearTimeout(this.searchTimer);
        const filters = { ...this.filters, q: this.search.value.trim() };
        if (!filters.q) delete filters.q;
        // Typing replaces the history entry rather than adding one per pause; the URL stays shareable.
        history.replaceState(null, "", frontHref(filters));
        this.show(filters);
    }

    renderFilters() {
        const { q = "", category, tag, lang = "" } = this.filters;
        if (document.activeElement !== this.search) this.search.value = q;
        this.ensureLanguageOption(lang);
        this.language.value = lang;
        for (const link of this.categories.querySelectorAll("a")) {
            const current = (link.dataset.category || undefined) === category;
            if (current) link.setAttribute("aria-current", "page");
            else link.removeAttribute("aria-current");
        }
        for (const chip of this.topics.querySelectorAll("a.chip")) {
            if (chip.dataset.tag === tag) chip.setAttribute("aria-current", "true");
            else chip.removeAttribute("aria-current");
        }
        this.heading.textContent = category ? label(category) : "Latest news";
        const shown = FILTERS.filter((name) => name !== "category" && this.filters[name])
            .map((name) => name === "lang" ? languageName(this.filters.lang) : name === "tag" ? `#${tag}` : `“${q}”`);
        this.active.replaceChildren(...(shown.length > 0
            ? [`Showing ${shown.join(", ")}. `, h("a", { href: frontHref(category ? { category } : {}) }, "Clear filters")]
            : []));
    }

    async load() {
        const generation = ++this.generation;
        this.next = null;
        this.more.hidden = true;
        this.error.replaceChildren();
        this.status.textContent = "Loading stories…";
        this.list.setAttribute("aria-busy", "true");
        try {
            const page = await getJSON("/articles", { ...this.filters, limit: PAGE_SIZE });
            if (generation !== this.generation) return;
            this.list.replaceChildren(...page.data.map(storyCard));
            this.total = page.meta.total;
            this.next = page.links.next ?? null;
        } catch (error) {
            if (generation !== this.generation) return;
            this.list.replaceChildren();
            this.total = 0;
            this.error.replaceChildren(errorBox("The stories could not be loaded.", error, () => this.load()));
        } finally {
            if (generation === this.generation) this.settle();
        }
    }

    async loadMore() {
        if (!this.next) return;
        const generation = this.generation;
        this.more.disabled = true;
        this.more.textContent = "Loading…";
        this.error.replaceChildren();
        try {
            const page = await getJSON(this.next);
            if (generation !== this.generation) return;
            const shown = new Set([...this.list.children].map((item) => item.dataset.id));
            const cards = page.data.filter((article) => !shown.has(article.id)).map(storyCard);
            this.list.append(...cards);
            this.next = page.links.next ?? null;
            // Keyboard and screen reader users continue where the new stories begin.
            cards[0]?.querySelector(".headline a")?.focus();
        } catch (error) {
            if (generation !== this.generation) return;
            this.error.replaceChildren(errorBox("More stories could not be loaded.", error, () => this.loadMore()));
        } finally {
            if (generation === this.generation) this.settle();
        }
    }

    settle() {
        this.list.removeAttribute("aria-busy");
        this.more.disabled = false;
        this.more.textContent = "Load more";
        this.more.hidden = !this.next;
        const count = this.list.children.length;
        if (this.error.childElementCount > 0 && count === 0) {
            this.status.textContent = "";
        } else if (count === 0) {
            this.status.textContent = this.filters.q ? `No stories match “${this.filters.q}”.` : "No stories here yet.";
        } else {
            this.status.textContent = `Showing ${count} of ${this.total} ${this.total === 1 ? "story" : "stories"}.`;
        }
    }

    /** Category navigation, topic chips and the language list: each optional, so a failure is only noted. */
    async loadFacets() {
        const [categories, tags, languages] = await Promise.allSettled([
            getJSON("/categories"),
            getJSON("/tags", { limit: 12 }),
            getJSON("/articles", { fields: "language", limit: 100 }),
        ]);
        const navItems = [h("li", {}, h("a", { href: "#/", "data-category": "" }, "All"))];
        if (categories.status === "fulfilled") {
            for (const { name } of categories.value.data) {
                navItems.push(h("li", {}, h("a", { href: frontHref({ category: name }), "data-category": name }, label(name))));
            }
        } else {
            navItems.push(h("li", { class: "facet-error" }, `Categories are unavailable: ${categories.reason.message}`));
        }
        this.categories.replaceChildren(...navItems);
        if (tags.status === "fulfilled") {
            const chips = tagChips(tags.value.data.map((tag) => tag.name));
            for (const chip of chips?.querySelectorAll("a.chip") ?? []) chip.dataset.tag = chip.textContent.slice(1);
            chips?.setAttribute("aria-label", "Topics");
            this.topics.replaceChildren(...(chips ? [chips] : []));
        } else {
            this.topics.replaceChildren(h("p", { class: "facet-error" }, `Topics are unavailable: ${tags.reason.message}`));
        }
        if (languages.status === "fulfilled") {
            for (const code of new Set(languages.value.data.map((article) => article.language))) this.ensureLanguageOption(code);
        }
        if (this.filters) this.renderFilters();
    }

    ensureLanguageOption(code) {
        if (!code || [...this.language.options].some((option) => option.value === code)) return;
        this.language.append(h("option", { value: code, lang: code }, languageName(code)));
    }
}
