/**
 * Offline fixtures of the apps Discreet guards, served at their REAL origins.
 *
 * API (stable; other specs rely on it):
 *
 *   const app = await openApp(session.context, 'slack');   // or openApp(context, app, { page })
 *   app.page                          the Playwright Page, at app.url
 *   app.surface('channel')            → Surface (throws on an unknown name); app.surfaces lists them all
 *     .root                           the compose container (dialog, form, pane…)
 *     .editor                         the editable element (contenteditable / textarea)
 *     .send                           the app's own send / post / comment button
 *     .subject?, .recipients?         Gmail/Outlook: subject input; recipient chips
 *     .recipientInput?                Gmail/Outlook: where new addresses are typed
 *   await app.sent()                  → Sent[]: what the app's own send handlers recorded
 *                                       ({app, surface, text, html?, subject?, to?}), read from the
 *                                       editor's model (Quill/TipTap getText, CKEditor model, innerText, value)
 *   await app.editorText('channel')   → the surface's current model text (what a send would send now),
 *                                       read through window.__editors
 *   app.sendKey('channel')            → the keyboard send shortcut for that surface ('Enter', 'Control+Enter'), or null
 *
 * Apps and surfaces (see APPS below for URLs):
 *   gmail               compose1, compose2 (docked windows), reply (inline in the thread)
 *   outlook             compose (reading pane)
 *   linkedin-feed       post (Quill share box), comment (TipTap)
 *   linkedin-messaging  message (plain contenteditable, Press Enter to Send)
 *   teams               chat (CKEditor 5)
 *   slack               channel, thread (Quill)
 *   chatbot             prompt (textarea, chatgpt.com; NOT in the extension's default hosts)
 *
 * Network: openApp() installs a page.route('**\/*') that serves the fixture's files at the app's
 * origin (HTML for the app's paths, /_fixture/<app>/* for its JS/CSS, 404 for anything else there)
 * and ABORTS every request to any other http(s) host, so nothing leaves the machine.
 * routeFixtures(contextOrPage, extra?) installs the same rules for ALL fixture apps (the demo
 * uses it on the whole context, with `extra` serving its own start page).
 * The fixtures must be built first: Playwright's global setup runs test/fixtures/build-fixtures.ts.
 */
import type { BrowserContext, Locator, Page, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type AppName = 'gmail' | 'outlook' | 'linkedin-feed' | 'linkedin-messaging' | 'teams' | 'slack' | 'chatbot';

export interface Sent {
  app: string;
  surface: string;
  text: string;
  html?: string;
  subject?: string;
  to?: string[];
}

interface SurfaceSpec {
  root: string;
  editor: string;
  send: string;
  subject?: string;
  recipients?: string;
  recipientInput?: string;
  /** Keyboard shortcut that sends from inside the editor, if the app has one. */
  sendKey: string | null;
  /** Shift+Enter inserts a line break (rather than sending or doing nothing special). */
  softBreak: boolean;
}

interface AppSpec {
  /** Where openApp navigates. */
  url: string;
  origin: string;
  /** Paths (prefixes) on the origin that load this app's index.html. */
  paths: string[];
  surfaces: Record<string, SurfaceSpec>;
  /** Extra response headers on the app's HTML (e.g. Gmail's Trusted Types CSP). */
  headers?: Record<string, string>;
  /** Kind of editor behind the surfaces, for tests that check model state / undo. */
  editorKind: 'contenteditable' | 'quill' | 'tiptap' | 'ckeditor' | 'textarea' | 'mixed';
}

const gmailSurface = (rootSel: string): SurfaceSpec => ({
  root: rootSel,
  editor: `${rootSel} .Ap [g_editable=true]`,
  send: `${rootSel} .IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])`,
  subject: `${rootSel} input[name=subjectbox]`,
  recipients: `${rootSel} .anm[name=to] [role=option][data-hovercard-id], ${rootSel} .anm[name=cc] [role=option][data-hovercard-id]`,
  recipientInput: `${rootSel} .anm[name=to] input`,
  sendKey: 'Control+Enter',
  softBreak: true,
});

export const APPS: Record<AppName, AppSpec> = {
  gmail: {
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ1',
    origin: 'https://mail.google.com',
    paths: ['/mail/'],
    // Gmail has enforced Trusted Types since 2024: page scripts may not assign HTML strings to sinks.
    headers: { 'content-security-policy': "require-trusted-types-for 'script'" },
    editorKind: 'contenteditable',
    surfaces: {
      compose1: gmailSurface('[role=dialog][data-fx-surface=compose1]'),
      compose2: gmailSurface('[role=dialog][data-fx-surface=compose2]'),
      reply: { ...gmailSurface('.ip.adB .M9'), subject: undefined },
    },
  },
  outlook: {
    url: 'https://outlook.office.com/mail/',
    origin: 'https://outlook.office.com',
    paths: ['/mail/'],
    editorKind: 'contenteditable',
    surfaces: {
      compose: {
        root: '#ReadingPaneContainerId',
        editor: '#editorParent_1 div[role=textbox][contenteditable=true][aria-label^="Message body"]',
        send: '[data-testid=ComposeSendButton] button',
        subject: '#ReadingPaneContainerId input[aria-label="Add a subject"]',
        recipients: '#ReadingPaneContainerId [role=group] ._EType_RECIPIENT_ENTITY',
        recipientInput: '#ReadingPaneContainerId div[role=textbox][contenteditable=true][aria-label="To"]',
        sendKey: 'Control+Enter',
        softBreak: true,
      },
    },
  },
  'linkedin-feed': {
    url: 'https://www.linkedin.com/feed/',
    origin: 'https://www.linkedin.com',
    paths: ['/feed/'],
    editorKind: 'mixed',
    surfaces: {
      post: {
        root: '[data-test-modal-id=sharebox]',
        editor: '[data-test-modal-id=sharebox] .ql-editor[data-test-ql-editor-contenteditable=true]',
        send: 'button.share-actions__primary-action',
        sendKey: null,
        softBreak: true,
      },
      comment: {
        root: '.fx-comment-box',
        editor: '[data-testid="ui-core-tiptap-text-editor-wrapper"] div.tiptap.ProseMirror[contenteditable=true][role=textbox]',
        send: '.fx-comment-box [componentkey*="commentButtonSection"] button',
        sendKey: null,
        softBreak: true,
      },
    },
  },
  'linkedin-messaging': {
    url: 'https://www.linkedin.com/messaging/thread/1/',
    origin: 'https://www.linkedin.com',
    paths: ['/messaging/'],
    editorKind: 'contenteditable',
    surfaces: {
      message: {
        root: 'form.msg-form',
        editor: 'form.msg-form .msg-form__contenteditable[contenteditable=true]',
        send: 'form.msg-form button.msg-form__send-button',
        sendKey: 'Enter',
        softBreak: true,
      },
    },
  },
  teams: {
    url: 'https://teams.microsoft.com/v2/',
    origin: 'https://teams.microsoft.com',
    paths: ['/v2/', '/_#/'],
    editorKind: 'ckeditor',
    surfaces: {
      chat: {
        root: '[data-tid=fx-compose-box]',
        editor: 'div[data-tid=ckeditor][id^="new-message-"][contenteditable=true]',
        send: 'button[data-tid="newMessageCommands-send"]',
        sendKey: 'Enter',
        softBreak: true,
      },
    },
  },
  slack: {
    url: 'https://app.slack.com/client/T123/C123',
    origin: 'https://app.slack.com',
    paths: ['/client/'],
    editorKind: 'quill',
    surfaces: {
      channel: {
        root: '.p-view_contents--primary .c-wysiwyg_container',
        editor: '.p-view_contents--primary div[data-qa=message_input].ql-container .ql-editor',
        send: '.p-view_contents--primary [data-qa=texty_send_button]',
        sendKey: 'Enter',
        softBreak: true,
      },
      thread: {
        root: '[data-qa=rhs_container] .c-wysiwyg_container',
        editor: '[data-qa=rhs_container] div[data-qa=message_input].ql-container .ql-editor',
        send: '[data-qa=rhs_container] [data-qa=texty_send_button]',
        sendKey: 'Enter',
        softBreak: true,
      },
    },
  },
  chatbot: {
    url: 'https://chatgpt.com/',
    origin: 'https://chatgpt.com',
    paths: ['/', '/c/'],
    editorKind: 'textarea',
    surfaces: {
      prompt: {
        root: 'form.fx-composer',
        editor: 'form.fx-composer textarea#prompt-textarea',
        send: 'form.fx-composer button[data-testid=send-button]',
        sendKey: 'Enter',
        softBreak: true,
      },
    },
  },
};

export const APP_NAMES = Object.keys(APPS) as AppName[];

export const FIXTURES_DIST = path.resolve('test/fixtures/.dist');

export interface Surface {
  name: string;
  root: Locator;
  editor: Locator;
  send: Locator;
  subject?: Locator;
  recipients?: Locator;
  recipientInput?: Locator;
}

export interface AppHandle {
  app: AppName;
  page: Page;
  url: string;
  surfaces: Record<string, Surface>;
  surface(name: string): Surface;
  sendKey(name: string): string | null;
  softBreak(name: string): boolean;
  sent(): Promise<Sent[]>;
  editorText(name: string): Promise<string>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function fileResponse(file: string, headers?: Record<string, string>) {
  return { status: 200, contentType: MIME[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file), headers };
}

/** Which fixture file answers this URL (and which app's page it is), or null (→ 404 on a fixture origin). */
export function resolveFixtureFile(url: URL): { file: string; page?: AppName } | null {
  const asset = /^\/_fixture\/([a-z-]+)\/([\w.-]+)$/.exec(url.pathname);
  if (asset) {
    const [, app, file] = asset;
    if (!(app! in APPS) || APPS[app as AppName].origin !== url.origin || file === 'index.html') return null;
    const f = path.join(FIXTURES_DIST, app!, file!);
    return existsSync(f) ? { file: f } : null;
  }
  // Longest matching path prefix wins (linkedin.com hosts two fixtures).
  let best: { app: AppName; len: number } | null = null;
  for (const name of APP_NAMES) {
    const spec = APPS[name];
    if (spec.origin !== url.origin) continue;
    for (const p of spec.paths) {
      const hit = p === '/' ? url.pathname === '/' : url.pathname.startsWith(p); // '/' means the home page only
      if (hit && (!best || p.length > best.len)) best = { app: name, len: p.length };
    }
  }
  if (!best) return null;
  const f = path.join(FIXTURES_DIST, best.app, 'index.html');
  return existsSync(f) ? { file: f, page: best.app } : null;
}

const FIXTURE_ORIGINS = new Set(APP_NAMES.map((a) => APPS[a].origin));

export type ExtraRoutes = (url: URL, route: Route) => Promise<boolean> | boolean;

/**
 * Serves every fixture app at its real origin and aborts every other http(s) request.
 * `extra` may answer a request first (return true when it did).
 */
export async function routeFixtures(target: BrowserContext | Page, extra?: ExtraRoutes): Promise<void> {
  if (!existsSync(FIXTURES_DIST)) {
    throw new Error(`No built fixtures in ${FIXTURES_DIST}: run \`npx tsx test/fixtures/build-fixtures.ts\`.`);
  }
  await target.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue(); // chrome-extension:, data:, blob:
    if (extra && (await extra(url, route))) return;
    if (FIXTURE_ORIGINS.has(url.origin)) {
      const hit = resolveFixtureFile(url);
      if (!hit) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return route.fulfill(fileResponse(hit.file, hit.page ? APPS[hit.page].headers : undefined));
    }
    return route.abort('blockedbyclient'); // nothing leaves the machine
  });
}

/** Runs in the page: the current text of a surface's editor, read from its model. */
function modelText(surface: string): string {
  const ed = (window as any).__editors?.[surface];
  if (!ed) throw new Error(`no editor registered for ${surface}`);
  if (ed instanceof HTMLTextAreaElement) return ed.value;
  if (ed instanceof HTMLElement) return ed.innerText.replace(/\u00a0/g, ' ').replace(/\n+$/, '');
  if (typeof ed.getData === 'function' && ed.model) {
    // CKEditor 5: blocks joined by \n, soft breaks as \n.
    const blocks: string[] = [];
    for (const block of ed.model.document.getRoot().getChildren()) {
      let t = '';
      for (const child of block.getChildren()) t += child.is('$text') ? child.data : child.is('element', 'softBreak') ? '\n' : '';
      blocks.push(t);
    }
    return blocks.join('\n');
  }
  if (typeof ed.getText === 'function' && ed.commands) return ed.getText({ blockSeparator: '\n' }); // TipTap
  if (typeof ed.getText === 'function') return ed.getText().replace(/\n$/, ''); // Quill
  throw new Error(`unknown editor kind for ${surface}`);
}

function surfaceLocators(page: Page, name: string, spec: SurfaceSpec): Surface {
  return {
    name,
    root: page.locator(spec.root).first(),
    editor: page.locator(spec.editor),
    send: page.locator(spec.send),
    subject: spec.subject ? page.locator(spec.subject) : undefined,
    recipients: spec.recipients ? page.locator(spec.recipients) : undefined,
    recipientInput: spec.recipientInput ? page.locator(spec.recipientInput) : undefined,
  };
}

/**
 * Opens a fixture app at its real URL in a new page (or `options.page`), with all other network
 * aborted, and waits until every editor of the app is ready.
 */
export async function openApp(context: BrowserContext, app: AppName, options: { page?: Page } = {}): Promise<AppHandle> {
  const spec = APPS[app];
  if (!spec) throw new Error(`Unknown fixture app: ${app}`);
  const page = options.page ?? (await context.newPage());
  if (!(page as any).__discreetFixturesRouted) {
    await routeFixtures(page);
    (page as any).__discreetFixturesRouted = true;
  }
  await page.goto(spec.url);
  await page.locator('html[data-fixture-ready=true]').waitFor({ state: 'attached', timeout: 15_000 });
  const surfaces: Record<string, Surface> = {};
  for (const [name, s] of Object.entries(spec.surfaces)) {
    surfaces[name] = surfaceLocators(page, name, s);
    await surfaces[name]!.editor.waitFor({ state: 'visible', timeout: 15_000 });
  }
  const surfaceSpec = (name: string): SurfaceSpec => {
    const s = spec.surfaces[name];
    if (!s) throw new Error(`${app} has no surface "${name}" (has: ${Object.keys(spec.surfaces).join(', ')})`);
    return s;
  };
  return {
    app,
    page,
    url: spec.url,
    surfaces,
    surface(name) {
      surfaceSpec(name);
      return surfaces[name]!;
    },
    sendKey: (name) => surfaceSpec(name).sendKey,
    softBreak: (name) => surfaceSpec(name).softBreak,
    sent: () => page.evaluate(() => JSON.parse(JSON.stringify((window as any).__sent ?? [])) as Sent[]),
    editorText: (name) => {
      surfaceSpec(name);
      return page.evaluate(modelText, name);
    },
  };
}
