/** What other modules (and the entry points) may use of the shared module. */
export type {
  Activity,
  Deputy,
  ImageReviewRecord,
  MediaCheckRecord,
  MediaStatus,
  OutboxItem,
  Region,
  RoleGrantRecord,
  Station,
  User,
} from './records';
export { applyMediaVerdict, checkImages, mediaChecksOf, recordMediaChecks, type ImageState } from './media';
export {
  decideImage,
  heldImagesPage,
  resolveImages,
  type HeldPlace,
  type ImageSight,
  type StoredImage,
} from './imageReview';
export { sharedQueries, type DeputyFilter, type SharedQueries } from './storage';
export { ensureUser, loadCaller, userIdFor } from './identity';
export { forgetGeo, loadGeo, serve } from './geo';
export { deputyNames } from './views';
export { readNotificationsAt } from './notices';
export { keyNames } from './names';
export {
  COUNTY,
  DEMO_DEPUTY_ID,
  DEMO_STATION_ID,
  PERSONA_OPENIDS,
  TOWNSHIPS,
  daysAgo,
  demoGeography,
  isSeeded,
  personaUserId,
  personName,
  prng,
  type PersonaName,
} from './demo';
