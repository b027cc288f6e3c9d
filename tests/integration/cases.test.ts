/**
 * Public opinion reports through the cases handlers, on SQLite and on the CloudBase adapter over the
 * strict double, on the demo county (clock: Friday 2026-11-20 10:00 China time).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { runEvent, runJobs } from '../../cloudfunctions/core/jobs';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { userIdFor } from '../../cloudfunctions/modules/shared/public';
import { ENGINES, makeWorld, worlds, type EngineName, type World } from './harness';
import { checkAtOnce, checkLater, upload as uploadAs } from './media';

const DAY = 86400_000;
const UNIT = { openid: 'demo:unit' }; // 县交通运输局
const HEALTH = { openid: 'demo:unit-wj' }; // 县卫生健康局

const report = (over: Record<string, unknown> = {}) => ({
  kind: 'report',
  category: '交通出行',
  constituencyId: 'tw-qs-c1',
  text: '我叫王小明，电话13800138000。村口的桥栏杆断了，孩子上学很危险。',
  consentForward: true,
  consentPublish: true,
  ...over,
});

describe.each(ENGINES)('cases on %s', (engine: EngineName) => {
  let w: World;
  const fresh = worlds({ engine });
  beforeEach(async () => {
    w = await fresh();
  });

  type Row = Record<string, unknown>;
  const all = async (
    c: 'cases' | 'caseSteps' | 'outbox' | 'activities' | 'caseCounters' | 'claims',
  ): Promise<Row[]> =>
    w.double
      ? (w.double.dump(c) as Row[]).map(({ _id, ...rest }): Row => ({ id: _id, ...rest }))
      : (w.db.prepare(`SELECT * FROM ${c}`).all() as Row[]);
  const rows = async (c: 'cases' | 'caseSteps' | 'outbox' | 'activities' | 'caseCounters' | 'claims') =>
    (await all(c)).length;

  async function submitted(over: Record<string, unknown> = {}, requestId = 'report-req-1') {
    return w.call('voter', 'cases', 'submit', report(over), requestId);
  }

  /** Voter files, 李华 accepts and forwards, the township office assigns 县交通运输局 (青石镇政府 assisting). */
  async function assigned() {
    const { caseId } = await submitted();
    await w.call('deputy', 'cases', 'accept', { caseId });
    await w.call('deputy', 'cases', 'forward', { caseId, note: '请交通部门处理' });
    await w.call('township', 'cases', 'assign', {
      caseId,
      leadUnitId: 'unit-jt',
      assistingUnitIds: ['unit-qs'],
    });
    return caseId;
  }

  it('goes the whole way: file, accept, forward, assign, reply, 不满意 reopens, reply again, 满意, publish', async () => {
    const { caseId, status, held } = await submitted();
    expect([status, held]).toEqual(['submitted', false]);
    // A retry of the create returns the first case and writes nothing.
    const before = await rows('cases');
    expect((await submitted()).caseId).toBe(caseId);
    expect(await rows('cases')).toBe(before);

    // 李华 sees it waiting for his constituency; another township's deputy does not and may not accept it.
    const waiting = await w.call('deputy', 'cases', 'queue', { status: 'submitted' });
    expect(waiting.items.map((c) => c.caseId)).toContain(caseId);
    expect(waiting.items.find((c) => c.caseId === caseId)!.submitterName).toBe('王*明');
    await w.call('county', 'contact', 'saveDeputy', {
      deputyId: 'dep-12',
      name: '外乡代表',
      level: 'township',
      constituencyId: 'tw-lx-c2',
      userId: (await w.call({ openid: 'other-deputy' }, 'account', 'me', {})).userId,
    });
    const fp = w.fingerprint();
    expect(await w.raw({ openid: 'other-deputy' }, 'cases', 'accept', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(w.fingerprint()).toBe(fp);

    const accepted = await w.call('deputy', 'cases', 'accept', { caseId });
    expect(accepted.case).toMatchObject({ status: 'accepted', deputyName: '李华', stage: 'handle' });
    // Rating before any answer is a state error and writes nothing.
    const fp2 = w.fingerprint();
    expect(await w.raw('voter', 'cases', 'rate', { caseId, attitude: '满意', result: '满意' })).toMatchObject(
      {
        ok: false,
        error: { code: 'CONFLICT' },
      },
    );
    expect(w.fingerprint()).toBe(fp2);

    await w.call('deputy', 'cases', 'forward', { caseId, note: '请交通部门处理' });
    const office = await w.call('township', 'cases', 'queue', {});
    expect(office.as).toBe('office');
    expect(office.items.map((c) => c.caseId)).toContain(caseId);
    const a = await w.call('township', 'cases', 'assign', {
      caseId,
      leadUnitId: 'unit-jt',
      assistingUnitIds: ['unit-qs'],
    });
    expect(a.case).toMatchObject({
      status: 'assigned',
      leadUnit: { unitId: 'unit-jt', name: '县交通运输局' },
      assistingUnits: [{ unitId: 'unit-qs', name: '青石镇人民政府' }],
      stage: 'reply',
    });
    // Due in 3 months, at the end of 2027-02-20 China time.
    expect(a.case.dueAt).toBe('2027-02-20T16:00:00.000Z');

    // The unit sees it in its queue with the name masked; another unit cannot read it.
    const q = await w.call(UNIT, 'cases', 'queue', {});
    expect(q.as).toBe('unit');
    expect(q.items.find((c) => c.caseId === caseId)).toMatchObject({
      unitRole: 'lead',
      submitterName: '王*明',
    });
    expect(await w.raw(HEALTH, 'cases', 'get', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // An assisting unit replying is refused.
    const unitQs = userIdFor('unit-qs-staff');
    await w.call({ openid: 'unit-qs-staff' }, 'account', 'me', {});
    await w.call('county', 'cases', 'saveUnit', {
      unitId: 'unit-qs',
      name: '青石镇人民政府',
      grantUserId: unitQs,
    });
    const fp3 = w.fingerprint();
    expect(
      await w.raw({ openid: 'unit-qs-staff' }, 'cases', 'reply', {
        caseId,
        answerCategory: '留作参考',
        text: '已阅',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('主办单位') },
    });
    expect(w.fingerprint()).toBe(fp3);

    await w.call(UNIT, 'cases', 'accept', { caseId });
    const r1 = await w.call(UNIT, 'cases', 'reply', {
      caseId,
      answerCategory: '列入年度计划',
      text: '明年春季维修',
    });
    expect(r1.case).toMatchObject({ status: 'replied', answerCategory: '列入年度计划', handledBy: 'unit' });

    w.clock.advance(2 * DAY);
    const reopened = await w.call('voter', 'cases', 'rate', {
      caseId,
      attitude: '基本满意',
      result: '不满意',
    });
    expect(reopened.case).toMatchObject({ status: 'reopened', reopenCount: 1, stage: 'rehandle' });
    // Re-handled within 1 month: due at the end of 2026-12-22.
    expect(reopened.case.dueAt).toBe('2026-12-22T16:00:00.000Z');
    expect((await w.call(UNIT, 'cases', 'queue', {})).items.map((c) => c.caseId)).toContain(caseId);

    await w.call(UNIT, 'cases', 'reply', {
      caseId,
      answerCategory: '已解决或采纳',
      text: '已于本周修好栏杆',
    });
    const closed = await w.call('voter', 'cases', 'rate', { caseId, attitude: '满意', result: '满意' });
    expect(closed.case).toMatchObject({ status: 'closed', result: '满意', reopenCount: 1 });
    // Reopening twice: a closed case takes no more ratings.
    expect(
      await w.raw('voter', 'cases', 'rate', { caseId, attitude: '满意', result: '不满意' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    await w.call('township', 'cases', 'publish', { caseId });
    const seen = await w.call(null, 'cases', 'get', { caseId });
    expect(seen.case).toMatchObject({ published: true, submitterName: '', latitude: null, images: [] });
    expect(seen.case.text).not.toMatch(/王小明|13800138000/);
    expect(seen.case.text).toContain('桥栏杆');
    const pub = await w.call(null, 'cases', 'published', {});
    expect(pub.items[0]).toMatchObject({ caseId, answerCategory: '已解决或采纳' });
    expect(JSON.stringify(pub.items[0])).not.toMatch(/王小明|13800138000/);

    // The timeline says who did what, in order, in plain words.
    const tl = (await w.call('voter', 'cases', 'get', { caseId })).timeline;
    expect(tl.map((s) => s.action)).toEqual([
      'submit',
      'accept',
      'forward',
      'assign',
      'accept',
      'reply',
      'rate',
      'reply',
      'rate',
      'publish',
    ]);
    expect(tl[1].text).toBe('李华代表受理了这件事');
    expect(tl[3].text).toContain('县交通运输局（主办）、青石镇人民政府（协办）');
    expect(tl[6].text).toContain('重新办理');

    // Duty record: accept and forward; the submitter was told at each step.
    const acts = (await all('activities')).filter((x) => x.refId === caseId).map((x) => x.type);
    expect(acts.sort()).toEqual(['case.accept', 'case.forward']);
    const told = (await all('outbox')).filter(
      (n) => n.userId === w.userId('voter') && String(n.link).includes(caseId),
    );
    expect(told.length).toBeGreaterThanOrEqual(6);

    // Statistics from counters match what a scan of the cases says.
    const stats = await w.call('township', 'cases', 'stats', {
      fromDate: '2026-11-01',
      toDate: '2026-11-30',
    });
    const cases = (await all('cases')).filter((c) => c.townshipId === 'tw-qs' && c.month === '2026-11');
    expect(stats.total).toBe(cases.length);
    for (const s of stats.byStatus) expect(s.count).toBe(cases.filter((c) => c.status === s.key).length);
    expect(stats.result).toEqual(expect.arrayContaining([{ key: '满意', label: '满意', count: 2 }]));
    expect(stats.published).toBe(2);
    expect(stats.reopened).toBe(1);
    expect(stats.byUnit.find((u) => u.unitId === 'unit-jt')).toMatchObject({ assigned: 2, replied: 1 });
    expect(stats.medianWorkingDays).not.toBeNull();
  });

  it('two staff acting on one case at once: one wins, the other gets CONFLICT, nothing half-written', async () => {
    const { caseId } = await submitted();
    await w.call('deputy', 'cases', 'accept', { caseId });
    await w.call('deputy', 'cases', 'forward', { caseId });
    const steps = await rows('caseSteps');
    const [x, y] = await Promise.all([
      w.raw('township', 'cases', 'assign', { caseId, leadUnitId: 'unit-jt' }),
      w.raw('county', 'cases', 'assign', { caseId, leadUnitId: 'unit-zj' }),
    ]);
    const oks = [x, y].filter((r) => r.ok);
    expect(oks).toHaveLength(1);
    expect([x, y].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await rows('caseSteps')).toBe(steps + 1);
    const parts = (w.double ? w.double.dump('caseUnits') : w.db.prepare('SELECT * FROM caseUnits').all()) as {
      caseId: string;
    }[];
    expect(parts.filter((p) => p.caseId === caseId)).toHaveLength(1);
  });

  it('publishing needs the consent; forwarding to a unit needs the consent to forward', async () => {
    const { caseId } = await submitted({ consentPublish: false, consentForward: false });
    await w.call('deputy', 'cases', 'accept', { caseId });
    await w.call('deputy', 'cases', 'forward', { caseId });
    const fp = w.fingerprint();
    expect(await w.raw('township', 'cases', 'assign', { caseId, leadUnitId: 'unit-jt' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('未同意转交') },
    });
    expect(w.fingerprint()).toBe(fp);
    const other = await submitted({ consentPublish: false }, 'report-req-2');
    await w.call('deputy', 'cases', 'accept', { caseId: other.caseId });
    await w.call('deputy', 'cases', 'answer', { caseId: other.caseId, text: '已协调村委会修好' });
    await w.call('voter', 'cases', 'rate', { caseId: other.caseId, attitude: '满意', result: '满意' });
    expect(await w.raw('township', 'cases', 'publish', { caseId: other.caseId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('未同意公开') },
    });
    const acts = (await all('activities')).filter((a) => a.refId === other.caseId).map((a) => a.type);
    expect(acts.sort()).toEqual(['case.accept', 'case.answer']);
  });

  it('涉法涉诉 is declined with a pointer to 信访; editing after submission is not an action', async () => {
    const { caseId } = await submitted();
    const d = await w.call('deputy', 'cases', 'decline', { caseId, litigation: true });
    expect(d.case.status).toBe('declined');
    expect(d.timeline.at(-1)!.note).toContain('信访');
    const fp = w.fingerprint();
    expect(await w.raw('voter', 'cases', 'update', { caseId, text: '改一下' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await w.raw('voter', 'cases', 'submit', { ...report(), caseId, status: 'closed' })).toMatchObject({
      ok: true,
    });
    // The fields a client may not set (status, caseId) are not taken from a submit.
    const last = (await w.call('voter', 'cases', 'mine', {})).items[0];
    expect(last.status).toBe('submitted');
    expect(fp).not.toBe(w.fingerprint());
  });

  it('a held report waits for staff; release sends it to the deputies', async () => {
    const { caseId, held } = await submitted({ text: '我们想去上访' });
    expect(held).toBe(true);
    expect(
      (await w.call('deputy', 'cases', 'queue', { status: 'submitted' })).items.map((c) => c.caseId),
    ).not.toContain(caseId);
    expect(await w.raw('deputy', 'cases', 'accept', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await w.call('township', 'cases', 'release', { caseId, decision: 'release' });
    expect(
      (await w.call('deputy', 'cases', 'queue', { status: 'submitted' })).items.map((c) => c.caseId),
    ).toContain(caseId);
  });

  it('a deputy turns a thread into a report in one step, linked both ways, once', async () => {
    const { threadId } = await w.call('voter', 'contact', 'send', {
      deputyId: 'dep-01',
      text: '镇上垃圾站太臭了',
    });
    const draft = await w.call('deputy', 'cases', 'draftFrom', { fromThreadId: threadId });
    expect(draft).toMatchObject({
      from: 'thread',
      townshipId: 'tw-qs',
      constituencyId: 'tw-qs-c1',
      existingCaseId: null,
    });
    expect(draft.text).toContain('垃圾站');
    const r = await w.call('deputy', 'cases', 'submit', {
      kind: 'report',
      category: '生态环境',
      constituencyId: draft.constituencyId,
      text: draft.text,
      consentForward: true,
      consentPublish: false,
      fromThreadId: threadId,
    });
    expect(r.status).toBe('accepted');
    const thread = await w.ports.store.get('threads', threadId);
    expect(thread!.reportCaseId).toBe(r.caseId);
    // The voter sees it as theirs and is told.
    expect((await w.call('voter', 'cases', 'mine', {})).items[0].caseId).toBe(r.caseId);
    expect((await w.call('deputy', 'cases', 'draftFrom', { fromThreadId: threadId })).existingCaseId).toBe(
      r.caseId,
    );
    expect(
      await w.raw('deputy', 'cases', 'submit', { ...report(), fromThreadId: threadId }, 'second-try-xyz'),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Another deputy may not take someone else's thread.
    expect(
      await w.raw({ openid: 'someone' }, 'cases', 'draftFrom', { fromThreadId: threadId }),
    ).toMatchObject({
      ok: false,
    });
    const acts = (await all('activities')).filter((a) => a.refId === r.caseId).map((a) => a.type);
    expect(acts).toEqual(['case.file']);
  });

  it('a deputy turns a visit record into a report (duty record: visit-to-report)', async () => {
    const v = await w.call('deputy', 'reception', 'recordVisit', {
      dayId: 'rd-today',
      raised: '希望在村里设一个快递点',
      promised: '向镇里反映',
    });
    const draft = await w.call('deputy', 'cases', 'draftFrom', { fromVisitId: v.visitId });
    const r = await w.call('deputy', 'cases', 'submit', {
      kind: 'report',
      category: '基层治理',
      constituencyId: 'tw-qs-c1',
      text: draft.text,
      consentForward: true,
      consentPublish: false,
      fromVisitId: v.visitId,
    });
    expect((await w.ports.store.get('visits', v.visitId))!.caseId).toBe(r.caseId);
    const acts = (await all('activities')).filter((a) => a.refId === r.caseId).map((a) => a.type);
    expect(acts).toEqual(['case.fromVisit']);
  });

  it('the timer flags what is late, reminds the holder and tells the submitter, once per stage', async () => {
    const { caseId } = await submitted();
    // 7 working days after Friday 11-20 is Tuesday 12-01; on Wednesday 12-02 it is late.
    w.clock.set('2026-12-01T15:00:00Z');
    await runJobs(w.ports, JOB_STEPS);
    expect((await w.ports.store.get('cases', caseId))!.overdue).toBe(false);
    w.clock.set('2026-12-01T17:00:00Z');
    await runJobs(w.ports, JOB_STEPS);
    const c = (await w.ports.store.get('cases', caseId))!;
    expect(c).toMatchObject({ overdue: true, lateStages: 1 });
    const outbox = await all('outbox');
    const told = outbox.filter((n) => n.kind === 'case.late' && String(n.link).includes(caseId));
    const reminded = outbox.filter((n) => n.kind === 'case.overdue' && String(n.link).includes(caseId));
    expect(told).toHaveLength(1);
    expect(reminded.map((n) => n.userId)).toContain(w.userId('deputy'));
    await runJobs(w.ports, JOB_STEPS);
    expect(
      (await all('outbox')).filter((n) => n.kind === 'case.late' && String(n.link).includes(caseId)),
    ).toHaveLength(1);
    expect(
      (await w.call('deputy', 'cases', 'queue', { status: 'submitted' })).items.find(
        (x) => x.caseId === caseId,
      )!.overdue,
    ).toBe(true);
    // Accepting starts the next stage with a fresh limit.
    const a = await w.call('deputy', 'cases', 'accept', { caseId });
    expect(a.case.overdue).toBe(false);
    const stats = await w.call('township', 'cases', 'stats', {
      fromDate: '2026-11-01',
      toDate: '2026-11-30',
    });
    const late = (await all('cases')).filter((x) => x.townshipId === 'tw-qs' && Number(x.lateStages) > 0);
    expect(stats.overdue).toBe(late.length);
    expect(late.map((x) => x.id)).toContain(caseId);
  });

  it('the calendar the office keeps moves the limits: holidays out, 调休 in', async () => {
    await w.call('county', 'cases', 'editCalendar', {
      year: 2026,
      holidays: ['2026-11-23', '2026-11-24'],
      workdays: ['2026-11-28'],
    });
    const { caseId } = await submitted();
    // Mon/Tue off, Sat 11-28 worked: 7 working days after 11-20 = 11-25, 26, 27, 28, 30, 12-01, 12-02.
    expect((await w.ports.store.get('cases', caseId))!.dueAt).toBe('2026-12-02T16:00:00.000Z');
    expect((await w.call(UNIT, 'cases', 'calendar', { year: 2026 })).workdays).toEqual(['2026-11-28']);
  });

  it('a unit returns within 7 working days with a reason, not after; the office reassigns', async () => {
    const caseId = await assigned();
    w.clock.advance(12 * DAY);
    const fp = w.fingerprint();
    expect(await w.raw(UNIT, 'cases', 'return', { caseId, reason: '不是我们的职责' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(w.fingerprint()).toBe(fp);
    const second = await (async () => {
      const other = await submitted({}, 'report-req-9');
      await w.call('deputy', 'cases', 'accept', { caseId: other.caseId });
      await w.call('deputy', 'cases', 'forward', { caseId: other.caseId });
      await w.call('township', 'cases', 'assign', { caseId: other.caseId, leadUnitId: 'unit-jt' });
      return other.caseId;
    })();
    const back = await w.call(UNIT, 'cases', 'return', { caseId: second, reason: '应由住建局办理' });
    expect(back.case).toMatchObject({ status: 'returned', leadUnit: null });
    expect((await w.call(UNIT, 'cases', 'queue', {})).items.map((c) => c.caseId)).not.toContain(second);
    const again = await w.call('township', 'cases', 'assign', { caseId: second, leadUnitId: 'unit-zj' });
    expect(again.case.status).toBe('assigned');
    expect(
      (await w.call('deputy', 'cases', 'get', { caseId: second })).timeline.map((s) => s.action),
    ).toContain('return');
  });

  it('a later case linked to an earlier one follows its outcome', async () => {
    const earlier = await assigned();
    const later = await submitted({ text: '桥的栏杆断了好几天了' }, 'report-req-3');
    await w.call('deputy', 'cases', 'accept', { caseId: later.caseId });
    const linked = await w.call('township', 'cases', 'link', { caseId: later.caseId, toCaseId: earlier });
    expect(linked.case).toMatchObject({ status: 'inProgress', followsCaseId: earlier });
    await w.call(UNIT, 'cases', 'reply', { caseId: earlier, answerCategory: '已解决或采纳', text: '已修好' });
    const followed = await w.call('voter', 'cases', 'get', { caseId: later.caseId });
    expect(followed.case).toMatchObject({
      status: 'replied',
      answerText: '已修好',
      answerCategory: '已解决或采纳',
    });
    // Its submitter rates it as any other; 不满意 reaches the unit that answered.
    const r = await w.call('voter', 'cases', 'rate', {
      caseId: later.caseId,
      attitude: '满意',
      result: '不满意',
    });
    expect(r.case.status).toBe('reopened');
    expect((await w.call(UNIT, 'cases', 'queue', {})).items.map((c) => c.caseId)).toContain(later.caseId);
  });

  it('我也关注: once per person on a published case, counted', async () => {
    const pub = (await w.call(null, 'cases', 'published', {})).items[0];
    const before = pub.supportCount;
    expect((await w.call('newcomer', 'cases', 'support', { caseId: pub.caseId })).supportCount).toBe(
      before + 1,
    );
    expect(await w.raw('newcomer', 'cases', 'support', { caseId: pub.caseId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await w.call('deputy', 'cases', 'support', { caseId: pub.caseId });
    expect((await w.call(null, 'cases', 'published', {})).items[0].supportCount).toBe(before + 2);
    const { caseId } = await submitted();
    expect(await w.raw('newcomer', 'cases', 'support', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('exports XLSX with personal data for office staff of the scope', async () => {
    await submitted();
    const out = await w.call('township', 'cases', 'export', { fromDate: '2026-11-01', toDate: '2026-11-30' });
    expect(out).toMatchObject({ personalData: true, truncated: false });
    expect(out.rows).toBeGreaterThanOrEqual(6);
    expect(out.url).toMatch(/^\/files\/exports\/[A-Za-z0-9_-]+\//);
  });
});

describe.each(ENGINES)('report photos on %s', (engine: EngineName) => {
  let w: World;
  const upload = (who: 'voter' | 'deputy', name: string) => uploadAs(w, w.userId(who), name);
  /** Locally the check answers at once: risky for a name with risky- in it. */
  const atOnce = worlds({ engine, media: checkAtOnce((f) => (f.includes('risky-') ? 'risky' : 'pass')) });
  /** As on WeChat: every check answers later, by trace id, as the wxa_media_check event. */
  const { media: answersLater, event, traceOf } = checkLater('case-trace');
  const later = worlds({ engine, media: answersLater });
  const photosOf = async (who: Parameters<World['call']>[0], caseId: string) => {
    const { images, imagesWithheld } = (await w.call(who, 'cases', 'get', { caseId })).case;
    return { images, imagesWithheld };
  };

  it('only one’s own uploads; a risky photo refuses the report and writes nothing; passed ones for all who may read it', async () => {
    w = await atOnce();
    const mine = await upload('voter', 'bridge-photo-1');
    const risky = await upload('voter', 'risky-photo-1');
    const theirs = await upload('deputy', 'deputy-photo-1');
    const before = w.fingerprint();
    expect(
      await w.raw('voter', 'cases', 'submit', report({ images: [mine, theirs] }), 'photo-req-1'),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'images.1': '不是您上传的图片' } },
    });
    expect(
      await w.raw('voter', 'cases', 'submit', report({ images: [mine, risky] }), 'photo-req-2'),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONTENT_REJECTED',
        message: expect.stringContaining('第 2 张图片未通过安全检查'),
        fields: { 'images.1': '这张图片未通过安全检查' },
      },
    });
    // A deputy filing on a voter's behalf: only the deputy's own uploads, the same check.
    expect(await w.raw('deputy', 'cases', 'submit', report({ images: [mine] }), 'photo-req-3')).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'images.0': '不是您上传的图片' } },
      },
    );
    expect(w.fingerprint()).toBe(before);

    const { caseId } = await w.call('voter', 'cases', 'submit', report({ images: [mine] }), 'photo-req-4');
    for (const who of ['voter', 'deputy', 'township'] as const)
      expect(await photosOf(who, caseId)).toEqual({
        images: [{ fileId: mine, status: 'pass' }],
        imagesWithheld: 0,
      });
    const filed = await w.call('deputy', 'cases', 'submit', report({ images: [theirs] }), 'photo-req-5');
    expect((await photosOf('deputy', filed.caseId)).images).toEqual([{ fileId: theirs, status: 'pass' }]);
  });

  it('a waiting photo: the submitter and office see it, the deputy and the unit only once the event passes it; a forged event changes nothing', async () => {
    w = await later();
    const a = await upload('voter', 'waiting-photo-a');
    const b = await upload('voter', 'waiting-photo-b');
    const { caseId } = await w.call('voter', 'cases', 'submit', report({ images: [a, b] }), 'photo-req-6');
    // The case keeps each photo with its trace; the checks are recorded in the same unit of work.
    const stored = (await w.ports.store.get('cases', caseId))!;
    expect(stored.images).toEqual([
      { fileId: a, status: 'pending', traceId: traceOf(a) },
      { fileId: b, status: 'pending', traceId: traceOf(b) },
    ]);
    expect(await w.ports.store.get('mediaChecks', `trace:${traceOf(a)}`)).toMatchObject({
      ref: `case:${caseId}`,
      userId: w.userId('voter'),
      status: 'pending',
    });
    const waiting = {
      images: [
        { fileId: a, status: 'pending' },
        { fileId: b, status: 'pending' },
      ],
      imagesWithheld: 0,
    };
    expect(await photosOf('voter', caseId)).toEqual(waiting);
    expect(await photosOf('township', caseId)).toEqual(waiting);
    expect(await photosOf('deputy', caseId)).toEqual({ images: [], imagesWithheld: 2 });
    await w.call('deputy', 'cases', 'accept', { caseId });
    await w.call('deputy', 'cases', 'forward', { caseId, note: '请交通部门处理' });
    await w.call('township', 'cases', 'assign', { caseId, leadUnitId: 'unit-jt' });
    expect(await photosOf(UNIT, caseId)).toEqual({ images: [], imagesWithheld: 2 });

    // A forged event (a trace nobody was given) changes nothing.
    const before = w.fingerprint();
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', { ...event(a, 'pass'), trace_id: 'made-up' });
    expect(w.fingerprint()).toBe(before);
    expect(await photosOf('deputy', caseId)).toEqual({ images: [], imagesWithheld: 2 });

    const version = (await w.ports.store.get('cases', caseId))!.version;
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(a, 'pass'));
    const passedA = { images: [{ fileId: a, status: 'pass' }], imagesWithheld: 1 };
    expect(await photosOf('deputy', caseId)).toEqual(passedA);
    expect(await photosOf(UNIT, caseId)).toEqual(passedA);
    expect((await photosOf('voter', caseId)).images).toEqual([
      { fileId: a, status: 'pass' },
      { fileId: b, status: 'pending' },
    ]);
    // A repeated answer changes nothing, and the case itself is never rewritten by a verdict.
    const again = w.fingerprint();
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(a, 'risky'));
    expect(w.fingerprint()).toBe(again);
    expect((await w.ports.store.get('cases', caseId))!.version).toBe(version);

    // Unanswered for a day: held for review, still only for the submitter and staff.
    w.clock.advance(DAY + 60_000);
    expect((await photosOf('township', caseId)).images[1]).toEqual({ fileId: b, status: 'review' });
    expect(await photosOf('deputy', caseId)).toEqual(passedA);
    // Found risky after all: shown to nobody.
    await runEvent(w.ports, JOB_STEPS, 'wxa_media_check', event(b, 'risky'));
    expect(await photosOf('voter', caseId)).toEqual({
      images: [{ fileId: a, status: 'pass' }],
      imagesWithheld: 0,
    });
    expect(await photosOf('deputy', caseId)).toEqual({
      images: [{ fileId: a, status: 'pass' }],
      imagesWithheld: 0,
    });
  });
});

describe('the export file', () => {
  it('is a real spreadsheet with the rows', async () => {
    const w = await makeWorld();
    let stored: Buffer | null = null;
    const put = w.ports.files.put.bind(w.ports.files);
    w.ports.files.put = async (path, bytes, type) => {
      stored = bytes;
      return put(path, bytes, type);
    };
    await w.call('county', 'cases', 'export', { fromDate: '2026-11-01', toDate: '2026-11-30' });
    const zip = unzipSync(new Uint8Array(stored!));
    const strings = strFromU8(zip['xl/sharedStrings.xml'] ?? zip['xl/worksheets/sheet1.xml']);
    expect(strings).toContain('提交时间');
    expect(strings).toContain('降压药');
  });
});
