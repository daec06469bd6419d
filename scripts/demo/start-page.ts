/**
 * The demo's start page (served at https://discreet.demo/ by a route; nothing is on the network):
 * what Discreet is, the demo passphrase, the demo clients, sentences to try, links to each app.
 * Dutch first, English below.
 */
import type { RegistryInput } from '../../src/registry';

export interface DemoApp {
  app: string;
  url: string;
  nl: string;
  en: string;
  protectedByDefault: boolean;
}

export interface Suggestion {
  app: string;
  text: string;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function startPageHtml(opts: { registry: RegistryInput; passphrase: string; apps: DemoApp[]; suggestions: Suggestion[]; negative: string }): string {
  const clients = opts.registry.clients
    .map(
      (c) => `<tr><td><b>${esc(c.name)}</b>${c.aliases?.length ? `<br><small>${esc(c.aliases.join(', '))}</small>` : ''}</td>
        <td>${esc(c.organization ?? '')}</td><td>${esc((c.identifiers ?? []).join(' · '))}</td><td>${esc((c.details ?? []).join(' · '))}</td></tr>`,
    )
    .join('\n');
  const apps = opts.apps
    .map(
      (a) => `<li><a href="${esc(a.url)}">${esc(a.nl)}</a> <span class="en">/ ${esc(a.en)}</span>
        ${a.protectedByDefault ? '' : '<span class="warn">niet standaard beschermd / not guarded by default</span>'}
        <br><code>${esc(a.url)}</code></li>`,
    )
    .join('\n');
  const sentences = opts.suggestions.map((s) => `<li><span class="app">${esc(s.app)}</span> <q>${esc(s.text)}</q></li>`).join('\n');
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Discreet — demo</title>
<style>
  body { font: 15px/1.5 system-ui, Arial, sans-serif; color: #1d2433; background: #f6f7fb; margin: 0; }
  main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; }
  h1 { font-size: 30px; margin: 0 0 4px; } h1 small { font-size: 15px; font-weight: normal; color: #59607a; }
  h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid #dde1ee; padding-bottom: 4px; }
  .en, .en * { color: #5b6275; } p.en { margin-top: -6px; font-size: 14px; }
  .card { background: #fff; border: 1px solid #dde1ee; border-radius: 8px; padding: 12px 16px; }
  .pass { font: 600 20px ui-monospace, monospace; background: #fff8e1; border: 1px dashed #d8b84a; border-radius: 6px; padding: 6px 12px; display: inline-block; user-select: all; }
  table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
  td, th { border: 1px solid #dde1ee; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { background: #eef0f7; }
  ul.apps li { margin-bottom: 8px; } code { font-size: 12px; color: #59607a; }
  .warn { font-size: 12px; background: #fdecea; color: #7a1d15; border-radius: 4px; padding: 0 6px; }
  q { font-style: italic; } .app { display: inline-block; min-width: 9em; font-size: 12px; color: #59607a; }
  .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
</style></head>
<body><main>
<h1>Discreet <small>demo</small></h1>
<div class="cols">
 <div class="card">
  <p><b>Discreet</b> helpt coaches hun cliënten te beschermen. De cliëntenlijst staat <b>versleuteld</b> op deze computer.
  Terwijl je typt in Gmail, Outlook, LinkedIn, Teams of Slack markeert Discreet namen en gegevens van cliënten, en het houdt
  het versturen tegen tot je een waarschuwing hebt gezien die naar je beroepscode verwijst. Er gaat niets over het netwerk.</p>
 </div>
 <div class="card en">
  <p><b>Discreet</b> helps coaches protect their clients. The client list is kept <b>encrypted</b> on this computer.
  While you type in Gmail, Outlook, LinkedIn, Teams or Slack, Discreet marks client names and details, and holds the send
  until you have seen a warning citing your code of conduct. Nothing goes over the network.</p>
 </div>
</div>
<p><small>Deze demo gebruikt <b>nagebootste</b> versies van de apps (met hun echte editors), lokaal geserveerd op hun echte adressen;
de browser mag geen enkel ander adres bereiken. Wat je ziet is wat de extensie nu doet.</small><br>
<small class="en">This demo uses <b>imitations</b> of the apps (with their real editors), served locally at their real addresses;
the browser may reach no other address. What you see is what the extension does today.</small></p>

<h2>Wachtwoord van de demokluis <span class="en">/ Demo vault passphrase</span></h2>
<p>De demo heeft de kluis al ingericht en ontgrendeld. Vergrendel je hem (via het Discreet-pictogram), ontgrendel dan met:</p>
<p class="en">The demo has already set up and unlocked the vault. If you lock it (via the Discreet icon), unlock with:</p>
<p><span class="pass" id="demo-passphrase">${esc(opts.passphrase)}</span></p>

<h2>Democliënten <span class="en">/ Demo clients</span></h2>
<p><small>Verzonnen personen. <span class="en">Fictional people.</span></small></p>
<table><thead><tr><th>Naam / name</th><th>Organisatie / organisation</th><th>Identificerend / identifiers</th><th>Details</th></tr></thead>
<tbody>${clients}</tbody></table>

<h2>Probeer deze zinnen <span class="en">/ Try these sentences</span></h2>
<ul>${sentences}
<li><span class="app">zonder cliënt / no client</span> <q>${esc(opts.negative)}</q> — hier hoort Discreet niets te melden / Discreet should stay quiet here</li></ul>

<h2>Apps <span class="en">/ Apps</span></h2>
<ul class="apps">${apps}</ul>
</main></body></html>`;
}
