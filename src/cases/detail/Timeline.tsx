import { Text, View } from '@tarojs/components';
import { dateTime } from '../../../cloudfunctions/core/time';
import type { StepView } from '../../../cloudfunctions/modules/cases/contract';

/** Every step of a case, oldest first: when, who, what in plain words, and the reason or answer given. */
export function Timeline({ steps }: { steps: StepView[] }) {
  return (
    <View className="timeline">
      {steps.map((s, i) => (
        <View
          key={`${s.at}-${i}`}
          className={`timeline-step${i === steps.length - 1 ? ' timeline-step--last' : ''}`}
        >
          <Text className="muted timeline-when" style={{ display: 'block' }}>
            {dateTime(s.at)} · {s.actor}
          </Text>
          <Text className="text timeline-text" style={{ display: 'block' }}>
            {s.text}
          </Text>
          {s.note ? (
            <Text className="text timeline-note" style={{ display: 'block' }}>
              {s.note}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
