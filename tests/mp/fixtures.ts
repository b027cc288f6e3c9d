/**
 * The server's answers the mp tests feed the pages. Each is built here and parsed with its action's
 * output schema (cloudfunctions/modules/contracts.ts), and each refusal with the envelope's ErrorBody, so
 * a fixture cannot drift from what the functions answer: when a contract changes under it, loading this
 * file fails and names the fixture.
 */
import { z } from 'zod';
import { ErrorBody } from '../../cloudfunctions/core/contracts/envelope';
import { addDays, chinaDate, chinaInstant, clock } from '../../cloudfunctions/core/time';
import {
  contracts,
  type ActionName,
  type ActionOutput,
  type FunctionName,
} from '../../cloudfunctions/modules/contracts';

/** What `fn`.`action` answers, checked against the contract's output schema. */
export function answer<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionOutput<F, A>,
): ActionOutput<F, A> {
  const { output } = (contracts[fn] as Record<string, { output: z.ZodType }>)[action];
  const parsed = output.safeParse(data);
  if (!parsed.success) {
    throw new Error(
      `fixture for ${fn}.${action} is not what the contract answers:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data as ActionOutput<F, A>;
}

/** The envelope of an answer. */
export const ok = <T>(data: T) => ({ ok: true as const, data });

/** The envelope of a refusal (its body checked against ErrorBody). */
export const refused = (code: ErrorBody['code'], message: string, fields?: Record<string, string>) => ({
  ok: false as const,
  error: ErrorBody.parse({ code, message, ...(fields ? { fields } : {}) }),
});

/** What a test handler answers to a call it does not expect. */
export const unexpected = () => refused('INTERNAL', 'unexpected');

// ---- account ----

/** account.me of a plain voter, verified against the register or not. */
export function voterMe(displayName: string, verified: boolean) {
  return answer('account', 'me', {
    userId: 'u1',
    displayName,
    roles: [{ role: 'voter', scopeKind: 'self', scopeId: 'u1' }],
    verification: verified
      ? {
          state: 'verified',
          nameMasked: `${displayName.slice(0, 1)}*${displayName.slice(2)}`, // 王小明 → 王*明
          constituencyId: 'c1',
          constituencyName: '第一选区',
          lockedUntil: null,
        }
      : {
          state: 'unverified',
          nameMasked: null,
          constituencyId: null,
          constituencyName: null,
          lockedUntil: null,
        },
    deputyId: null,
    unreadNotifications: 0,
  });
}

/** account.me of an account whose claim on a register entry waits for the township office. */
export const pendingMe = answer('account', 'me', {
  ...voterMe('微信用户D845', false),
  verification: {
    state: 'pending',
    nameMasked: null,
    constituencyId: null,
    constituencyName: null,
    lockedUntil: null,
  },
});

// ---- contact ----

/** contact.card: a township deputy with a card code. */
export const deputy = answer('contact', 'card', {
  deputyId: 'd1',
  code: 'AbC123',
  name: '李秀英',
  level: 'township',
  constituencyId: 'c1',
  constituencyName: '第三选区',
  townshipName: '青石镇',
  workUnit: '青石镇中心小学',
  photoUrl: '',
  photoFileId: null,
  stationId: 's1',
  stationName: '青石镇人大代表之家',
  publicContact: '0571-1234567',
});

/** contact.send of a message held for review. */
export const sentHeld = answer('contact', 'send', { threadId: 't42', messageId: 'm1', status: 'held' });

/** A voter's thread with 李秀英, replied and open to 催办 (contact.chase answers one too). */
export const threadSummary = (over: Partial<ActionOutput<'contact', 'chase'>> = {}) =>
  answer('contact', 'chase', {
    threadId: 't7',
    deputyId: 'd1',
    deputyName: '李秀英',
    voterName: '王*伯',
    voterVerified: true,
    category: '交通出行',
    status: 'replied',
    outcome: null,
    held: false,
    lastText: '已经联系镇里',
    createdAt: '2026-11-01T02:00:00.000Z',
    lastMessageAt: '2026-11-02T02:00:00.000Z',
    firstReplySeconds: 3600,
    unread: false,
    canChase: true,
    chasedAt: null,
    ...over,
  });

/** contact.thread: the voter's message, the deputy's reply, and a follow-up held for review. */
export const thread = answer('contact', 'thread', {
  thread: threadSummary(),
  messages: [
    {
      messageId: 'm1',
      author: 'voter',
      mine: true,
      text: '村口路灯坏了',
      status: 'visible',
      createdAt: '2026-11-01T02:00:00.000Z',
    },
    {
      messageId: 'm2',
      author: 'deputy',
      mine: false,
      text: '已经联系镇里',
      status: 'visible',
      createdAt: '2026-11-02T02:00:00.000Z',
    },
    {
      messageId: 'm3',
      author: 'voter',
      mine: true,
      text: '补充一下位置',
      status: 'held',
      createdAt: '2026-11-03T02:00:00.000Z',
    },
  ],
  nextCursor: null,
});

/** contact.chase once chased. */
export const chased = threadSummary({ canChase: false, chasedAt: '2026-11-10T02:00:00.000Z' });

// ---- reception ----

type Slot = ActionOutput<'reception', 'day'>['slots'][number];

const slot = (slotId: string, start: string, end: string, over: Partial<Slot> = {}): Slot => ({
  slotId,
  startsAt: `2026-12-05T${start}:00.000Z`,
  endsAt: `2026-12-05T${end}:00.000Z`,
  capacity: 4,
  booked: 1,
  remaining: 3,
  waitlisted: 0,
  ...over,
});

/**
 * reception.day: a published day at 青石镇人大代表之家, 09:00–09:30 with seats left and 09:30–10:00 full
 * with a full waitlist (China clock, UTC+8).
 */
export const receptionDay = answer('reception', 'day', {
  dayId: 'day7',
  stationId: 'st1',
  stationName: '青石镇人大代表之家',
  stationAddress: '青石镇人民路 8 号',
  stationLatitude: 30.27,
  stationLongitude: 120.15,
  townshipId: 'tw-qs',
  townshipName: '青石镇',
  date: '2026-12-05',
  startsAt: '2026-12-05T01:00:00.000Z',
  endsAt: '2026-12-05T02:00:00.000Z',
  theme: '听取群众对村道改造的意见',
  status: 'published',
  bookingCutoff: '2026-12-04T13:00:00.000Z',
  bookingOpen: true,
  // The functions' China date: the pages decide "on the day" by it.
  today: chinaDate(),
  deputies: [{ deputyId: 'dep-01', name: '李华', status: 'confirmed', reason: null, attended: false }],
  slots: [
    slot('s1', '01:00', '01:30'),
    slot('s2', '01:30', '02:00', { booked: 4, remaining: 0, waitlisted: 100 }),
  ],
});

/** receptionDay on another China date (its hours and slots moved with it): for pages that compare with today. */
export function receptionDayOn(date: string) {
  const move = (iso: string) => chinaInstant(date, clock(iso));
  return answer('reception', 'day', {
    ...receptionDay,
    date,
    startsAt: move(receptionDay.startsAt),
    endsAt: move(receptionDay.endsAt),
    bookingCutoff: chinaInstant(addDays(date, -1), '21:00'),
    bookingOpen: false,
    slots: receptionDay.slots.map((s) => ({ ...s, startsAt: move(s.startsAt), endsAt: move(s.endsAt) })),
  });
}

/** reception.stations of the day's township: the station's contact and opening notes. */
export const townshipStations = answer('reception', 'stations', {
  items: [
    {
      stationId: 'st1',
      name: '青石镇人大代表之家',
      townshipId: 'tw-qs',
      townshipName: '青石镇',
      address: '青石镇人民路 8 号',
      contact: '0571-1234567',
      latitude: 30.27,
      longitude: 120.15,
      openingNotes: '从镇政府东门进',
    },
  ],
});

/** reception.book of a seat in slot s1. */
export const booked = answer('reception', 'book', {
  bookingId: 'b1',
  code: 'K7PX3QMA',
  status: 'confirmed',
  dayId: 'day7',
  slotId: 's1',
  waitlistPosition: null,
});

// ---- staff, deputies, regions (issue 9: pages that fit the role) ----

type Grant = ActionOutput<'account', 'me'>['roles'][number];

/** account.me of someone who holds `roles` (a deputy, office or station staff), not verified as a voter. */
export function staffMe(displayName: string, roles: Grant[], deputyId: string | null = null) {
  return answer('account', 'me', {
    userId: 'u4cbb06d1e2f3',
    displayName,
    roles,
    verification: {
      state: 'unverified',
      nameMasked: null,
      constituencyId: null,
      constituencyName: null,
      lockedUntil: null,
    },
    deputyId,
    unreadNotifications: 2,
  });
}

/** The demo county's shape: 青石镇 (tw-qs, two constituencies, a station) and 柳溪乡 (tw-lx). */
export const regions = answer('account', 'regions', {
  regions: [
    { id: 'county-yl', kind: 'county', name: '云岭县', parentId: null },
    { id: 'tw-qs', kind: 'township', name: '青石镇', parentId: 'county-yl' },
    { id: 'tw-qs-c1', kind: 'constituency', name: '青石镇第一选区', parentId: 'tw-qs' },
    { id: 'tw-qs-c2', kind: 'constituency', name: '青石镇第二选区', parentId: 'tw-qs' },
    { id: 'tw-lx', kind: 'township', name: '柳溪乡', parentId: 'county-yl' },
    { id: 'tw-lx-c1', kind: 'constituency', name: '柳溪乡第一选区', parentId: 'tw-lx' },
  ],
  stations: [
    { id: 'tw-qs-st', name: '青石镇人大代表之家', townshipId: 'tw-qs' },
    { id: 'tw-lx-st', name: '柳溪乡人大代表之家', townshipId: 'tw-lx' },
  ],
});

/** One deputy of contact.deputies (DeputyPublic and whether it is the caller's constituency). */
export const deputyIn = (deputyId: string, name: string, townshipId: 'tw-qs' | 'tw-lx') =>
  answer('contact', 'deputies', {
    items: [
      {
        deputyId,
        code: `C${deputyId.replace(/\W/g, '')}`.slice(0, 12),
        name,
        level: 'township',
        constituencyId: `${townshipId}-c1`,
        constituencyName: townshipId === 'tw-qs' ? '青石镇第一选区' : '柳溪乡第一选区',
        townshipName: townshipId === 'tw-qs' ? '青石镇' : '柳溪乡',
        workUnit: '',
        photoUrl: '',
        photoFileId: null,
        stationId: null,
        stationName: null,
        publicContact: '',
        mine: false,
      },
    ],
    nextCursor: null,
  }).items[0];

/** contact.myCard of 李秀英 (the card fixture above). */
export const myCard = answer('contact', 'myCard', {
  deputy,
  imageUrl: 'cloud://env-1/cards/AbC123.png',
  cardPath: 'pages/card/index?scene=AbC123',
});

/** account.notifications: an invitation whose body carries the date as the functions write it. */
export const notificationsPage = answer('account', 'notifications', {
  items: [
    {
      id: 'n1',
      kind: 'reception.invited',
      title: '您被安排参加代表接待日',
      body: '2026-12-05 青石镇人大代表之家：听取群众对村道改造的意见',
      link: '/deputy/receptions/index',
      createdAt: '2026-11-28T01:05:00.000Z',
      read: false,
    },
    {
      id: 'n2',
      kind: 'reception.reminder',
      title: '明天有代表接待',
      body: '2026-12-05 青石镇人大代表之家，预约码 K7PX3QMA',
      link: '/pages/bookings/index',
      createdAt: '2026-12-04T02:00:00.000Z',
      read: true,
    },
  ],
  nextCursor: null,
  unread: 1,
});

/**
 * reception.myBookings: the voter's seat in slot s1 of receptionDay (09:00–09:30), and an earlier
 * booking, checked in, at whose visit the deputy promised something.
 */
export const myBookings = answer('reception', 'myBookings', {
  items: [
    {
      bookingId: 'b1',
      dayId: 'day7',
      slotId: 's1',
      code: 'K7PX3QMA',
      status: 'confirmed',
      topic: '村口道路破损',
      visitorName: '王小明',
      walkIn: false,
      slotStartsAt: '2026-12-05T01:00:00.000Z',
      slotEndsAt: '2026-12-05T01:30:00.000Z',
      createdAt: '2026-11-28T01:00:00.000Z',
      checkedInAt: null,
      day: {
        date: '2026-12-05',
        theme: '听取群众对村道改造的意见',
        stationName: '青石镇人大代表之家',
        stationAddress: '青石镇人民路 8 号',
        bookingCutoff: '2026-12-04T13:00:00.000Z',
      },
      qr: 'data:image/png;base64,iVBORw0KGgo=',
      waitlistPosition: null,
      canCancel: true,
      promises: [],
    },
    {
      bookingId: 'b0',
      dayId: 'day3',
      slotId: 's9',
      code: 'R2TW5NXE',
      status: 'checkedIn',
      topic: '村口路灯坏了',
      visitorName: '王小明',
      walkIn: false,
      slotStartsAt: '2026-11-12T06:30:00.000Z',
      slotEndsAt: '2026-11-12T07:00:00.000Z',
      createdAt: '2026-11-05T01:00:00.000Z',
      checkedInAt: '2026-11-12T06:25:00.000Z',
      day: {
        date: '2026-11-12',
        theme: '乡村道路与路灯',
        stationName: '青石镇人大代表之家',
        stationAddress: '青石镇人民路 8 号',
        bookingCutoff: '2026-11-11T10:00:00.000Z',
      },
      qr: '',
      waitlistPosition: null,
      canCancel: false,
      promises: [
        {
          deputyName: '李华',
          promised: '一周内联系城建办维修，并电话告知您',
          recordedAt: '2026-11-12T07:05:00.000Z',
        },
      ],
    },
  ],
  nextCursor: null,
});

// ---- consult ----

const consultBase = {
  consultationId: 'c1',
  title: '青石镇集镇停车管理办法（征求意见稿）',
  background: '为规范集镇停车秩序，现征求意见。',
  version: 1,
  previousId: null,
  supersededBy: null,
  countyId: 'county-yl',
  townshipId: 'tw-qs',
  scopeName: '青石镇人大',
  status: 'published' as const,
  phase: 'open' as const,
  opensAt: '2026-11-20T00:00:00.000Z',
  closesAt: '2026-11-30T10:00:00.000Z',
  publishedAt: '2026-11-20T00:00:00.000Z',
  closedAt: null,
  feedbackPublishedAt: null,
  audience: {
    kind: 'verified' as const,
    townshipIds: [],
    constituencyIds: [],
    label: '青石镇的实名认证选民和代表',
  },
  articles: [
    {
      articleId: 'a1',
      number: 1,
      chapter: '第一章 总则',
      title: null,
      text: '为了规范集镇停车秩序，制定本办法。',
    },
    { articleId: 'a2', number: 2, chapter: '第一章 总则', title: '适用范围', text: '本办法适用于集镇主街。' },
  ],
  questions: [
    {
      questionId: 'q1',
      kind: 'single' as const,
      title: '您是否支持限时停车？',
      options: ['支持', '不支持'],
      required: true,
    },
  ],
  feedback: [],
  responseCount: 12,
};

/** consult.get: open, the voter has not answered yet. */
export const consultOpen = answer('consult', 'get', {
  ...consultBase,
  mine: null,
  canRespond: true,
  whyNot: null,
});

/** consult.get: after the voter answered (a comment on 第二条). */
export const consultAnswered = answer('consult', 'get', {
  ...consultBase,
  responseCount: 13,
  mine: {
    responseId: 'c1:u1',
    anonymous: false,
    answers: [{ questionId: 'q1', choice: 0 }],
    comments: [
      { articleId: 'a2', text: '建议写明主街的起止位置', status: 'visible', hidden: false, feedback: null },
    ],
    createdAt: '2026-11-21T01:00:00.000Z',
    updatedAt: '2026-11-21T01:00:00.000Z',
  },
  canRespond: true,
  whyNot: null,
});

/** consult.get: closed, the office published what was adopted. */
export const consultOutcome = answer('consult', 'get', {
  ...consultBase,
  status: 'feedbackPublished',
  phase: 'feedback',
  feedbackPublishedAt: '2026-12-02T01:00:00.000Z',
  feedback: [
    { articleId: 'a1', outcome: 'adopted', reason: '已采纳' },
    { articleId: 'a2', outcome: 'partly', reason: '起止位置在附图中标明' },
  ],
  mine: {
    ...consultAnswered.mine!,
    comments: [
      {
        articleId: 'a2',
        text: '建议写明主街的起止位置',
        status: 'visible',
        hidden: false,
        feedback: { articleId: 'a2', outcome: 'partly', reason: '起止位置在附图中标明' },
      },
    ],
  },
  canRespond: false,
  whyNot: '征询已结束',
});

export const responded = answer('consult', 'respond', { responseId: 'c1:u1', edited: false });
