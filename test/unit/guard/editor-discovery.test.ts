import { describe, expect, it } from 'vitest';
import { frameHostname } from '../../../src/guard/editor-discovery';

const origins = (...o: string[]) => Object.assign([...o], { contains: (s: string) => o.includes(s), item: (i: number) => o[i] ?? null }) as unknown as DOMStringList;

describe('frameHostname: whose adapters apply in a frame', () => {
  it('a page with a host of its own: that host', () => {
    expect(frameHostname({ hostname: 'mail.google.com' }, 'https://mail.google.com')).toBe('mail.google.com');
  });
  it('about:blank / srcdoc: the origin it inherited from its creator', () => {
    expect(frameHostname({ hostname: '' }, 'https://outlook.office.com')).toBe('outlook.office.com');
  });
  it('a sandboxed (opaque-origin) frame: the app of the page that holds it', () => {
    expect(frameHostname({ hostname: '', ancestorOrigins: origins('https://outlook.office.com', 'https://x.example') }, 'null')).toBe('outlook.office.com');
  });
  it('a sandboxed frame inside another opaque frame, or without ancestorOrigins (Firefox): no host', () => {
    expect(frameHostname({ hostname: '', ancestorOrigins: origins('null') }, 'null')).toBe('');
    expect(frameHostname({ hostname: '' }, 'null')).toBe('');
  });
});
