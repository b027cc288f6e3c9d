import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import {
  COMMENT_MAX,
  POST_TEXT_MAX,
  REPORT_REASON_LABEL,
  REPORT_REASONS,
} from '../../../cloudfunctions/modules/groups/constants';
import type { CommentView } from '../../../cloudfunctions/modules/groups/contract';
import { call, toApiError } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { Counter, FormError } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { useDraft } from '../../hooks/useDraft';
import { useReloadOnShow } from '../../hooks/useLoad';
import { usePaged } from '../../hooks/usePaged';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { go, useParam } from '../../utils/nav';
import { tapProps } from '../../utils/a11y';
import { Poll } from '../components/Poll';
import { PostCard } from '../components/PostCard';
import '../groups.scss';

/** Asks which reason, then reports once (a second report of the same is refused by the function). */
async function report(target: { postId: string } | { commentId: string }) {
  const labels = REPORT_REASONS.map((r) => REPORT_REASON_LABEL[r]);
  let index: number;
  try {
    index = (await Taro.showActionSheet({ itemList: labels })).tapIndex;
  } catch {
    return; // cancelled
  }
  const ok = await Taro.showModal({
    title: '举报',
    content: `以“${labels[index]}”举报这条内容？每人只能举报一次。`,
    confirmText: '举报',
  });
  if (!ok.confirm) return;
  try {
    const r = await call('groups', 'report', { ...target, reason: REPORT_REASONS[index] });
    void Taro.showToast({ title: r.hidden ? '已举报，内容已隐藏待审核' : '已举报', icon: 'none' });
  } catch (e) {
    void Taro.showModal({ title: '举报未成功', content: toApiError(e).message, showCancel: false });
  }
}

function CommentRow({ c, staff, onHide }: { c: CommentView; staff: boolean; onHide: () => void }) {
  return (
    <View className={`comment${c.role === 'owner' ? ' comment--owner' : ''}`}>
      <View className="row row--between">
        <Text className="text comment-author">{c.author}</Text>
        <Text className="muted">{when(c.createdAt)}</Text>
      </View>
      <Text className="text comment-text" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
        {c.text}
      </Text>
      {c.status !== 'visible' ? (
        <Text className="tag tag--held comment-status">
          {c.status === 'held' ? '待审核，仅您和管理者可见' : '已隐藏'}
        </Text>
      ) : null}
      <View className="row">
        {!c.mine && !staff && c.status === 'visible' ? (
          <Text
            {...tapProps(() => void report({ commentId: c.commentId }))}
            className="link comment-report"
            onClick={() => void report({ commentId: c.commentId })}
          >
            举报
          </Text>
        ) : null}
        {staff && c.status === 'visible' ? (
          <Text {...tapProps(onHide)} className="link comment-hide" onClick={onHide}>
            隐藏
          </Text>
        ) : null}
      </View>
    </View>
  );
}

export default function GroupPost() {
  const postId = useParam('postId');
  const detail = useResource(() => call('groups', 'getPost', { postId }), `post-${postId}`);
  const comments = usePaged((cursor) => call('groups', 'comments', { postId, cursor }), `comments-${postId}`);
  useReloadOnShow(detail.reload);
  const p = detail.data;
  const staff = p ? p.group.role !== 'member' : false;
  const owner = p?.group.role === 'owner';

  const [chosen, setChosen] = useState<number | null>(null);
  const [voting, setVoting] = useState(false);
  const [voteError, setVoteError] = useState('');
  const vote = async () => {
    if (!p?.poll || chosen === null) return;
    const ok = await Taro.showModal({
      title: '投票',
      content: `选择“${p.poll.options[chosen]}”？投票后不能更改。`,
      confirmText: '投票',
    });
    if (!ok.confirm) return;
    setVoting(true);
    setVoteError('');
    try {
      const poll = await call('groups', 'vote', { postId, option: chosen });
      detail.setData((d) => (d ? { ...d, poll } : d));
    } catch (e) {
      setVoteError(toApiError(e).message);
    } finally {
      setVoting(false);
    }
  };

  // The comment draft stays on the phone until it is sent, with one requestId for its retries.
  const { draft, update, clear } = useDraft(`group-comment-${postId}`);
  const submit = useSubmit();
  const send = async () => {
    const input = { postId, text: draft.text.trim() };
    if (!submit.check(checkInput('groups', 'comment', input, { text: '评论' }))) return;
    await submit.run(async () => {
      const r = await call('groups', 'comment', input, { requestId: draft.requestId });
      clear();
      void Taro.showToast({ title: r.status === 'held' ? '已提交，审核后显示' : '已发表', icon: 'none' });
      await comments.reload(true);
      await detail.reload(true);
    });
  };

  const [editing, setEditing] = useState<string | null>(null);
  const edit = useSubmit();
  const saveEdit = async () => {
    if (!p || editing === null) return;
    const input = { postId, text: editing.trim(), version: p.version };
    if (!edit.check(checkInput('groups', 'edit', input, { text: '公告' }))) return;
    await edit.run(async () => {
      const view = await call('groups', 'edit', input);
      detail.setData((d) => (d ? { ...d, ...view } : d));
      setEditing(null);
    });
  };

  const act = async (
    what: () => Promise<unknown>,
    confirm?: { title: string; content: string; ok: string },
  ) => {
    if (confirm) {
      const r = await Taro.showModal({
        title: confirm.title,
        content: confirm.content,
        confirmText: confirm.ok,
      });
      if (!r.confirm) return;
    }
    try {
      await what();
      await detail.reload(true);
      await comments.reload(true);
    } catch (e) {
      void Taro.showModal({ title: '没有成功', content: toApiError(e).message, showCancel: false });
    }
  };

  return (
    <PageShell className="groups-post-page" demoBanner>
      <Loadable
        status={detail.status}
        error={detail.error}
        onRetry={() => void detail.reload()}
        ways={[{ text: '我的群', url: '/groups/mine/index' }]}
      >
        {p ? (
          <View>
            <Text
              {...tapProps(() => go(`/groups/feed/index?groupId=${encodeURIComponent(p.groupId)}`))}
              className="link post-group"
              onClick={() => go(`/groups/feed/index?groupId=${encodeURIComponent(p.groupId)}`)}
            >
              ‹ {p.group.name}
            </Text>
            <PostCard post={p} full />
            {p.kind === 'reception' && p.dayId ? (
              <Button
                className="btn btn--ghost post-book"
                onClick={() => go(`/pages/reception/index?dayId=${encodeURIComponent(p.dayId!)}`)}
              >
                查看接待日并预约
              </Button>
            ) : null}
            {p.poll ? (
              <Poll
                poll={p.poll}
                chosen={chosen}
                onChoose={setChosen}
                onVote={() => void vote()}
                voting={voting}
                canVote={p.group.role === 'member'}
                error={voteError}
              />
            ) : null}

            {owner && editing === null ? (
              <View className="btn-row post-owner-actions">
                <Button className="btn btn--plain btn--small post-edit" onClick={() => setEditing(p.text)}>
                  编辑
                </Button>
                <Button
                  className="btn btn--plain btn--small post-pin"
                  onClick={() => void act(() => call('groups', 'pin', { postId, pinned: !p.pinned }))}
                >
                  {p.pinned ? '取消置顶' : '置顶'}
                </Button>
                {p.poll && !p.poll.closed ? (
                  <Button
                    className="btn btn--plain btn--small post-close-poll"
                    onClick={() =>
                      void act(() => call('groups', 'closePoll', { postId }), {
                        title: '结束投票',
                        content: '结束后不能再投票，所有成员都能看到结果。',
                        ok: '结束',
                      })
                    }
                  >
                    结束投票
                  </Button>
                ) : null}
              </View>
            ) : null}
            {staff ? (
              <View className="btn-row">
                {p.status === 'visible' ? (
                  <Button
                    className="btn btn--plain btn--small post-hide"
                    onClick={() =>
                      void act(() => call('groups', 'hide', { postId }), {
                        title: '隐藏公告',
                        content: '隐藏后成员看不到这条公告。',
                        ok: '隐藏',
                      })
                    }
                  >
                    隐藏
                  </Button>
                ) : p.status === 'hidden' || p.group.role === 'office' ? (
                  <Button
                    className="btn btn--plain btn--small post-restore"
                    onClick={() => void act(() => call('groups', 'hide', { postId, hidden: false }))}
                  >
                    {p.status === 'held' ? '审核通过' : '恢复显示'}
                  </Button>
                ) : null}
              </View>
            ) : (
              <Text
                {...tapProps(() => void report({ postId }))}
                className="link post-report"
                onClick={() => void report({ postId })}
              >
                举报这条公告
              </Text>
            )}
            {editing !== null ? (
              <View className="section post-editor">
                <Textarea
                  className="textarea post-edit-text"
                  value={editing}
                  maxlength={-1}
                  onInput={(e) => setEditing(e.detail.value)}
                />
                <Counter text={editing} max={POST_TEXT_MAX} />
                <FormError submit={edit} />
                <View className="btn-row">
                  <Button
                    className="btn post-edit-save"
                    disabled={edit.saving}
                    onClick={() => void saveEdit()}
                  >
                    {edit.saving ? '正在保存…' : '保存修改'}
                  </Button>
                  <Button className="btn btn--plain" onClick={() => setEditing(null)}>
                    取消
                  </Button>
                </View>
              </View>
            ) : null}
            {p.history.length ? (
              <View className="section post-history">
                <Text className="h2" style={{ marginTop: 0 }}>
                  修改记录
                </Text>
                {p.history.map((h) => (
                  <Text key={h.version} className="muted" style={{ display: 'block' }}>
                    第 {h.version} 版（{when(h.at)} 前）：{h.text}
                  </Text>
                ))}
              </View>
            ) : null}

            <Text className="h2">评论</Text>
            <PagedList
              list={comments}
              emptyText="还没有评论"
              row={(c) => (
                <CommentRow
                  key={c.commentId}
                  c={c}
                  staff={staff}
                  onHide={() =>
                    void act(() => call('groups', 'hide', { commentId: c.commentId }), {
                      title: '隐藏评论',
                      content: '隐藏后成员看不到这条评论。',
                      ok: '隐藏',
                    })
                  }
                />
              )}
            />
            {p.canComment ? (
              <View className="section comment-composer">
                <Textarea
                  className="textarea comment-text-input"
                  value={draft.text}
                  maxlength={-1}
                  placeholder={owner ? '回复群成员' : '说说您的看法（群主能看到您的实名）'}
                  onInput={(e) => update({ text: e.detail.value })}
                />
                <Counter text={draft.text} max={COMMENT_MAX} />
                {submit.fields.text ? <Text className="error-text">{submit.fields.text}</Text> : null}
                <FormError submit={submit} className="comment-error" />
                <Button
                  className="btn btn--block comment-send"
                  disabled={submit.saving}
                  onClick={() => void send()}
                >
                  {submit.saving ? '正在发表…' : '发表评论'}
                </Button>
              </View>
            ) : p.whyNoComment ? (
              <Text className="muted comment-why" style={{ display: 'block' }}>
                {p.whyNoComment}
              </Text>
            ) : null}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
