import { View } from '@tarojs/components';
import { Button } from '../../components/Button';
import { CaseQueue } from '../../components/CaseQueue';
import { PageShell } from '../../components/PageShell';
import { go } from '../../utils/nav';

/** The deputy's reports: what waits for a deputy of the constituency, what they took up, what is late. */
export default function DeputyCases() {
  return (
    <PageShell className="deputy-cases" demoBanner>
      <CaseQueue
        title="社情民意"
        intro="本选区群众反映的事项请在 7 个工作日内受理，然后直接答复或转交人大办。"
        tabs={[
          { key: 'waiting', label: '待受理', status: 'submitted', empty: '没有等待受理的事项' },
          { key: 'mine', label: '我经手的', empty: '您还没有受理过社情民意' },
          { key: 'overdue', label: '已超期', overdue: true, empty: '没有超期的事项' },
        ]}
      />
      <View className="btn-row">
        <Button className="btn btn--plain deputy-case-new" onClick={() => go('/cases/submit/index')}>
          代群众反映
        </Button>
      </View>
    </PageShell>
  );
}
