/** The README's lists that the registry also knows: a newcomer reads the README, the deployment follows it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateVariable } from '../../cloudfunctions/entry/ports';
import {
  COLLECTIONS,
  DEPLOYABLE,
  FUNCTION_MODULES,
  NOTIFICATIONS,
} from '../../cloudfunctions/modules/registry';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
/** The text between two markers. */
const between = (from: string, to: string) => {
  const i = readme.indexOf(from);
  expect(i).toBeGreaterThanOrEqual(0);
  return readme.slice(i + from.length, readme.indexOf(to, i + from.length));
};

it('the actions table names every action of every module, each once', () => {
  const named = between('### Actions', '\n## ')
    .split('\n')
    .filter((l) => /^\| `[a-z]+\.[A-Za-z]+`/.test(l))
    .flatMap((l) => {
      const [first, ...rest] = ticked(l.split(' | ')[0]);
      const fn = first.split('.')[0];
      return [first, ...rest.map((a) => `${fn}.${a}`)];
    });
  const all = FUNCTION_MODULES.flatMap((m) => Object.keys(m.contracts).map((a) => `${m.name}.${a}`));
  expect([...named].sort()).toEqual([...all].sort());
});

it('the deployment steps list the registry’s functions, template variables and collections', () => {
  expect(ticked(between('For each function under `dist/cloudfunctions/` —', '—'))).toEqual(
    Object.keys(DEPLOYABLE),
  );
  const subscription = Object.entries(NOTIFICATIONS)
    .filter(([, spec]) => spec.subscription)
    .map(([kind]) => templateVariable(kind));
  expect(ticked(between('one per kind that goes out as a subscription message —', '—'))).toEqual(
    subscription,
  );
  expect(ticked(between('Create the collections —', '—'))).toEqual(COLLECTIONS);
});
