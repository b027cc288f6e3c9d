import { Image, Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { when } from '../../../cloudfunctions/core/time';
import {
  MEMBER_STATUS_LABEL,
  POST_IMAGES_MAX,
  POST_TEXT_MAX,
  REVIEW_REASON_LABEL,
  VIA_LABEL,
} from '../../../cloudfunctions/modules/groups/constants';
import type { MemberView } from '../../../cloudfunctions/modules/groups/contract';
import { call, toApiError } from '../../api';
import { checkInput } from '../../api/checks';
import { Button } from '../../components/Button';
import { Chip, Field, FormError, TextBox } from '../../components/Form';
import { Loadable } from '../../components/Loadable';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { PostImages } from '../../components/PostImages';
import { useImageUpload } from '../../hooks/useImageUpload';
import { useDraft } from '../../hooks/useDraft';
import { usePaged } from '../../hooks/usePaged';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { go, useParam } from '../../utils/nav';

type Tab = 'post' | 'members' | 'reviews' | 'code';
const TABS: { key: Tab; label: string }[] = [
  { key: 'post', label: '发公告' },
  { key: 'members', label: '成员' },
  { key: 'reviews', label: '待处理' },
  { key: 'code', label: '群码与微信群' },
];
const POLL_DAYS = [1, 3, 7];

/** A notice with photos and an optional poll; the text is kept on the phone until it is sent, once. */
function Compose({
  groupId,
  memberCount,
  onPosted,
}: {
  groupId: string;
  memberCount: number;
  onPosted: () => void;
}) {
  const { draft, update, clear } = useDraft(`group-post-${groupId}`);
  const me = useResource(() => call('account', 'me', {}), 'me');
  const [images, setImages] = useState<string[]>([]);
  const { uploading, pick: upload } = useImageUpload();
  const [pollOn, setPollOn] = useState(false);
  const [options, setOptions] = useState('');
  const [days, setDays] = useState(3);
  const submit = useSubmit();

  const pick = async () => {
    if (!me.data) return;
    const failed = await upload(me.data.userId, POST_IMAGES_MAX - images.length, (fileId) =>
      setImages((xs) => [...xs, fileId].slice(0, POST_IMAGES_MAX)),
    );
    if (failed) submit.setError(failed);
  };

  const send = async () => {
    const opts = options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    const input = {
      groupId,
      text: draft.text.trim(),
      images,
      ...(pollOn
        ? { poll: { options: opts, closesAt: new Date(Date.now() + days * 86400_000).toISOString() } }
        : {}),
    };
    if (!submit.check(checkInput('groups', 'post', input, { text: '公告内容', images: '图片' }))) return;
    const ok = await Taro.showModal({
      title: '发布公告',
      content: `发布后本群 ${memberCount} 位成员都能看到，订阅了提醒的成员会收到通知。`,
      confirmText: '发布',
    });
    if (!ok.confirm) return;
    await submit.run(async () => {
      const r = await call('groups', 'post', input, { requestId: draft.requestId });
      clear();
      setImages([]);
      setPollOn(false);
      setOptions('');
      void Taro.showToast({ title: r.status === 'held' ? '已提交，审核后显示' : '已发布', icon: 'none' });
      onPosted();
    });
  };

  return (
    <View className="section group-compose">
      <Field label="公告内容" error={submit.fields.text}>
        <TextBox
          className="group-post-text"
          value={draft.text}
          max={POST_TEXT_MAX}
          placeholder="要告诉群成员的事"
          onInput={(text) => update({ text })}
        />
      </Field>
      <PostImages images={images.map((fileId) => ({ fileId, status: 'pass' }))} />
      {images.length ? (
        <Text className="link group-post-images-clear" onClick={() => setImages([])}>
          清除图片
        </Text>
      ) : null}
      <Button
        className="btn btn--plain btn--small group-post-add-image"
        disabled={uploading || images.length >= POST_IMAGES_MAX}
        onClick={() => void pick()}
      >
        {uploading ? '正在上传…' : `添加图片（${images.length}/${POST_IMAGES_MAX}）`}
      </Button>
      {submit.fields.images ? <Text className="error-text">{submit.fields.images}</Text> : null}
      <View className="chips">
        <Chip className="group-post-poll" on={pollOn} onClick={() => setPollOn((v) => !v)}>
          {pollOn ? '✓ ' : ''}附带投票
        </Chip>
      </View>
      {pollOn ? (
        <View>
          <Field label="选项（每行一个，2–10 个）" error={submit.fields['poll.options']}>
            <TextBox
              className="group-post-options"
              value={options}
              max={400}
              short
              placeholder={'例如：\n周六上午\n周日上午'}
              onInput={setOptions}
            />
          </Field>
          <Field label="截止" error={submit.fields['poll.closesAt']}>
            <View className="chips">
              {POLL_DAYS.map((d) => (
                <Chip key={d} on={days === d} onClick={() => setDays(d)}>
                  {d} 天后
                </Chip>
              ))}
            </View>
          </Field>
        </View>
      ) : null}
      <FormError submit={submit} className="group-post-error" />
      <Button
        className="btn btn--block group-post-send"
        disabled={submit.saving || uploading}
        onClick={() => void send()}
      >
        {submit.saving ? '正在发布…' : '发布'}
      </Button>
    </View>
  );
}

function Members({ groupId }: { groupId: string }) {
  const [status, setStatus] = useState<'member' | 'pending' | 'removed'>('member');
  const list = usePaged(
    (cursor) => call('groups', 'members', { groupId, status, cursor }),
    `members-${groupId}-${status}`,
  );
  const act = async (m: MemberView, what: 'approve' | 'remove' | 'mute' | 'unmute') => {
    const text = {
      approve: `同意 ${m.name} 加入本群？`,
      remove: `把 ${m.name} 移出本群？移出后立即看不到本群内容。`,
      mute: `禁言 ${m.name}？禁言后仍能看公告和投票，不能评论。`,
      unmute: `解除 ${m.name} 的禁言？`,
    }[what];
    const ok = await Taro.showModal({ title: '请确认', content: text, confirmText: '确定' });
    if (!ok.confirm) return;
    try {
      const input = { groupId, userId: m.userId };
      if (what === 'approve') await call('groups', 'approve', input);
      else if (what === 'remove') await call('groups', 'remove', input);
      else await call('groups', 'mute', { ...input, muted: what === 'mute' });
      await list.reload(true);
    } catch (e) {
      void Taro.showModal({ title: '没有成功', content: toApiError(e).message, showCancel: false });
    }
  };
  return (
    <View>
      <View className="chips">
        {(['member', 'pending', 'removed'] as const).map((s) => (
          <Chip key={s} className={`members-${s}`} on={status === s} onClick={() => setStatus(s)}>
            {MEMBER_STATUS_LABEL[s]}
          </Chip>
        ))}
      </View>
      <PagedList
        list={list}
        emptyText={status === 'pending' ? '没有待审核的申请' : '没有'}
        row={(m) => (
          <View key={m.userId} className="list-item group-member">
            <View className="row row--between">
              <Text className="text member-name" style={{ fontWeight: 600 }}>
                {m.name}
                {m.muted ? '（已禁言）' : ''}
              </Text>
              <Text className="muted">{when(m.joinedAt ?? m.requestedAt)}</Text>
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              {m.constituencyName}
              {m.inArea ? '' : '（非本选区）'} · {m.chat ? `来自${m.chat.label}` : VIA_LABEL[m.via]}
            </Text>
            <View className="btn-row">
              {m.status === 'pending' ? (
                <Button className="btn btn--small member-approve" onClick={() => void act(m, 'approve')}>
                  同意加入
                </Button>
              ) : null}
              {m.status === 'member' ? (
                <Button
                  className="btn btn--plain btn--small member-mute"
                  onClick={() => void act(m, m.muted ? 'unmute' : 'mute')}
                >
                  {m.muted ? '解除禁言' : '禁言'}
                </Button>
              ) : null}
              {m.status !== 'removed' ? (
                <Button
                  className="btn btn--plain btn--small member-remove"
                  onClick={() => void act(m, 'remove')}
                >
                  {m.status === 'pending' ? '不同意' : '移出'}
                </Button>
              ) : null}
            </View>
          </View>
        )}
      />
    </View>
  );
}

function Reviews({ groupId }: { groupId: string }) {
  const list = usePaged((cursor) => call('groups', 'reports', { groupId, cursor }), `reviews-${groupId}`);
  const decide = async (target: { postId?: string; commentId?: string }, hidden: boolean) => {
    try {
      await call('groups', 'hide', { ...target, hidden });
      await list.reload(true);
    } catch (e) {
      void Taro.showModal({ title: '没有成功', content: toApiError(e).message, showCancel: false });
    }
  };
  return (
    <PagedList
      list={list}
      emptyText="没有待处理的举报或待审核内容"
      row={(r) => {
        const target = r.targetKind === 'post' ? { postId: r.targetId } : { commentId: r.targetId };
        return (
          <View key={r.reviewId} className="list-item group-review">
            <Text className="tag tag--held">{REVIEW_REASON_LABEL[r.reason]}</Text>
            <Text className="text" style={{ display: 'block' }}>
              {r.author}：{r.excerpt}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              {r.targetKind === 'post' ? '公告' : '评论'} · {when(r.openedAt)}
              {r.reportCount ? ` · 举报 ${r.reportCount} 次` : ''}
            </Text>
            <View className="btn-row">
              {r.canRestore ? (
                <Button className="btn btn--small review-restore" onClick={() => void decide(target, false)}>
                  恢复显示
                </Button>
              ) : null}
              <Button
                className="btn btn--plain btn--small review-hide"
                onClick={() => void decide(target, true)}
              >
                确认隐藏
              </Button>
              <Button
                className="btn btn--plain btn--small"
                onClick={() => go(`/groups/post/index?postId=${encodeURIComponent(r.postId)}`)}
              >
                查看
              </Button>
            </View>
          </View>
        );
      }}
    />
  );
}

function CodeAndChats({ groupId, name }: { groupId: string; name: string }) {
  const code = useResource(() => call('groups', 'code', { groupId }), `code-${groupId}`);
  const chats = useResource(() => call('groups', 'chats', { groupId }), `chats-${groupId}`);
  useEffect(() => {
    // A card shared into a WeChat chat carries its shareTicket, so members who open it there link the chat.
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true });
  }, []);
  return (
    <View>
      <Loadable status={code.status} error={code.error} onRetry={() => void code.reload()}>
        {code.data ? (
          <View className="section group-code">
            <Image
              className="card-code"
              src={code.data.url}
              mode="aspectFit"
              showMenuByLongpress
              ariaLabel={`${name} 的群码`}
              nativeProps={{ alt: `${name} 的群码` }}
            />
            <Text className="text" style={{ display: 'block', textAlign: 'center' }}>
              群码 {code.data.code}
            </Text>
            <Text className="muted" style={{ display: 'block' }}>
              本选区实名认证的选民扫码即可加入；也可以把本群分享到已有的微信群，群友从那里打开加入时，会记下是从哪个微信群来的。
            </Text>
            {process.env.TARO_ENV === 'weapp' ? (
              <Button
                className="btn btn--block group-share"
                onClick={() => void Taro.showShareMenu({ withShareTicket: true })}
              >
                点右上角“…”转发到微信群
              </Button>
            ) : null}
          </View>
        ) : null}
      </Loadable>
      <Text className="h2">关联的微信群</Text>
      <Loadable
        status={chats.status}
        error={chats.error}
        onRetry={() => void chats.reload()}
        empty={(chats.data?.items.length ?? 0) === 0}
        emptyText="还没有从微信群加入的成员"
      >
        {(chats.data?.items ?? []).map((c) => (
          <View key={c.chatId} className="list-item group-chat">
            <View className="row row--between">
              <Text className="text">{c.label}</Text>
              <Text className="text group-chat-members">{c.members} 位实名成员</Text>
            </View>
            <Text className="muted" style={{ display: 'block' }}>
              最近 {when(c.lastAt)}
            </Text>
          </View>
        ))}
      </Loadable>
    </View>
  );
}

/** One group's management for its owners: posting, the roster, what waits for review, its code and linked chats. */
export default function ManageGroup() {
  const groupId = useParam('groupId');
  const [tab, setTab] = useState<Tab>('post');
  const feed = useResource(() => call('groups', 'feed', { groupId }), `manage-${groupId}`);
  const group = feed.data?.group;

  useShareAppMessage(() => ({
    title: group ? `${group.name}（实名制群）` : '实名制群',
    path: `/groups/join/index?code=${encodeURIComponent(group?.code ?? '')}`,
  }));

  return (
    <PageShell className="deputy-group-page" demoBanner>
      <Loadable status={feed.status} error={feed.error} onRetry={() => void feed.reload()}>
        {group ? (
          <View>
            <Text className="h1 manage-group-name">{group.name}</Text>
            <Text className="muted" style={{ display: 'block' }}>
              {group.placeName} · {group.memberCount} 位成员
            </Text>
            <Button
              className="btn btn--plain btn--small manage-feed"
              onClick={() => go(`/groups/feed/index?groupId=${encodeURIComponent(groupId)}`)}
            >
              查看群公告（已读人数）
            </Button>
            <View className="chips">
              {TABS.map((t) => (
                <Chip
                  key={t.key}
                  className={`manage-tab-${t.key}`}
                  on={tab === t.key}
                  onClick={() => setTab(t.key)}
                >
                  {t.label}
                </Chip>
              ))}
            </View>
            {tab === 'post' ? (
              <Compose
                groupId={groupId}
                memberCount={group.memberCount}
                onPosted={() => go(`/groups/feed/index?groupId=${encodeURIComponent(groupId)}`)}
              />
            ) : null}
            {tab === 'members' ? <Members groupId={groupId} /> : null}
            {tab === 'reviews' ? <Reviews groupId={groupId} /> : null}
            {tab === 'code' ? <CodeAndChats groupId={groupId} name={group.name} /> : null}
          </View>
        ) : null}
      </Loadable>
    </PageShell>
  );
}
