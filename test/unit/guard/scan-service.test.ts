import { describe, expect, it } from 'vitest';
import { clientsAddressed, scanForGuard } from '../../../src/background/scan-service';
import { createDetector } from '../../../src/detect';
import { RegistrySchema } from '../../../src/registry';

const registry = RegistrySchema.parse({
  version: 1,
  clients: [
    { id: 'm', name: 'Marieke Verhoeven', aliases: ['Mieke'], identifiers: ['marieke@example.com', 'm.verhoeven@werk.nl'] },
    { id: 'b', name: 'Bram Koster', identifiers: ['bram@example.com'] },
  ],
});

describe('clientsAddressed', () => {
  it('a client whose identifiers include EVERY e-mail recipient is addressed', () => {
    expect([...clientsAddressed(registry, { emails: ['Marieke@Example.com'] })]).toEqual(['m']);
    expect([...clientsAddressed(registry, { emails: ['marieke@example.com', 'm.verhoeven@werk.nl'] })]).toEqual(['m']);
  });

  it('one other recipient (a colleague in Cc) means nobody is addressed', () => {
    expect([...clientsAddressed(registry, { emails: ['marieke@example.com', 'collega@praktijk.nl'] })]).toEqual([]);
    expect([...clientsAddressed(registry, { emails: [] })]).toEqual([]);
    expect([...clientsAddressed(registry, undefined)]).toEqual([]);
  });

  it('the DM partner is addressed by name or alias, ignoring case and accents', () => {
    expect([...clientsAddressed(registry, { emails: [], partner: 'marieke  verhoeven' })]).toEqual(['m']);
    expect([...clientsAddressed(registry, { emails: [], partner: 'Miéke' })]).toEqual(['m']);
    expect([...clientsAddressed(registry, { emails: [], partner: 'Marieke' })]).toEqual([]);
  });
});

describe('scanForGuard', () => {
  it('labels findings and marks only the addressed client toClient', () => {
    const text = 'Hoi Marieke Verhoeven, ik zie ook Bram Koster.';
    const out = scanForGuard(createDetector(registry), registry, text, { emails: ['marieke@example.com'] });
    const byClient = new Map(out.map((f) => [f.clientId, f]));
    expect(byClient.get('m')).toMatchObject({ clientLabel: 'Marieke Verhoeven', toClient: true });
    expect(byClient.get('b')).toMatchObject({ clientLabel: 'Bram Koster' });
    expect(byClient.get('b')!.toClient).toBeUndefined();
  });
});
