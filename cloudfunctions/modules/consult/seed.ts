/**
 * The consult part of the demo county: 《云岭县农村人居环境整治条例（草案）》, published by the county
 * office, open now for two weeks to everyone signed in: 3 articles in 2 chapters, 2 questions.
 */
import type { Ports } from '../../core/ports';
import { addDays, chinaDate, chinaInstant } from '../../core/time';
import { COUNTY, daysAgo, personaUserId } from '../shared/public';
import type { Consultation } from './records';
import { emptyShards } from './tally';

export const DEMO_CONSULTATION_ID = 'cs-demo';

export async function seedConsult(ports: Ports): Promise<void> {
  const today = chinaDate(ports.clock.now());
  const published = daysAgo(ports, 1);
  const id = DEMO_CONSULTATION_ID;
  const c: Consultation = {
    id,
    countyId: COUNTY.id,
    townshipId: null,
    title: '云岭县农村人居环境整治条例（草案）',
    background:
      '为改善农村人居环境、建设美丽乡村，县人大常委会拟制定本条例。现将草案全文公布，征求全县选民和人大代表的意见。（演示数据）',
    articles: [
      {
        articleId: `${id}-a1`,
        number: 1,
        chapter: '第一章 总则',
        title: null,
        text: '为了改善农村人居环境，保障村民身体健康，建设生态宜居美丽乡村，根据有关法律法规，结合本县实际，制定本条例。',
      },
      {
        articleId: `${id}-a2`,
        number: 2,
        chapter: '第二章 垃圾治理',
        title: null,
        text: '村民委员会应当在每个自然村设置垃圾分类收集点，生活垃圾实行“户分类、村收集、镇转运、县处理”，做到日产日清。',
      },
      {
        articleId: `${id}-a3`,
        number: 3,
        chapter: '第二章 垃圾治理',
        title: null,
        text: '禁止在河道、沟渠、道路两侧倾倒垃圾和建筑废弃物。违反规定的，由乡镇人民政府责令改正，可以处五十元以上五百元以下罚款。',
      },
    ],
    questions: [
      {
        questionId: `${id}-q1`,
        kind: 'single',
        title: '您所在的村垃圾多久清运一次？',
        options: ['每天', '两三天一次', '一周一次', '很少清运'],
        required: true,
      },
      {
        questionId: `${id}-q2`,
        kind: 'scale',
        title: '您对本村目前的人居环境打几分？（1 分最差，5 分最好）',
        options: [],
        required: false,
      },
    ],
    audience: { kind: 'all', townshipIds: [], constituencyIds: [] },
    opensAt: published,
    closesAt: chinaInstant(addDays(today, 14), '18:00'),
    status: 'published',
    listed: true,
    listedAt: published,
    version: 1,
    previousId: null,
    supersededBy: null,
    feedback: [],
    publishedAt: published,
    closedAt: null,
    feedbackPublishedAt: null,
    remindersSentAt: null,
    createdBy: personaUserId('county'),
    createdAt: daysAgo(ports, 3),
    updatedAt: published,
  };
  await ports.store.transact(async (tx) => {
    await tx.insert('consultations', c);
    for (const shard of emptyShards(id)) await tx.insert('consultTallies', shard);
  });
}
