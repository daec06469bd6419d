import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PROTECTED_HOSTS } from './src/sites/hosts';
import { zodWithoutEval } from './scripts/zod-without-eval';


export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    plugins: [preact(), zodWithoutEval()],
    build: {
      sourcemap: false,
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
    permissions: ['storage', 'alarms', 'contextMenus'],
    host_permissions: [...PROTECTED_HOSTS],
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
