import type { Policy } from '../../core/module';
import {
  aDeputy,
  anyOf,
  anyOffice,
  anyone,
  officeOver,
  signedIn,
  theDeputy,
  theOwner,
} from '../../core/policy';
import type { contactContracts } from './contract';

/** Who may call each contact action (handlers pass the subject they touch to `authorize`). */
export const contactPolicy: Policy<typeof contactContracts> = {
  deputies: anyone,
  card: anyone,
  myCard: aDeputy,
  saveDeputy: officeOver,
  inviteDeputy: officeOver,
  acceptInvite: signedIn,
  send: signedIn,
  inbox: aDeputy,
  myThreads: signedIn,
  thread: anyOf(theOwner, theDeputy, officeOver),
  reply: theDeputy,
  followUp: theOwner,
  close: theOwner,
  chase: theOwner,
  held: anyOffice,
  review: officeOver,
};
