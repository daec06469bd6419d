/** Search and sort of the client list (pure; used by the options page). */
import type { ClientRecord } from '../protocol';

export type SortKey = 'name' | 'organization' | 'trajectoryEnd' | 'updated';

export const collator = () => new Intl.Collator(['nl', 'en'], { sensitivity: 'base', numeric: true });

/** Lower case without accents, so "emile" finds "Émile" and "ozturk" finds "Öztürk". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function searchText(c: ClientRecord): string {
  return fold([c.name, ...c.aliases, ...c.identifiers, c.organization ?? '', ...c.details].join('\n'));
}

export function filterAndSort(clients: readonly ClientRecord[], query: string, sort: SortKey, dueOnly = false): ClientRecord[] {
  const q = fold(query.trim());
  const words = q ? q.split(/\s+/) : [];
  const shown = clients.filter((c) => {
    if (dueOnly && !c.retentionDue) return false;
    const hay = searchText(c);
    return words.every((w) => hay.includes(w));
  });
  const cmp = collator();
  const byName = (a: ClientRecord, b: ClientRecord) => cmp.compare(a.name, b.name);
  const last = '\uffff';
  shown.sort((a, b) => {
    switch (sort) {
      case 'organization':
        return cmp.compare(a.organization ?? last, b.organization ?? last) || byName(a, b);
      case 'trajectoryEnd':
        return (a.trajectoryEnd ?? last).localeCompare(b.trajectoryEnd ?? last) || byName(a, b);
      case 'updated':
        return (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || byName(a, b);
      default:
        return byName(a, b);
    }
  });
  return shown;
}
