/**
 * What a site adapter is: data plus a few small functions that tell the guard where the compose
 * units of one app are, how the app sends, and how to describe the channel to the coach.
 * Adapters only READ the page. They never write to an editor.
 */
import type { Language } from '../i18n';
import type { Situation } from '../codes';

/** Keys that send from inside an editor. Shift+Enter is never a send. */
export type SendKey = 'enter' | 'mod-enter';

export interface Recipients {
  /** E-mail addresses in To/Cc/Bcc, lower-cased. */
  emails: string[];
  /** The other person of a one-to-one conversation (DM), as shown by the app. */
  partner?: string;
}

export interface ComposeUnit {
  adapter: SiteAdapter;
  /** The element whose text is scanned: a contenteditable root, a textarea or an input. */
  editor: HTMLElement;
  /** The compose container: holds the send button(s), recipients and subject of this editor. */
  root: Element;
}

export interface SiteAdapter {
  /** Stable id, e.g. 'gmail', 'linkedin-post'. */
  id: string;
  /** Host names this adapter applies to (exact or subdomain). Empty: any host without a specific adapter. */
  hosts: readonly string[];
  /** CSS selector of the editable roots this adapter knows. */
  editorSelector: string;
  /** Optional selector of compose containers (nearest one wins); otherwise the nearest ancestor holding a send button. */
  rootSelector?: string;
  /** CSS selector of elements whose activation sends (searched inside the compose root). */
  sendButtonSelector: string;
  /** Keys that send from inside this unit's editor. */
  sendKeys(unit: ComposeUnit): readonly SendKey[];
  /** Mod+Enter anywhere in the compose root sends (Gmail, Outlook), not only in the body. */
  modEnterAnywhere?: boolean;
  subject?(unit: ComposeUnit): HTMLInputElement | HTMLTextAreaElement | null;
  recipients?(unit: ComposeUnit): Recipients;
  /** The channel and audience in the coach's language, e.g. "e-mail aan a@b.nl". */
  channel(unit: ComposeUnit, language: Language): string;
  /** Which code-of-conduct situation this send is. */
  situation(unit: ComposeUnit): Situation;
}
