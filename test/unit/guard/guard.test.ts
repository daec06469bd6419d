// @vitest-environment happy-dom
/**
 * The guard's decisions, driven by events marked trusted (happy-dom cannot make real user input).
 * The background is faked: it reports every "Bram Koster" in the text as a client mention.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      sendMessage: vi.fn(async (m: { type: string; text?: string }) => {
        if (m.type !== 'scan') return { ok: true };
        const findings = [];
        for (let i = m.text!.indexOf('Bram Koster'); i >= 0; i = m.text!.indexOf('Bram Koster', i + 1)) {
          findings.push({ start: i, end: i + 11, clientId: 'b', clientLabel: 'Bram Koster', kind: 'name', severity: 'high', evidence: 'name' });
        }
        return { locked: false, findings };
      }),
    },
  },
}));

const { Guard } = await import('../../../src/guard/guard');

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
const down = (key: string, init: KeyboardEventInit = {}) => trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
const up = (key: string) => trusted(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
const mouse = (type: string) => trusted(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));

let sent: string[];
let editor: HTMLElement;
let button: HTMLButtonElement;

/** A Slack-like composer whose app sends on Enter (keydown) or on the button's mousedown. */
function mountApp() {
  document.body.innerHTML = `<span data-qa="channel_name">general</span><div class="c-wysiwyg_container">
    <div data-qa="message_input" data-channel-id="C1"><div class="ql-editor" contenteditable="true" aria-label="Message #general"></div></div>
    <button data-qa="texty_send_button" type="button">Send</button></div>`;
  editor = document.querySelector('.ql-editor')!;
  button = document.querySelector('button')!;
  sent = [];
  const send = () => {
    if (!editor.textContent) return;
    sent.push(editor.textContent);
    editor.textContent = '';
  };
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) send();
  });
  // Most apps send on click; some on mousedown.
  button.addEventListener('mousedown', () => sendOn === 'mousedown' && send());
  button.addEventListener('click', () => sendOn === 'click' && send());
  for (const type of ['mouseup', 'click']) button.addEventListener(type, () => reached.push(type));
  reached = [];
  sendOn = 'click';
}
let reached: string[];
let sendOn: 'click' | 'mousedown';

async function settle() {
  await vi.advanceTimersByTimeAsync(300);
}

async function typeText(text: string) {
  editor.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
  editor.textContent = text;
  await settle();
}

const dialogOpen = () => document.querySelector('discreet-dialog') !== null;

const guard = new Guard('app.slack.com');
guard.install();

beforeEach(() => {
  vi.useFakeTimers();
  mountApp();
});
afterEach(() => {
  // Close any dialog through its own path (Escape inside it is trusted-only, so use the instance).
  (guard as any).dialog.close({ action: 'back' });
  vi.useRealTimers();
});

describe('Guard', () => {
  it('a checked message without clients sends exactly as without Discreet', async () => {
    await typeText('Tot morgen');
    const e = down('Enter');
    editor.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
    expect(sent).toEqual(['Tot morgen']);
  });

  it('a mention stops Enter before the app sees it, and opens the warning', async () => {
    await typeText('Over Bram Koster');
    const e = down('Enter');
    editor.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    await settle();
    expect(dialogOpen()).toBe(true);
    expect(editor.textContent).toBe('Over Bram Koster');
  });

  it('Shift+Enter and IME composition are never stopped', async () => {
    await typeText('Over Bram Koster');
    const shift = down('Enter', { shiftKey: true });
    editor.dispatchEvent(shift);
    expect(shift.defaultPrevented).toBe(false);
    const ime = down('Enter', { isComposing: true });
    editor.dispatchEvent(ime);
    expect(ime.defaultPrevented).toBe(false);
    expect(dialogOpen()).toBe(false);
  });

  it('text changed since the last scan: the send waits for a scan, then happens exactly once via the button', async () => {
    await typeText('Hallo');
    editor.textContent = 'Hallo allemaal'; // typed and sent before the pause ended
    const e = down('Enter');
    editor.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    await settle();
    expect(sent).toEqual(['Hallo allemaal']);
    expect(dialogOpen()).toBe(false);
  });

  it('an app that sends on mousedown: the rest of that press reaches the app too, and nothing is sent twice', async () => {
    sendOn = 'mousedown';
    await typeText('Tot morgen');
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) button.dispatchEvent(mouse(type));
    await settle();
    expect(sent).toEqual(['Tot morgen']);
    expect(reached).toEqual(['mouseup', 'click']);
    expect(dialogOpen()).toBe(false);
  });

  it('a blocked press stays blocked until its click, which opens the warning once', async () => {
    await typeText('Over Bram Koster');
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) button.dispatchEvent(mouse(type));
    await settle();
    expect(sent).toEqual([]);
    expect(document.querySelectorAll('discreet-dialog')).toHaveLength(1);
  });

  it('the keyup of a passed Enter passes; the keyup of a stopped Enter is swallowed', async () => {
    await typeText('Tot morgen');
    editor.dispatchEvent(down('Enter'));
    const passedUp = up('Enter');
    editor.dispatchEvent(passedUp);
    expect(passedUp.defaultPrevented).toBe(false);
    await typeText('Over Bram Koster');
    editor.dispatchEvent(down('Enter'));
    const stoppedUp = up('Enter');
    editor.dispatchEvent(stoppedUp);
    expect(stoppedUp.defaultPrevented).toBe(true);
  });

  it('a script’s own click with no user action just before is left alone (no oracle for the page)', async () => {
    await typeText('Over Bram Koster');
    await vi.advanceTimersByTimeAsync(2000);
    const e = new MouseEvent('click', { bubbles: true, cancelable: true });
    button.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
    expect(dialogOpen()).toBe(false);
  });
});
