import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { go } from '../../utils/nav';

const ITEMS = [
  { url: '/office/register/index', title: '选民名册', desc: '导入选民名册，查看名册和认证情况' },
  { url: '/office/conflicts/index', title: '实名认证冲突', desc: '同一名册条目被不同微信认证时在这里处理' },
  { url: '/office/deputies/index', title: '代表信息', desc: '新增或修改代表的公开信息和联系卡' },
  { url: '/office/held/index', title: '待审核留言', desc: '内容安全检查要求人工复核的留言' },
];

export default function OfficeIndex() {
  return (
    <PageShell className="office-index" demoBanner>
      <Text className="h1">人大办工作台</Text>
      <View className="menu">
        {ITEMS.map((it) => (
          <View
            key={it.url}
            className="menu-item"
            onClick={() => go(it.url)}
            style={{ padding: '16px 28px' }}
          >
            <View className="grow">
              <Text className="text" style={{ display: 'block', fontWeight: 600 }}>
                {it.title}
              </Text>
              <Text className="muted" style={{ display: 'block' }}>
                {it.desc}
              </Text>
            </View>
            <Text className="chevron">›</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
