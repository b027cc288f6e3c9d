import { Text, View } from '@tarojs/components';
import { when } from '../../../cloudfunctions/core/time';
import type { PollView } from '../../../cloudfunctions/modules/groups/contract';
import { Button } from '../../components/Button';
import { tapProps } from '../../utils/a11y';

/**
 * A single-choice poll: pick one option and confirm; the results show after one's vote or after close (owners
 * and office staff always see them).
 */
export function Poll({
  poll,
  chosen,
  onChoose,
  onVote,
  voting,
  canVote,
  error,
}: {
  poll: PollView;
  chosen: number | null;
  onChoose: (i: number) => void;
  onVote: () => void;
  voting: boolean;
  canVote: boolean;
  error?: string;
}) {
  const open = !poll.closed && poll.myVote === null && canVote;
  return (
    <View className="section poll">
      <Text className="h2" style={{ marginTop: 0 }}>
        投票 {poll.closed ? '（已截止）' : `（${when(poll.closesAt)} 截止）`}
      </Text>
      {poll.options.map((o, i) => {
        const n = poll.results?.[i] ?? null;
        const share = n !== null && poll.total ? Math.round((n / poll.total) * 100) : 0;
        const on = chosen === i || poll.myVote === i;
        return (
          <View
            key={o}
            {...(open ? tapProps(() => onChoose(i)) : {})}
            className={`poll-option${on ? ' poll-option--on' : ''}`}
            onClick={open ? () => onChoose(i) : undefined}
          >
            <View className="row row--between">
              <Text className="text">
                {on ? '● ' : open ? '○ ' : ''}
                {o}
                {poll.myVote === i ? '（我的选择）' : ''}
              </Text>
              {n !== null ? (
                <Text className="muted poll-count">
                  {n} 票 · {share}%
                </Text>
              ) : null}
            </View>
            {n !== null ? (
              <View className="poll-bar">
                <View className="poll-bar-fill" style={{ width: `${share}%` }} />
              </View>
            ) : null}
          </View>
        );
      })}
      {poll.total !== null ? <Text className="muted poll-total">共 {poll.total} 人投票</Text> : null}
      {poll.results === null && !poll.closed ? (
        <Text className="muted" style={{ display: 'block' }}>
          投票后可以看到结果
        </Text>
      ) : null}
      {error ? <Text className="error-text poll-error">{error}</Text> : null}
      {open ? (
        <Button
          className="btn btn--block poll-vote"
          disabled={voting}
          missing={chosen === null ? '请先选择一个选项' : null}
          onClick={onVote}
        >
          {voting ? '正在提交…' : '投票'}
        </Button>
      ) : null}
    </View>
  );
}
