// "Print this list": shown only where JavaScript runs (without it, the browser's own Print menu,
// which the page explains, does the same).
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print-button]')) {
  button.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  button.addEventListener('click', () => window.print());
}
