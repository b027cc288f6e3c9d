/** The contact part of the demo county: three of 王小明's threads — one answered, one waiting, one to another deputy. */
import type { Ports } from '../../core/ports';
import { maskName } from '../../core/privacy';
import { daysAgo, personaUserId } from '../shared/public';
import type { Message, Thread } from './records';

const SAMPLES: [deputy: string, category: string, text: string, reply: string | null][] = [
  [
    'dep-01',
    '城乡建设',
    '村口到镇上的路灯坏了三盏，晚上接孩子很不方便，能不能帮忙反映一下？',
    '已联系镇城建办，下周安排维修，修好后我再回复您。',
  ],
  ['dep-01', '农业农村', '今年茶叶收购价压得很低，合作社能不能牵头统一销售？', null],
  ['dep-02', '教育医疗', '镇卫生院周末能不能增加一个儿科门诊？', '这个建议很好，我会在下次代表活动时提出。'],
];

export async function seedContact(ports: Ports): Promise<void> {
  const at = (days: number) => daysAgo(ports, days);
  const voterId = personaUserId('voter');
  await ports.store.transact(async (tx) => {
    for (const [k, [deputyId, category, text, reply]] of SAMPLES.entries()) {
      const d = (await tx.get('deputies', deputyId))!;
      const created = at(10 - k * 3);
      const t: Thread = {
        id: `th-demo-${k + 1}`,
        deputyId: d.id,
        countyId: d.countyId,
        townshipId: d.townshipId,
        voterUserId: voterId,
        voterVerified: true,
        voterName: maskName('王小明'),
        category,
        status: reply ? 'replied' : 'new',
        outcome: null,
        held: false,
        lastText: reply ?? text,
        createdAt: created,
        lastMessageAt: reply ? at(9 - k * 3) : created,
        awaitingSince: reply ? null : created,
        firstReplyAt: reply ? at(9 - k * 3) : null,
        firstReplySeconds: reply ? 86400 : null,
        chasedAt: null,
        unreadByDeputy: !reply,
        unreadByVoter: !!reply,
      };
      await tx.insert('threads', t);
      const m = (
        id: string,
        role: Message['authorRole'],
        body: string,
        when: string,
        author: string,
      ): Message => ({
        id,
        threadId: t.id,
        deputyId: d.id,
        countyId: d.countyId,
        townshipId: d.townshipId,
        authorUserId: author,
        authorRole: role,
        text: body,
        status: 'visible',
        createdAt: when,
        reviewedBy: null,
        reviewedAt: null,
      });
      await tx.insert('messages', m(`${t.id}-m1`, 'voter', text, created, voterId));
      if (!reply) continue;
      await tx.insert(
        'messages',
        m(`${t.id}-m2`, 'deputy', reply, t.lastMessageAt, d.userId ?? `deputy:${d.id}`),
      );
      if (d.userId) {
        await tx.insert('activities', {
          id: `${t.id}-act`,
          deputyId: d.id,
          type: 'message.reply',
          refType: 'thread',
          refId: t.id,
          summary: `答复选民留言：${reply}`,
          points: ports.config.points['message.reply'] ?? 0,
          at: t.lastMessageAt,
        });
      }
    }
  });
}
