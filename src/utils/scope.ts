import { inScope, type OfficeScope } from '../../cloudfunctions/core/scope';
import type { ActionOutputOf } from '../api';

type Regions = ActionOutputOf<'account', 'regions'>;

/**
 * The townships an office scope covers, by the rule the server applies (cloudfunctions/core/scope): a
 * township is in scope with its county; its constituencies and stations go with it.
 */
export function townshipsIn(scope: OfficeScope, regions: Regions | null | undefined): Set<string> {
  return new Set(
    (regions?.regions ?? [])
      .filter((r) => r.kind === 'township' && inScope(scope, { countyId: r.parentId, townshipId: r.id }))
      .map((r) => r.id),
  );
}
