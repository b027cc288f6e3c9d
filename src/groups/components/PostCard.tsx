import { Text, View } from '@tarojs/components';
import { when } from '../../../cloudfunctions/core/time';
import type { PostView } from '../../../cloudfunctions/modules/groups/contract';
import { PostImages } from '../../components/PostImages';
import { tapProps } from '../../utils/a11y';

const STATUS_TAG: Record<PostView['status'], string> = { visible: '', held: '待审核', hidden: '已隐藏' };

/** One post of a feed: pinned mark, author and time, the text, photos, the poll's state, and for staff 已读 N / 成员 M. */
export function PostCard({ post, onOpen, full }: { post: PostView; onOpen?: () => void; full?: boolean }) {
  const text = full || post.text.length <= 140 ? post.text : `${post.text.slice(0, 139)}…`;
  return (
    <View
      {...(onOpen ? tapProps(onOpen) : {})}
      className={`section post-card${post.pinned ? ' post-card--pinned' : ''}${post.read === false ? ' post-card--unread' : ''}`}
      onClick={onOpen}
    >
      <View className="row row--between">
        <View className="row">
          {post.pinned ? <Text className="tag tag--new post-pinned">置顶</Text> : null}
          {post.kind === 'reception' ? <Text className="tag tag--published">接待日</Text> : null}
          {post.status !== 'visible' ? (
            <Text className="tag tag--held post-status">{STATUS_TAG[post.status]}</Text>
          ) : null}
          <Text className="text post-author">{post.authorName}</Text>
        </View>
        <Text className="muted post-time">{when(post.createdAt)}</Text>
      </View>
      <Text className="text post-text" style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
      <PostImages images={post.images} withheld={post.imagesWithheld} />
      {post.poll ? (
        <Text className="muted post-poll-state" style={{ display: 'block' }}>
          投票：{post.poll.options.length} 个选项 ·{' '}
          {post.poll.closed ? '已截止' : `${when(post.poll.closesAt)} 截止`}
          {post.poll.myVote !== null ? ' · 您已投票' : ''}
        </Text>
      ) : null}
      <View className="row row--between post-foot">
        <Text className="muted">
          {post.editedAt ? '已编辑 · ' : ''}评论 {post.commentCount}
        </Text>
        {post.readCount !== null ? (
          <Text className="text post-reach">
            已读 {post.readCount} / 成员 {post.memberCount}
          </Text>
        ) : post.read === false ? (
          <Text className="dot post-unread-dot" />
        ) : null}
      </View>
    </View>
  );
}
