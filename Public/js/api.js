// The public API, and nothing else: GET requests that answer JSON or an RFC 9457 problem document.

/** A failed request, with a message a reader can understand (the problem's `detail` when there is one). */
export class ApiError extends Error {
    constructor(message, status) {
        super(message);
        this.name = "ApiError";
        this.status = status;
    }
}

/**
 * GETs `path` (which may already carry a query) with `params` added, and returns the parsed JSON.
 * `fresh: true` revalidates with the server instead of trusting the browser's cache (after a change event).
 */
export async function getJSON(path, params = {}, { fresh = false } = {}) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
    }
    const url = query.size > 0 ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path;
    let response;
    try {
        response = await fetch(url, { headers: { Accept: "application/json" }, cache: fresh ? "no-cache" : "default" });
    } catch {
        throw new ApiError("The news server could not be reached. Check your connection and try again.", 0);
    }
    if (!response.ok) throw await problem(response);
    try {
        return await response.json();
    } catch {
        throw new ApiError("The news server sent an answer this page could not read.", response.status);
    }
}

async function problem(response) {
    let detail = "";
    try {
        const body = await response.json();
        if (typeof body.detail === "string") detail = body.detail;
        if (Array.isArray(body.errors) && body.errors.length > 0) {
            const each = body.errors.map((e) => [e.parameter ?? e.field, e.message].filter(Boolean).join(": "));
            detail = `${detail} (${each.join("; ")})`.trim();
        }
    } catch {
        // Not a problem document (a proxy's error page, say): fall back to the status.
    }
    if (detail) return new ApiError(detail, response.status);
    if (response.status === 404) return new ApiError("There is nothing at this address.", 404);
    if (response.status >= 500) return new ApiError(`The news server had a problem (${response.status}). Try again in a moment.`, response.status);
    return new ApiError(`The request failed (${response.status}).`, response.status);
}
