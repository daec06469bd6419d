import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PROTECTED_HOSTS } from './src/sites/hosts';
import { OTHER_SITES_PERMISSION } from './src/sites/other-sites';
import { zodWithoutEval } from './scripts/zod-without-eval';
import { compactShadowCss } from './scripts/compact-shadow-css';


export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    plugins: [preact(), zodWithoutEval(), compactShadowCss()],
    build: {
      sourcemap: false,
      // Every supported browser (Chrome MV3, Firefox 140+) runs ES2022 as is: class #private members stay native
      // (and minify to short names) instead of being rewritten to WeakMaps.
      target: 'es2022',
      // Vite's modulepreload polyfill fetch()es <link rel=modulepreload> targets in browsers without
      // modulepreload; every browser Discreet supports has it, and shipping fetch() would muddy the
      // no-network check (scripts/check-release.ts).
      modulePreload: { polyfill: false },
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    // scripting: register the guard on the other sites the coach switches on (src/background/other-sites-scripts.ts).
    permissions: ['storage', 'alarms', 'contextMenus', 'scripting'],
    host_permissions: [...PROTECTED_HOSTS],
    // The guard (entrypoints/guard.ts, built as guard.js). Editors in frames are guarded too: same-origin
    // frames, and srcdoc / about:blank frames an app writes its compose into (Outlook's pop-out); each frame
    // runs its own guard with its own closed overlay. match_origin_as_fallback: also sandboxed (opaque-origin)
    // srcdoc / about:blank / data: / blob: frames of these apps, which match_about_blank alone skips
    // (test/e2e/frames.spec.ts checks that Chromium injects there).
    content_scripts: [
      {
        matches: [...PROTECTED_HOSTS],
        js: ['guard.js'],
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
      },
    ],
    // Any other https site, only when the coach switches it on and the browser has asked them (AI chats etc.).
    // Manifest V2 (Firefox) lists optional hosts among optional_permissions.
    ...(manifestVersion === 3 ? { optional_host_permissions: [OTHER_SITES_PERMISSION] } : { optional_permissions: [OTHER_SITES_PERMISSION] }),
    ...(manifestVersion === 3
      ? {
          content_security_policy: {
            extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
          },
        }
      : {
          content_security_policy: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions (Mozilla's "collects nothing" declaration) exists from Firefox 140 on
            // the desktop and 142 on Android; an older minimum makes web-ext lint warn that the key is unknown there.
            gecko: {
              id: 'discreet@discreet.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
