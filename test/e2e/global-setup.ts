/** Playwright global setup: (re)build the offline app fixtures when their sources changed. */
import { buildFixtures } from '../fixtures/build-fixtures';

export default async function globalSetup(): Promise<void> {
  await buildFixtures();
}
