// The Dark/Light switch: a reader's choice is remembered in localStorage; until they choose, the
// page follows the system's prefers-color-scheme (and keeps following it if that changes).

const KEY = "dateline-theme";
const system = matchMedia("(prefers-color-scheme: dark)");

/** Wires the `[data-theme-choice]` buttons and applies the current theme. */
export function startThemeSwitch(group) {
    const buttons = [...group.querySelectorAll("[data-theme-choice]")];
    const apply = (theme) => {
        document.documentElement.dataset.theme = theme;
        for (const button of buttons) {
            button.setAttribute("aria-pressed", String(button.dataset.themeChoice === theme));
        }
    };
    for (const button of buttons) {
        button.addEventListener("click", () => {
            remember(button.dataset.themeChoice);
            apply(button.dataset.themeChoice);
        });
    }
    system.addEventListener("change", () => {
        if (!remembered()) apply(systemTheme());
    });
    apply(remembered() ?? systemTheme());
}

function systemTheme() {
    return system.matches ? "dark" : "light";
}

function remembered() {
    try {
        const theme = localStorage.getItem(KEY);
        return theme === "light" || theme === "dark" ? theme : null;
    } catch {
        return null;
    }
}

function remember(theme) {
    try {
        localStorage.setItem(KEY, theme);
    } catch {
        // Storage blocked: the choice lasts for this page only.
    }
}
