/** Full consult records with plain defaults (beside fixtures.ts, in its style); pass overrides. */
import type {
  ConsultComment,
  Consultation,
  ConsultNotice,
  ConsultResponse,
  ConsultTally,
} from '../../cloudfunctions/modules/consult/records';
import { at, COUNTY, nextId, TOWNSHIP } from './fixtures';

export const aConsultation = (over: Partial<Consultation> = {}): Consultation => ({
  id: nextId('consultation'),
  countyId: COUNTY,
  townshipId: null,
  title: '农村人居环境整治条例（草案）',
  background: '征求意见',
  articles: [
    { articleId: 'a-1', number: 1, chapter: '第一章 总则', title: null, text: '为了……，制定本条例。' },
  ],
  questions: [
    { questionId: 'q-1', kind: 'single', title: '多久清运一次？', options: ['每天', '每周'], required: true },
  ],
  audience: { kind: 'verified', townshipIds: [TOWNSHIP], constituencyIds: [] },
  opensAt: at(0),
  closesAt: at(60 * 24 * 14),
  status: 'published',
  listed: true,
  listedAt: at(0),
  version: 1,
  previousId: null,
  supersededBy: null,
  feedback: [],
  publishedAt: at(0),
  closedAt: null,
  feedbackPublishedAt: null,
  remindersSentAt: null,
  createdBy: 'user-office',
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

export const aResponse = (over: Partial<ConsultResponse> = {}): ConsultResponse => {
  const consultationId = over.consultationId ?? 'consultation-x';
  const userId = over.userId ?? nextId('user');
  return {
    id: `${consultationId}:${userId}`,
    consultationId,
    userId,
    role: 'voter',
    deputyId: null,
    townshipId: TOWNSHIP,
    constituencyId: null,
    name: '王小明',
    publicName: '王*明',
    anonymous: false,
    answers: [{ questionId: 'q-1', choice: 1 }],
    articleIds: ['a-1'],
    createdAt: at(1),
    updatedAt: at(1),
    edits: 0,
    ...over,
  };
};

export const aComment = (over: Partial<ConsultComment> = {}): ConsultComment => ({
  id: nextId('comment'),
  consultationId: 'consultation-x',
  responseId: 'consultation-x:user-1',
  userId: 'user-1',
  articleId: 'a-1',
  questionId: null,
  text: '建议增加分类指导。',
  status: 'visible',
  reviewedAt: null,
  role: 'voter',
  name: '王小明',
  publicName: '王*明',
  anonymous: false,
  townshipId: TOWNSHIP,
  constituencyId: null,
  createdAt: at(1),
  updatedAt: at(1),
  ...over,
});

export const aTally = (over: Partial<ConsultTally> = {}): ConsultTally => ({
  id: nextId('tally'),
  consultationId: 'consultation-x',
  shard: 0,
  counts: { n: 3, 'role:voter': 2, 'role:deputy': 1, 'o:q-1:0': 2 },
  ...over,
});

export const aNotice = (over: Partial<ConsultNotice> = {}): ConsultNotice => ({
  id: nextId('notice'),
  consultationId: 'consultation-x',
  kind: 'feedback',
  title: '采纳情况已公布',
  body: '看看您的意见',
  link: '/consult/answer/index?consultationId=consultation-x',
  afterKey: null,
  afterId: null,
  sent: 0,
  done: false,
  createdAt: at(2),
  ...over,
});
