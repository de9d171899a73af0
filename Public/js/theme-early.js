// Runs before the first paint: apply the theme the reader chose on an earlier visit, if any.
// Without a choice, CSS follows prefers-color-scheme; js/theme.js takes over once the modules load.
try {
    const theme = localStorage.getItem("dateline-theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
    // Storage may be blocked (private mode): the system theme is used.
}
