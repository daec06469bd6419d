/**
 * Keeps the guard registered on exactly the other sites the coach granted (optional host permissions):
 * one dynamic content script, the same guard.js the five apps get from the manifest, at document_start.
 * Called at every service-worker start and whenever permissions change. Pure over two small interfaces,
 * so it is unit-tested with fakes.
 */
import { otherSitePatterns } from '../sites/other-sites';

export const OTHER_SITES_SCRIPT_ID = 'discreet-guard-other-sites';
/** The built guard content script (entrypoints/guard.ts; declared for the five apps in wxt.config.ts). */
export const GUARD_SCRIPT_FILE = 'guard.js';

export interface PermissionsLike {
  getAll(): Promise<{ origins?: string[] }>;
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: ContentScriptSpec[]): Promise<void>;
  updateContentScripts(scripts: ContentScriptSpec[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

export interface ContentScriptSpec {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: boolean;
}

function spec(matches: string[]): ContentScriptSpec {
  return { id: OTHER_SITES_SCRIPT_ID, matches, js: [GUARD_SCRIPT_FILE], runAt: 'document_start', allFrames: false };
}

function same(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const x = [...(a ?? [])].sort();
  return x.length === b.length && x.every((v, i) => v === b[i]);
}

/** Brings the registration in line with the granted permissions. Returns the patterns now guarded. */
export async function syncOtherSiteScripts(permissions: PermissionsLike, scripting: ScriptingLike): Promise<string[]> {
  const wanted = otherSitePatterns((await permissions.getAll()).origins);
  const [current] = await scripting.getRegisteredContentScripts({ ids: [OTHER_SITES_SCRIPT_ID] });
  if (wanted.length === 0) {
    if (current) await scripting.unregisterContentScripts({ ids: [OTHER_SITES_SCRIPT_ID] });
    return [];
  }
  if (!current) await scripting.registerContentScripts([spec(wanted)]);
  else if (!same(current.matches, wanted)) await scripting.updateContentScripts([spec(wanted)]);
  return wanted;
}

/**
 * Serialises syncs (permission events can arrive in bursts) and reports each outcome through `report`
 * (the background shows a failure on the toolbar icon: a failed sync must not pass silently).
 */
export function createOtherSitesSync(permissions: PermissionsLike, scripting: ScriptingLike, report: (ok: boolean) => void) {
  let chain: Promise<unknown> = Promise.resolve();
  return function sync(): Promise<string[]> {
    const next = chain.then(() => syncOtherSiteScripts(permissions, scripting));
    chain = next.then(
      () => report(true),
      () => report(false),
    );
    return next;
  };
}
