/**
 * The message and clients of the Anonymise tests (the warning's button in anonymise.spec.ts, the tooltip's in
 * tooltip.spec.ts): one draft with two clients' names, an alias's owner, an e-mail address and an organisation,
 * and what it reads as once anonymised.
 */

/** Marieke (with her address and employer) and Bram (with a nickname): the two clients in DRAFT. */
export const DRAFT_CLIENTS = [
  { id: 'c1', name: 'Marieke Verhoeven', identifiers: ['marieke.verhoeven@example.com'], organization: 'Gemeente Zwolle' },
  { id: 'c2', name: 'Bram Koster', aliases: ['Brammetje'] },
];

/** Every registered name, alias, identifier and organisation of the two clients in the message (and their parts). */
export const SECRETS = ['Marieke', 'Verhoeven', 'marieke.verhoeven@example.com', 'Bram', 'Koster', 'Brammetje', 'Gemeente Zwolle', 'Zwolle'];

export const DRAFT = 'Gisteren sprak ik Marieke Verhoeven en Bram Koster bij Gemeente Zwolle. Mail marieke.verhoeven@example.com als Bram het goed vindt.';
/** DRAFT anonymised: Marieke is met first, so she is client A. */
export const EXPECTED = 'Gisteren sprak ik cliënt A en cliënt B bij [organisatie]. Mail [e-mailadres] als cliënt B het goed vindt.';

/** Two clients known by name only: the list of the guard's attack and robustness specs. */
export const NAME_ONLY_REGISTRY = {
  version: 1 as const,
  clients: [
    { id: 'c1', name: 'Marieke Verhoeven' },
    { id: 'c2', name: 'Bram Koster' },
  ],
};
