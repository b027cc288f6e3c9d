import type { Policy } from '../../core/module';
import { anyOf, anyOffice, anyone, officeOver, signedIn, theDeputy } from '../../core/policy';
import type { accountContracts } from './contract';

/** Who may call each account action (handlers pass the subject they touch to `authorize`). */
export const accountPolicy: Policy<typeof accountContracts> = {
  me: signedIn,
  regions: anyone,
  verify: signedIn,
  importRegister: officeOver,
  register: officeOver,
  conflicts: anyOffice,
  resolveConflict: officeOver,
  notifications: signedIn,
  readNotifications: signedIn,
  dutyRecord: anyOf(theDeputy, officeOver),
};
