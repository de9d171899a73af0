// Routes live in the URL's fragment, so every view has a shareable link and the back button works
// without any server-side fallback: `#/` (with optional filters) and `#/articles/{slug}`.

/** The front page's filters, the names the API uses for them. */
export const FILTERS = ["q", "category", "tag", "lang"];

/** `{ name: "front", filters }`, `{ name: "story", ref }` or `{ name: "unknown" }`. */
export function parseRoute(hash) {
    const raw = hash.replace(/^#/, "") || "/";
    const mark = raw.indexOf("?");
    const path = mark < 0 ? raw : raw.slice(0, mark);
    const query = new URLSearchParams(mark < 0 ? "" : raw.slice(mark + 1));
    if (path === "/" || path === "") {
        const filters = {};
        for (const name of FILTERS) {
            const value = query.get(name)?.trim();
            if (value) filters[name] = value;
        }
        return { name: "front", filters };
    }
    const story = /^\/articles\/([^/]+)$/.exec(path);
    if (story) {
        try {
            return { name: "story", ref: decodeURIComponent(story[1]) };
        } catch {
            return { name: "unknown" };
        }
    }
    return { name: "unknown" };
}

/** The link to the front page with these filters. */
export function frontHref(filters = {}) {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
        if (filters[name]) query.set(name, filters[name]);
    }
    return query.size > 0 ? `#/?${query}` : "#/";
}

/** The link to a story. */
export function storyHref(slug) {
    return `#/articles/${encodeURIComponent(slug)}`;
}
