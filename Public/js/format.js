// Words for values: dates, categories, languages.

/** "September 6, 2025", in `locale` when the browser knows it (UTC: the newsroom's day, not the reader's). */
export function formatDate(timestamp, locale = "en-US") {
    const date = new Date(timestamp);
    if (!timestamp || Number.isNaN(date.getTime())) return "";
    try {
        return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
    } catch {
        return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
    }
}

/** "security-guarantees" → "Security guarantees". */
export function label(slug) {
    const words = String(slug).replaceAll("-", " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A language's own name ("Kiswahili" for sw), falling back to the tag itself. */
export function languageName(tag) {
    try {
        const own = new Intl.DisplayNames([tag], { type: "language" }).of(tag);
        return own ? own.charAt(0).toLocaleUpperCase(tag) + own.slice(1) : tag;
    } catch {
        return tag;
    }
}
