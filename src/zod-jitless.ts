/**
 * Zod 4 builds fast parsers with `new Function` when it finds eval allowed, and probes for that with a
 * `new Function('')` on first use. Discreet's CSP forbids eval, so the probe only throws (and a strict CSP
 * reports it as a violation). `jitless` skips both. It must run before any schema is built (zod decides per
 * schema at construction), so every entry point that uses zod imports this module FIRST.
 */
import { z } from 'zod';

z.config({ jitless: true });
