import type { Ctx } from '../../core/context';

/** Deputy names for a page of threads, days or visits, read once per distinct deputy. */
export async function deputyNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => ctx.ports.store.get('deputies', id)));
  return new Map(unique.map((id, i) => [id, found[i]?.name ?? '']));
}
