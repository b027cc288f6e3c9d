import { CaseQueue } from '../../components/CaseQueue';
import { PageShell } from '../../components/PageShell';

/** The office's queue: what waits for it (assign, reassign after a return, review held text), by stage, late. */
export default function OfficeCases() {
  return (
    <PageShell className="office-cases" demoBanner>
      <CaseQueue
        title="社情民意办理"
        intro="代表转交、承办单位退回和内容待复核的事项在“待办”里；交办需要提交人同意转交。"
        tabs={[
          { key: 'office', label: '待办', empty: '没有等待人大办处理的事项' },
          { key: 'overdue', label: '已超期', overdue: true, empty: '没有超期的事项' },
          { key: 'assigned', label: '已交办', status: 'assigned', empty: '没有已交办未接受的事项' },
          { key: 'inProgress', label: '办理中', status: 'inProgress', empty: '没有办理中的事项' },
          { key: 'reopened', label: '重新办理', status: 'reopened', empty: '没有重新办理的事项' },
          { key: 'closed', label: '已办结', status: 'closed', empty: '还没有办结的事项' },
        ]}
      />
    </PageShell>
  );
}
