/** The account module's timer step: register entries from before the pinyin sort key get theirs. */
import type { JobStep } from '../../core/module';
import { keyNames, sharedQueries } from '../shared/public';
import { accountQueries } from './storage';

const nameKeysStep: JobStep = {
  name: 'registerNameKeys',
  run: (ports) =>
    keyNames(ports, 'registerEntries', async function* () {
      const q = accountQueries(ports);
      for (const c of await sharedQueries(ports).regions()) {
        if (c.kind === 'constituency') yield await q.entriesWithoutNameKey(c.id);
      }
    }),
};

export const JOBS: JobStep[] = [nameKeysStep];
