/**
 * document.open() on a document ERASES every event listener on it and on its window, the guard's
 * included, and drops its closed hosts with the old content. Apps do exactly that to write a compose into
 * an about:blank frame (document.open / write / close). Without this watch the frame would go on
 * unguarded and silent; with it, the guard is installed afresh on the rewritten document.
 */
export function watchDocumentReopen(onErased: () => void): void {
  // A listener only we know the name of: if our own dispatch no longer reaches it, listeners were erased.
  // (Page scripts cannot listen for a name they do not know; nothing here is visible in the DOM.)
  const type = `discreet-${crypto.randomUUID()}`;
  let alive = false;
  const arm = () => window.addEventListener(type, () => (alive = true));
  arm();
  let root = document.documentElement;
  new MutationObserver(() => {
    const now = document.documentElement;
    if (!now || now === root) return; // mid-rewrite (no root yet) or nothing replaced
    root = now;
    alive = false;
    window.dispatchEvent(new Event(type));
    if (alive) return; // the root was swapped by DOM calls: our listeners are still there
    arm();
    onErased();
  }).observe(document, { childList: true });
}

export function isEditable(t: EventTarget | undefined): boolean {
  return t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable);
}
