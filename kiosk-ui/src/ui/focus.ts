/**
 * Keeping the keyboard focus on a screen whose buttons come and go with the server's views.
 * When the focused element is removed (the action moved the session on) or disabled (its
 * action is running), the browser drops the focus to `<body>`; `keepFocus` puts it back on
 * that element once it is usable again, or, when it is gone, on `fallback()` (e.g. the
 * session's heading, or the scanner when the lane is idle). A focus the user moved elsewhere
 * is never taken away.
 */

/** How long a disabled element keeps its claim on the focus (ms). */
const STILL_DISABLED_MS = 1_500;

/** Whether nothing on the page has the focus. */
function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/** Watches `root`; returns the function that stops watching. */
export function keepFocus(root: HTMLElement, fallback: () => HTMLElement | null): () => void {
  let last: HTMLElement | null = null;
  let queued = false;
  const onFocusIn = (e: FocusEvent) => {
    if (e.target instanceof HTMLElement) last = e.target;
  };
  const rescue = () => {
    queued = false;
    if (!focusLost()) return;
    if (last?.isConnected && last.hasAttribute('disabled')) {
      // still there: back to it once its action has finished (the next mutation), or to the
      // fallback if it stays disabled (nothing left to do with it)
      const waiting = last;
      setTimeout(() => {
        if (focusLost()) (waiting.isConnected && !waiting.hasAttribute('disabled') ? waiting : fallback())?.focus();
      }, STILL_DISABLED_MS);
      return;
    }
    (last?.isConnected ? last : fallback())?.focus();
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(rescue);
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  root.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn);
  };
}
