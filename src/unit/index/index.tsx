import { CaseQueue } from '../../components/CaseQueue';
import { PageShell } from '../../components/PageShell';

/** 承办单位工作台: the unit's open assignments (accept or return, then reply), its overdue list, its answers. */
export default function UnitWorkspace() {
  return (
    <PageShell className="unit-index" demoBanner>
      <CaseQueue
        title="承办单位工作台"
        intro="人大办交办给本单位的事项。主办单位在 7 个工作日内可以退回（说明原因），否则请在期限内答复。"
        tabs={[
          { key: 'open', label: '待办', empty: '没有待办的交办事项' },
          { key: 'overdue', label: '已超期', overdue: true, empty: '没有超期的事项' },
          { key: 'replied', label: '已答复待评价', status: 'replied', empty: '没有等待评价的答复' },
          { key: 'closed', label: '已办结', status: 'closed', empty: '还没有办结的事项' },
        ]}
      />
    </PageShell>
  );
}
