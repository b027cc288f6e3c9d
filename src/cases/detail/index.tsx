import { Text, View } from '@tarojs/components';
import { dateTime } from '../../../cloudfunctions/core/time';
import { STAGE_LABEL } from '../../../cloudfunctions/modules/cases/constants';
import { call } from '../../api';
import { dueDay } from '../../components/CaseRow';
import { Loadable } from '../../components/Loadable';
import { PageShell } from '../../components/PageShell';
import { PostImages } from '../../components/PostImages';
import { useReloadOnShow } from '../../hooks/useLoad';
import { useResource } from '../../hooks/useResource';
import { useParam } from '../../utils/nav';
import { Actions } from './Actions';
import { Timeline } from './Timeline';
import './index.scss';

/**
 * One case: where it stands in plain words, what was asked and answered, the rating, every step with
 * who, when and why — and the steps the caller may take now. Closed never reads as solved: the answer
 * category and the rating say what happened.
 */
export default function CaseDetail() {
  const caseId = useParam('caseId');
  const res = useResource(() => call('cases', 'get', { caseId }), `case:${caseId}`, Boolean(caseId));
  useReloadOnShow(res.reload);
  const c = res.data?.case;
  return (
    <PageShell className="case-detail" demoBanner>
      <Loadable
        status={caseId ? res.status : 'error'}
        error={res.error}
        onRetry={() => void res.reload()}
        ways={[{ text: '我的社情民意', url: '/cases/mine/index' }]}
      >
        {c && res.data ? (
          <View>
            <View className="section">
              <Text className="muted" style={{ display: 'block' }}>
                {c.category} · {c.constituencyName ?? c.townshipName} · 编号 {c.caseId}
              </Text>
              <Text className="text case-status-line" style={{ display: 'block' }}>
                {c.statusLabel}
              </Text>
              {c.status === 'closed' ? (
                <Text className="muted case-outcome" style={{ display: 'block' }}>
                  {c.result
                    ? `办结：${c.answerCategory ?? '代表答复'}；提交人评价结果“${c.result}”、态度“${c.attitude}”`
                    : c.answerText
                      ? `办结：${c.answerCategory ?? '代表答复'}；提交人未评价`
                      : '办结'}
                </Text>
              ) : null}
              {c.stage && c.dueAt ? (
                <Text
                  className={c.overdue ? 'error-text case-due-line' : 'muted case-due-line'}
                  style={{ display: 'block' }}
                >
                  {STAGE_LABEL[c.stage]}期限：{dueDay(c.dueAt)}
                  {c.overdue ? '（已超期，已提醒办理人）' : ''}
                </Text>
              ) : null}
              {c.held ? (
                <Text className="muted" style={{ display: 'block' }}>
                  内容正在人工复核，复核后送交代表。
                </Text>
              ) : null}
            </View>
            <View className="section">
              <Text className="h2" style={{ marginTop: 0 }}>
                反映的内容
              </Text>
              <Text className="text case-text-shown" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                {c.text}
              </Text>
              <View className="case-photos">
                <PostImages images={c.images} withheld={c.imagesWithheld} />
              </View>
              <Text className="muted" style={{ display: 'block' }}>
                {c.submitterName ? `${c.submitterName} · ` : ''}
                {dateTime(c.createdAt)} 提交
                {c.published ? ` · 已公开 · ${c.supportCount} 人也关注` : ''}
              </Text>
              {c.mine ? (
                <Text className="muted" style={{ display: 'block' }}>
                  {c.consentForward ? '已同意转交承办单位' : '未同意转交承办单位'} ·{' '}
                  {c.consentPublish ? '已同意办结后公开' : '不公开'}
                </Text>
              ) : null}
            </View>
            {c.answerText ? (
              <View className="section case-answer">
                <Text className="h2" style={{ marginTop: 0 }}>
                  {c.handledBy === 'deputy'
                    ? `${c.deputyName ?? ''}代表的答复`
                    : `${c.leadUnit?.name ?? '承办单位'}的答复`}
                  {c.answerCategory ? `（${c.answerCategory}）` : ''}
                </Text>
                <Text className="text case-answer-text" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                  {c.answerText}
                </Text>
              </View>
            ) : null}
            <Actions c={c} onDone={(r) => res.setData(r)} />
            <Text className="h2">办理进程</Text>
            <Timeline steps={res.data.timeline} />
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
