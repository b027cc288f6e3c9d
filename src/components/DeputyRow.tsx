import { Image, Text, View } from '@tarojs/components';
import { tapProps } from '../utils/a11y';
import type { DeputyPublic } from '../../cloudfunctions/modules/contact/contract';
import { LEVEL_LABEL } from '../utils/labels';
import { deputyPhoto } from '../utils/photo';

export function Avatar({ name, photoUrl }: { name: string; photoUrl?: string }) {
  return (
    <View className="avatar">
      {photoUrl ? (
        <Image className="avatar-img" src={photoUrl} mode="aspectFill" />
      ) : (
        <Text>{name.slice(0, 1)}</Text>
      )}
    </View>
  );
}

/** One deputy in a list; the whole row is the tap target. */
export function DeputyRow({ deputy, onClick }: { deputy: DeputyPublic; onClick: () => void }) {
  return (
    <View {...tapProps(onClick)} className="list-item deputy-row-item" onClick={onClick}>
      <View className="deputy-row">
        <Avatar name={deputy.name} photoUrl={deputyPhoto(deputy)} />
        <View className="grow">
          <Text className="h2 deputy-row-name" style={{ margin: 0 }}>
            {deputy.name}
          </Text>
          <Text className="muted" style={{ display: 'block' }}>
            {LEVEL_LABEL[deputy.level] ?? '人大代表'} · {deputy.constituencyName}
          </Text>
          {deputy.stationName ? (
            <Text className="muted" style={{ display: 'block' }}>
              {deputy.stationName}
            </Text>
          ) : null}
        </View>
        <Text className="chevron">›</Text>
      </View>
    </View>
  );
}
