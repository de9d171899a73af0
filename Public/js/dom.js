// Building DOM nodes. Every string child becomes a Text node and attributes are set one by one,
// so text from the API is never parsed as HTML.

/**
 * Creates an element: `h("a", { href: "#/", class: "brand" }, "Dateline")`.
 * Props: `class`, `onclick`-style listeners, anything else as an attribute (true → present, false/null → absent).
 * Children: nodes, strings (inserted as text), arrays of them; null/undefined/false are skipped.
 */
export function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "class") {
            node.className = value;
        } else if (key.startsWith("on") && typeof value === "function") {
            node.addEventListener(key.slice(2), value);
        } else {
            node.setAttribute(key, value === true ? "" : String(value));
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) continue;
        if (Array.isArray(child)) append(node, child);
        else node.append(child); // a string becomes a Text node
    }
}

/** A box that tells the reader in words what went wrong, with a button to try again. */
export function errorBox(headline, error, retry) {
    return h("div", { class: "error", role: "alert" },
        h("p", { class: "error-headline" }, headline),
        h("p", { class: "error-detail" }, error.message),
        retry && h("button", { type: "button", onclick: retry }, "Try again"));
}
