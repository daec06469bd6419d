/**
 * Static check that the shipped bundles hold no code that could reach the network.
 *
 * Every text file of a build (JS, HTML, CSS, JSON; the manifest is checked separately by manifest.ts)
 * is searched for network APIs and for absolute URLs. Each hit must be explained by an entry of
 * NETWORK_ALLOWLIST (test/release/network-allowlist.ts), which names the exact token and the code around
 * it, so the same identifier somewhere else is still reported. Pure: scripts/check-release.ts runs it on
 * the builds, test/unit/release/network-scan.test.ts on synthetic code.
 */

export interface NetworkPattern {
  id: string;
  regex: RegExp;
}

/** What could send a request, open a connection, or load code or data from elsewhere. */
export const NETWORK_PATTERNS: NetworkPattern[] = [
  { id: 'fetch', regex: /\bfetch\s*\(/g },
  { id: 'XMLHttpRequest', regex: /\bXMLHttpRequest\b/g },
  { id: 'WebSocket', regex: /\bWebSocket\b/g },
  { id: 'EventSource', regex: /\bEventSource\b/g },
  { id: 'sendBeacon', regex: /\bsendBeacon\b/g },
  { id: 'importScripts', regex: /\bimportScripts\b/g },
  { id: 'WebTransport', regex: /\bWebTransport\b/g },
  { id: 'RTCPeerConnection', regex: /\bRTCPeerConnection\b/g },
  // Opens a web page of ours when the extension is removed: a classic telemetry channel.
  { id: 'setUninstallURL', regex: /\bsetUninstallURL\b/g },
  // A worker can load a script from elsewhere.
  { id: 'Worker', regex: /\b(?:Shared)?Worker\s*\(/g },
  { id: 'serviceWorker.register', regex: /\bserviceWorker\s*\.\s*register\b/g },
  // import() of anything but a relative literal (bundles only ever import their own ./chunks).
  { id: 'dynamic-import', regex: /(?<![\w$.]|\basync\s+|\bstatic\s+)import\s*\(\s*(?![`'"]\.{0,2}\/)/g },
  // Opening a web page can carry data in its URL; the extension's own pages go through runtime.getURL.
  { id: 'window.open', regex: /\bwindow\.open\s*\(/g },
  { id: 'open-tab', regex: /\b(?:tabs|windows)\.(?:create|update)\(\s*\{\s*url\s*:\s*(?![\w$.]*(?:runtime|extension)\.getURL\()/g },
  // Any absolute URL: a request target, a remote import, a tracking pixel, a CSS url(), a link.
  { id: 'url', regex: /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\,]*/g },
];

export interface AllowEntry {
  /** Short name used in reports. */
  id: string;
  /** Which NETWORK_PATTERNS id this entry explains. */
  pattern: string;
  /** The hit text must equal this string or match this regex (anchored by the entry itself). */
  match: string | RegExp;
  /**
   * Must match the code around the hit (CONTEXT characters either side), so an allowed token in
   * some other place is still reported.
   */
  context?: RegExp;
  /** Where the code comes from and why it cannot reach the network. */
  why: string;
}

/** Characters either side of a hit that an entry's `context` is matched against and that reports show. */
export const CONTEXT = 160;

export interface Hit {
  file: string;
  pattern: string;
  text: string;
  offset: number;
  line: number;
  excerpt: string;
  allowedBy?: string;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function excerpt(text: string, start: number, end: number, around = 60): string {
  const a = Math.max(0, start - around);
  const b = Math.min(text.length, end + around);
  return (a > 0 ? '…' : '') + text.slice(a, b).replace(/\s+/g, ' ') + (b < text.length ? '…' : '');
}

function allows(entry: AllowEntry, hit: { pattern: string; text: string }, around: string): boolean {
  if (entry.pattern !== hit.pattern) return false;
  const textOk = typeof entry.match === 'string' ? entry.match === hit.text : new RegExp(`^(?:${entry.match.source})$`, entry.match.flags.replace('g', '')).test(hit.text);
  return textOk && (!entry.context || entry.context.test(around));
}

/** Every network-capable token or URL in one file, each marked with the allow-list entry that explains it. */
export function scanText(file: string, text: string, allowlist: AllowEntry[]): Hit[] {
  const hits: Hit[] = [];
  for (const { id, regex } of NETWORK_PATTERNS) {
    for (const m of text.matchAll(new RegExp(regex.source, regex.flags))) {
      const offset = m.index!;
      const hitText = m[0];
      const around = text.slice(Math.max(0, offset - CONTEXT), offset + hitText.length + CONTEXT);
      const entry = allowlist.find((e) => allows(e, { pattern: id, text: hitText }, around));
      hits.push({
        file,
        pattern: id,
        text: hitText,
        offset,
        line: lineOf(text, offset),
        excerpt: excerpt(text, offset, offset + hitText.length),
        allowedBy: entry?.id,
      });
    }
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

/** Files of a build that are scanned: everything textual except the manifest. */
export function isScanned(relativePath: string): boolean {
  return /\.(m?js|html|css|json|txt|svg)$/i.test(relativePath) && relativePath !== 'manifest.json';
}
