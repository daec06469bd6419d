/**
 * A small, quiet notice that protection is paused (vault locked or not set up yet).
 * Drawn in a closed shadow root so the page's own scripts cannot read it.
 */
export function showPausedNotice(reason: 'setup' | 'locked'): void {
  const draw = () => {
    const host = document.createElement('discreet-notice');
    const root = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.textContent =
      reason === 'setup'
        ? 'Discreet: bescherming staat uit — stel eerst je cliëntenlijst in.'
        : 'Discreet: bescherming gepauzeerd — ontgrendel je cliëntenlijst.';
    box.style.cssText =
      'position:fixed;bottom:12px;right:12px;z-index:2147483647;font:13px system-ui,sans-serif;' +
      'background:#fff8e1;color:#3b2f00;border:1px solid #e0c36a;border-radius:6px;padding:6px 10px;';
    root.append(box);
    document.documentElement.append(host);
  };
  if (document.body) draw();
  else document.addEventListener('DOMContentLoaded', draw, { once: true });
}
