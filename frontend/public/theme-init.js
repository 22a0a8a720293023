// Applies the saved theme before the first paint (frontend.md §5.2 "no flash"). A file, not
// an inline script, so a strict Content-Security-Policy (script-src 'self') still allows it.
// Only the dark-mode preference is stored here — never a token (frontend.md §1).
(function () {
  try {
    var t = localStorage.getItem('patentrack.theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch (e) {
    /* storage disabled: follow the system setting */
  }
})();
