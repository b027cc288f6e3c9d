/**
 * Writes src/api/fieldRules.ts: for every action of cloudfunctions/modules/contracts.ts, what its input
 * schema asks of each field (required, type, length, pattern, range, enum), so the phone checks a form
 * with the server's own rules and without shipping zod. Run with `npm run gen:rules` after changing a
 * contract; tests/unit/field-rules.test.ts fails while the committed file is stale.
 *
 * The rules come from zod 4's JSON Schema of each input (`io: 'input'`: what the caller may send, so a
 * field with a default is optional). JSON Schema cannot say everything the phone needs, so the zod
 * schema is read beside it for: the trimming and case folding done before the checks; the checks after a
 * transform (the input side of `a.transform(f).pipe(b)` is only `a`, the pattern sits in `b`); regex flags;
 * and the contract's own wording of a check. A keyword this script does not understand stops it, rather
 * than letting the phone check less than the server.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { contracts } from '../cloudfunctions/modules/contracts';
import type { EnumValue, FieldRule } from '../src/api/fieldRule';

export const OUT = 'src/api/fieldRules.ts';

type Table = Record<string, Record<string, Record<string, FieldRule>>>;
type JsonNode = Record<string, unknown>;

/** The parts of zod 4's internal definitions read here (schemas and checks alike). */
interface Def {
  type?: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  shape?: Record<string, Schema>;
  checks?: Schema[];
  transform?: (value: unknown, ctx: unknown) => unknown;
  check?: string;
  format?: string;
  pattern?: RegExp;
  tx?: (value: unknown) => unknown;
  error?: (issue: unknown) => unknown;
}
interface Schema {
  _zod: { def: unknown };
}
const defOf = (s: Schema) => s._zod.def as Def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema under optional / nullable / default and the like. */
function unwrap(s: Schema): Schema {
  let d = defOf(s);
  while (d.type && WRAPPERS.has(d.type) && d.innerType) {
    s = d.innerType;
    d = defOf(s);
  }
  return s;
}

/** Whether the value is transformed on its way (a transform anywhere in its pipes). */
function transforms(s: Schema): boolean {
  const d = defOf(unwrap(s));
  if (d.type === 'transform') return true;
  return d.type === 'pipe' && !!d.in && !!d.out && (transforms(d.in) || transforms(d.out));
}

/** The string schemas a value passes through, in order: a pipe's input side, then its output side. */
function strings(s: Schema): Schema[] {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === 'string') return [u];
  if (d.type === 'pipe' && d.in && d.out) return [...strings(d.in), ...strings(d.out)];
  return [];
}

/** A text as the schema hands it to its checks: its overwrites (trim, case) and transforms applied. */
function normalise(s: Schema, value: unknown): unknown {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === 'string') {
    return (d.checks ?? []).reduce<unknown>((v, c) => {
      const cd = defOf(c);
      return cd.check === 'overwrite' && cd.tx && typeof v === 'string' ? cd.tx(v) : v;
    }, value);
  }
  if (d.type === 'transform' && d.transform) return d.transform(value, { value, issues: [] });
  if (d.type === 'pipe' && d.in && d.out) return normalise(d.out, normalise(d.in, value));
  return value;
}

/** How the schema cleans up a text before checking it, found by running a probe through it. */
function cleanup(s: Schema): Pick<FieldRule, 'trim' | 'case'> {
  if (strings(s).length === 0) return {};
  let out: unknown;
  try {
    out = normalise(s, ' aB ');
  } catch {
    return {};
  }
  if (typeof out !== 'string') return {};
  return {
    ...(out.trim() === out ? { trim: true } : {}),
    ...(out.includes('AB')
      ? { case: 'upper' as const }
      : out.includes('ab')
        ? { case: 'lower' as const }
        : {}),
  };
}

/** The message a check carries when the contract words it (zod's locale messages are left out). */
function wording(d: Def): string | undefined {
  if (!d.error) return undefined;
  try {
    const m = d.error({ code: 'custom', input: undefined, path: [] });
    if (typeof m === 'string') return m;
    if (m && typeof m === 'object' && typeof (m as { message?: unknown }).message === 'string') {
      return (m as { message: string }).message;
    }
  } catch {
    // A message built from the issue: not one to copy.
  }
  return undefined;
}

/** Regex flags and the contract's own messages of a field's checks. */
function extras(s: Schema): Pick<FieldRule, 'flags' | 'messages'> {
  const messages: NonNullable<FieldRule['messages']> = {};
  const flags = new Set<string>();
  for (const str of strings(s)) {
    for (const c of defOf(str).checks ?? []) {
      const cd = defOf(c);
      const said = wording(cd);
      if (cd.check === 'min_length' && said) messages.minLength = said;
      if (cd.check === 'max_length' && said) messages.maxLength = said;
      if (cd.check === 'string_format' && cd.format === 'regex') {
        for (const f of cd.pattern?.flags ?? '') flags.add(f);
        if (said) messages.pattern = said;
      }
    }
  }
  const leaf = defOf(unwrap(s));
  if ((leaf.type === 'enum' || leaf.type === 'literal') && wording(leaf)) messages.enum = wording(leaf);
  return {
    ...(flags.size ? { flags: [...flags].sort().join('') } : {}),
    ...(Object.keys(messages).length ? { messages } : {}),
  };
}

const KNOWN = new Set([
  '$schema',
  'type',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'default',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'description',
  'title',
  'examples',
]);

const jsonOf = (s: Schema) =>
  z.toJSONSchema(s as unknown as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonNode;

/** A JSON Schema node without its null branch: `anyOf: [X, {type: null}]` or `type: [t, 'null']`. */
function withoutNull(node: JsonNode, where: string): { node: JsonNode; nullable: boolean } {
  if (Array.isArray(node.anyOf)) {
    const branches = (node.anyOf as JsonNode[]).filter((b) => b.type !== 'null');
    if (branches.length !== 1) throw new Error(`${where}: a union of several types is not supported`);
    const { anyOf: _anyOf, ...rest } = node;
    return { node: { ...rest, ...branches[0] }, nullable: branches.length < node.anyOf.length };
  }
  if (Array.isArray(node.type)) {
    const types = (node.type as string[]).filter((t) => t !== 'null');
    if (types.length !== 1) throw new Error(`${where}: a union of several types is not supported`);
    return { node: { ...node, type: types[0] }, nullable: types.length < node.type.length };
  }
  return { node, nullable: false };
}

const tighter = (a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number) =>
  a === undefined ? b : b === undefined ? a : pick(a, b);

/** One field's rule from its JSON Schema node and its zod schema. */
function ruleOf(raw: JsonNode, schema: Schema, required: boolean, where: string): FieldRule {
  const { nullable, node: bare } = withoutNull(raw, where);
  let node = bare;
  // After a transform the checks of the pipe's output side apply too (to the cleaned-up text).
  const u = unwrap(schema);
  const ud = defOf(u);
  if (ud.type === 'pipe' && ud.out && transforms(u) && node.type === 'string') {
    const out = withoutNull(jsonOf(ud.out), where).node;
    if (out.type === 'string') {
      if (node.pattern !== undefined && out.pattern !== undefined) {
        throw new Error(`${where}: patterns on both sides of a pipe are not supported`);
      }
      node = {
        ...node,
        ...out,
        minLength: tighter(node.minLength as number, out.minLength as number, Math.max),
        maxLength: tighter(node.maxLength as number, out.maxLength as number, Math.min),
      };
    }
  }
  for (const key of Object.keys(node)) {
    if (!KNOWN.has(key)) throw new Error(`${where}: JSON Schema keyword "${key}" is not supported yet`);
  }
  const type = node.type as FieldRule['type'] | undefined;
  const values =
    node.const !== undefined ? [node.const as EnumValue] : (node.enum as EnumValue[] | undefined);
  const num = (k: string) => (typeof node[k] === 'number' ? (node[k] as number) : undefined);
  const rule: FieldRule = {
    required,
    type,
    nullable: nullable || undefined,
    ...cleanup(schema),
    minLength: num('minLength'),
    maxLength: num('maxLength'),
    pattern: typeof node.pattern === 'string' ? node.pattern : undefined,
    minimum: num('minimum'),
    maximum: num('maximum'),
    minItems: num('minItems'),
    maxItems: num('maxItems'),
    enum: values,
    ...extras(schema),
  };
  // A stable shape: the keys in this order, none undefined.
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as FieldRule;
}

/** The fields of an object schema (an object with refinements is still one; a pipe's input side). */
function shapeOf(s: Schema, where: string): Record<string, Schema> {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === 'object' && d.shape) return d.shape;
  if (d.type === 'pipe' && d.in) return shapeOf(d.in, where);
  throw new Error(`${where}: an input that is not an object is not supported`);
}

/** Rules of an object's fields, nested objects' fields as `parent.child`. */
function fieldsOf(
  json: JsonNode,
  schema: Schema,
  prefix: string,
  where: string,
  out: Record<string, FieldRule>,
) {
  const props = (json.properties ?? {}) as Record<string, JsonNode>;
  const required = new Set((json.required ?? []) as string[]);
  const shape = shapeOf(schema, where);
  for (const [key, node] of Object.entries(props)) {
    const name = `${prefix}${key}`;
    const field = shape[key];
    if (!field) throw new Error(`${where}.${name}: in the JSON Schema but not in the zod shape`);
    const rule = ruleOf(node, field, required.has(key), `${where}.${name}`);
    out[name] = rule;
    const inner = withoutNull(node, `${where}.${name}`).node;
    if (rule.type === 'object' && inner.properties) fieldsOf(inner, field, `${name}.`, where, out);
  }
}

/** The rules of every action's input, by function then action (in the contracts' order). */
export function buildFieldRules(): Table {
  const table: Table = {};
  for (const [fn, actions] of Object.entries(contracts)) {
    table[fn] = {};
    for (const [action, contract] of Object.entries(actions as Record<string, { input: Schema }>)) {
      const where = `${fn}.${action}`;
      const fields: Record<string, FieldRule> = {};
      fieldsOf(jsonOf(contract.input), contract.input, '', where, fields);
      table[fn][action] = fields;
    }
  }
  return table;
}

/** The generated module's text, formatted with the project's prettier settings. */
export async function renderFieldRules(table: Table = buildFieldRules()): Promise<string> {
  // Loaded here, not at the top: prettier starts with a dynamic import, which jest (loading this module
  // for tests/unit/field-rules.test.ts) cannot run.
  const { format, resolveConfig } = await import('prettier');
  const file = resolve(OUT);
  const text = [
    '/**',
    ' * GENERATED by scripts/gen-field-rules.ts from the zod contracts (cloudfunctions/modules/contracts.ts):',
    ' * what each action asks of its input fields, for the checks on the phone (src/api/checks.ts).',
    ' * Do not edit by hand: run `npm run gen:rules`.',
    ' */',
    "import type { FieldRuleTable } from './fieldRule';",
    '',
    `export const fieldRules = ${JSON.stringify(table, null, 2)} as const satisfies FieldRuleTable;`,
    '',
  ].join('\n');
  return format(text, { ...(await resolveConfig(file)), filepath: file });
}

if (require.main === module) {
  renderFieldRules()
    .then((text) => {
      writeFileSync(resolve(OUT), text);
      console.log(`wrote ${OUT}`);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
