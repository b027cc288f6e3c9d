export { call, newRequestId, goSignIn } from './client';
export type { CallOptions } from './client';
export { ApiError, toApiError, NETWORK_MESSAGE } from './errors';
export type { ApiErrorCode } from './errors';
export { getToken, setSession, clearSession, isSignedIn, getSessionUser } from './session';
export type {
  ActionInput as ActionInputOf,
  ActionOutput as ActionOutputOf,
} from '../../cloudfunctions/modules/contracts';
