import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call, isSignedIn } from '../../api';
import { DayRow } from '../../components/DayRow';
import { Chip } from '../../components/Form';
import { PagedList } from '../../components/PagedList';
import { PageShell } from '../../components/PageShell';
import { usePaged } from '../../hooks/usePaged';
import { go } from '../../utils/nav';

interface Township {
  id: string;
  name: string;
}

export default function Receptions() {
  const [townshipId, setTownshipId] = useState('');
  const [townships, setTownships] = useState<Township[]>([]);
  const [verified, setVerified] = useState(false);

  useEffect(() => {
    call('account', 'regions', {})
      .then((r) => setTownships(r.regions.filter((x) => x.kind === 'township')))
      .catch(() => undefined);
    if (isSignedIn()) {
      call('account', 'me', {}, { quietAuth: true })
        .then((me) => setVerified(me.verification.state === 'verified'))
        .catch(() => undefined);
    }
  }, []);

  const list = usePaged(
    (cursor) => call('reception', 'upcoming', { ...(townshipId ? { townshipId } : {}), cursor }),
    `upcoming:${townshipId}`,
  );

  return (
    <PageShell className="receptions-page" demoBanner>
      <Text className="h1">代表接待日</Text>
      <Text className="muted" style={{ display: 'block', marginBottom: '16px' }}>
        人大代表定期在联络站接待群众。预约一个时段，到站后出示预约码即可。
      </Text>
      {townships.length > 1 ? (
        <View className="chips">
          <Chip on={townshipId === ''} onClick={() => setTownshipId('')}>
            {verified ? '本乡镇' : '全部'}
          </Chip>
          {townships.map((t) => (
            <Chip key={t.id} on={townshipId === t.id} onClick={() => setTownshipId(t.id)}>
              {t.name}
            </Chip>
          ))}
        </View>
      ) : null}
      <PagedList
        list={list}
        emptyText="近期还没有公布的接待日"
        row={(d) => (
          <DayRow
            key={d.dayId}
            day={d}
            onClick={() => go(`/pages/reception/index?dayId=${encodeURIComponent(d.dayId)}`)}
          />
        )}
      />
    </PageShell>
  );
}
