/**
 * The explicit, small list of network-looking code that is allowed in the shipped bundles, each with the
 * reason it cannot reach the network. Checked by scripts/check-release.ts (see network-scan.ts).
 *
 * Rules for an entry: name the exact token (`match`) and the code around it (`context`), so the same API
 * used anywhere else is still reported; say where it comes from and why it is unreachable or harmless.
 * An entry that no longer matches anything in any build fails the check: delete it.
 * Prefer removing the code (a bundler option, a different import) over adding an entry.
 */
import { PROTECTED_HOSTS } from '../../src/sites/hosts';
import type { AllowEntry } from './network-scan';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const NETWORK_ALLOWLIST: AllowEntry[] = [
  {
    id: 'protected-host-match-patterns',
    pattern: 'url',
    match: new RegExp(PROTECTED_HOSTS.map(escape).join('|')),
    why:
      'The match patterns of src/sites/hosts.ts, kept in the content script by defineContentScript({ matches }) ' +
      'and used to recognise the page the script runs on. Patterns ending in /* are compared, never requested.',
  },
  {
    id: 'other-sites-presets',
    pattern: 'url',
    match: /^https:\/\/(?:chatgpt\.com|chat\.openai\.com|claude\.ai|gemini\.google\.com|copilot\.microsoft\.com)\/\*$|^https:\/\/\*\/\*$/,
    why:
      'Match patterns of the AI-chat presets and the optional host permission (src/sites/other-sites.ts): passed to ' +
      'permissions.request / scripting.registerContentScripts when the coach switches a site on, never fetched.',
  },
  {
    id: 'other-sites-pattern-builders',
    pattern: 'url',
    match: /https:\/\/\$\{[\w$.]+\}(?:\/\*)?/,
    context: /not-https|reason:`already`|permissions\.contains\(\{origins/,
    why:
      'Builds the match pattern "https://<host>/*" of a site the coach typed (src/sites/other-sites.ts) and checks the ' +
      'popup tab\'s host against the granted permissions (src/ui/popup.tsx). Compared and granted, never fetched.',
  },
  {
    id: 'preact-xml-namespaces',
    pattern: 'url',
    match: /http:\/\/www\.w3\.org\/(?:2000\/svg|1998\/Math\/MathML|1999\/xhtml)/,
    context: /createElementNS|namespaceURI|==`svg`|==`math`|foreignObject|xlink/,
    why: 'XML namespace names Preact passes to document.createElementNS for SVG/MathML; namespace URIs are identifiers, never fetched.',
  },
  {
    id: 'zod-ipv6-url-parse',
    pattern: 'url',
    match: /http:\/\/\[\$\{\w+\}\]/,
    context: /\$ZodIPv6/,
    why:
      'zod 4 validates an IPv6 address by parsing `http://[addr]` with the URL constructor (z.ipv6()). ' +
      'Parsing a URL makes no request.',
  },
  {
    id: 'zod-json-schema-ids',
    pattern: 'url',
    match: /https?:\/\/json-schema\.org\/draft(?:-0[47]\/schema#|\/2020-12\/schema)/,
    context: /\$schema=/,
    why:
      'The `$schema` identifier strings zod writes into the output of z.toJSONSchema() (which Discreet does not call; ' +
      'kept because zod\'s namespace object references it). An identifier in a JSON document, never fetched.',
  },
  {
    id: 'wxt-storage-error-text',
    pattern: 'url',
    match: /https:\/\/github\.com\/wxt-dev\/wxt\/issues\/371|https:\/\/wxt\.dev\/guide\/go-further\/testing\.html/,
    context: /'wxt\/storage' must be loaded in a web extension environment|mock 'wxt\/browser' correctly/,
    why: 'Help links inside the text of an Error that wxt/storage throws when loaded outside an extension. Text, not a request.',
  },
  {
    id: 'papaparse-network-streamer',
    pattern: 'XMLHttpRequest',
    match: 'XMLHttpRequest',
    context: /_readChunk=function\(\)\{[^]*new XMLHttpRequest,this\._config\.withCredentials/,
    why:
      "papaparse's NetworkStreamer, used only by Papa.parse(url, { download: true }). Discreet parses strings " +
      '(src/vault/import/csv.ts) and never passes `download`; scripts/check-release.ts fails if any source file that ' +
      'imports papaparse sets a `download:` or `worker:` option. The extension CSP has no connect-src exception either way.',
  },
  {
    id: 'papaparse-blob-worker',
    pattern: 'Worker',
    match: /Worker\s*\(/,
    context: /IS_PAPA_WORKER/,
    why:
      'papaparse starts a Worker from a Blob URL of its own code only for Papa.parse(..., { worker: true }), which ' +
      'Discreet never passes (checked as above). A Blob URL is local; nothing is loaded from elsewhere.',
  },
  {
    id: 'webextension-polyfill-api-table',
    pattern: 'setUninstallURL',
    match: 'setUninstallURL',
    context: /setUninstallURL:\{minArgs:1,maxArgs:1\}/,
    why:
      "An entry in webextension-polyfill's table of argument counts for every runtime.* method (it wraps them " +
      'all). Describing the method does not call it; Discreet never calls runtime.setUninstallURL.',
  },
];
