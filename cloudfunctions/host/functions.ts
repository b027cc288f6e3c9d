/** The functions the client may call, by name — the same handlers the WeChat entry points mount. */
import { accountHandlers } from '../core/services/account';
import { contactHandlers } from '../core/services/contact';
import { receptionHandlers } from '../core/services/reception';

export const FUNCTIONS = {
  account: accountHandlers,
  contact: contactHandlers,
  reception: receptionHandlers,
} as const;
