import type { Caller, Subject } from '../../core/context';
import type { Policy } from '../../core/module';
import {
  aDeputy,
  anyOf,
  anyOffice,
  anyone,
  anyStationStaff,
  officeOver,
  refusing,
  signedIn,
  stationStaffOf,
  verifiedVoter,
} from '../../core/policy';
import type { groupsContracts } from './contract';
import type { GroupMember } from './records';

/**
 * A group (or the place a new one is for) as its rules see it: where it is, and the caller's membership as
 * stored — read on every call, never from the session, so a removal or muting holds at once.
 */
export interface GroupSubject extends Subject {
  countyId: string;
  townshipId: string;
  constituencyId: string | null;
  stationId: string | null;
  membership: Pick<GroupMember, 'status' | 'muted'> | null;
}

const g = (s: Subject) => s as GroupSubject;

/**
 * Its owners: the deputies of its constituency (several may co-own one), or the staff of its station.
 * Derived, not listed, so a deputy whose term ends stops owning it with nothing to tidy.
 */
export const groupOwner = (c: Caller | null, s: Subject): boolean => {
  if (!c) return false;
  const subject = g(s);
  if (subject.constituencyId) return !!c.deputy && c.deputy.constituencyId === subject.constituencyId;
  return stationStaffOf(c, s);
};
export const groupMember = (_c: Caller | null, s: Subject) => g(s).membership?.status === 'member';
const speakingMember = (c: Caller | null, s: Subject) => groupMember(c, s) && !g(s).membership?.muted;
const joinedOrWaiting = (_c: Caller | null, s: Subject) =>
  g(s).membership?.status === 'member' || g(s).membership?.status === 'pending';

const reader = refusing(anyOf(groupMember, groupOwner, officeOver), '您不是本群成员，不能查看');
const owner = refusing(groupOwner, '只有本群的群主（本选区代表或联络站工作人员）可以这样做');
const ownerOrOffice = refusing(anyOf(groupOwner, officeOver), '只有本群的群主或乡镇人大可以这样做');

/** Who may call each groups action (handlers pass the group they touch, with the caller's membership). */
export const groupsPolicy: Policy<typeof groupsContracts> = {
  create: refusing(groupOwner, '只有本选区的代表或本联络站的工作人员可以建群'),
  preview: anyone,
  list: anyOf(aDeputy, anyStationStaff, anyOffice),
  mine: signedIn,
  code: ownerOrOffice,
  chats: owner,
  join: refusing(verifiedVoter, '加入实名制群需先完成实名认证（我的 → 实名认证）'),
  leave: refusing(joinedOrWaiting, '您不在本群中'),
  members: ownerOrOffice,
  approve: owner,
  remove: owner,
  mute: owner,
  post: owner,
  edit: owner,
  pin: owner,
  feed: reader,
  getPost: reader,
  read: reader,
  vote: refusing(groupMember, '只有本群成员可以投票'),
  closePoll: owner,
  comment: refusing(anyOf(speakingMember, groupOwner), '您已被禁言或不是本群成员，不能评论'),
  comments: reader,
  report: refusing(groupMember, '只有本群成员可以举报'),
  hide: ownerOrOffice,
  reports: anyOf(aDeputy, anyStationStaff, anyOffice),
  reviewImage: refusing(officeOver, '只有本地的人大办可以审核图片'),
  heldImages: anyOffice,
  subscription: signedIn,
  subscribe: signedIn,
};
