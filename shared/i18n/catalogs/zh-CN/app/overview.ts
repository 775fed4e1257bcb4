import type { SameShape } from '../../../messages.js';
import type { overview as en } from '../../en/app/overview.js';

export const overview: SameShape<typeof en> = {
  title: '概览',
  tileSystems: '在保系统',
  tileChecking: '正在检查可用版本',
  tileAllowed: '您可以安装的版本',
  contractsHeading: '您的维护合同',
  pendingContracts: '您的合同',
  noContract: '您的账户下没有维护合同记录。',
  severalContracts: '共 {count, plural, other {# 份合同}}：同一系统由多份合同覆盖时，以其中权益最高的一份为准。',
  changeHeading: '变更合同可增加的权益',
  checkAgain: '重新检查',
  contract: {
    meta: '合同 {id} · 区域 {region} · {count, plural, other {覆盖 # 个系统}}',
    licensed: '已授权版本：{list}',
    licensedSeparator: '；',
    status: {
      pending: '尚未开始',
      active: '有效',
      expiring: '即将到期',
      expired: '已到期',
    },
  },
  change: {
    nothingMore: '您的合同已包含更新和升级，无需增加其他权益。',
    upgradeSupportAdds: '应用软件升级支持服务可增加',
    upgradesText: '软件升级：在您已获得的更新之外，新的主版本一经正式发布即可获得。',
    checkingUpgrades: '正在检查这将为您的系统开放哪些升级…',
    noUpgradeWaiting: '您的系统目前没有待开放的升级。',
    upgradesWaiting: '您的系统上待开放的升级：',
    renewAdds: '续签合同 {id} 可增加',
    expired: '服务已于 {endDate} 结束。此前发布的版本仍可使用；续签后可获得更新的版本，并可再次提交服务请求。',
    ending:
      '服务将于 {endDate} 结束（剩余 {daysLeft, plural, other {# 天}}）。续签可使更新、TAC 支持和在线自助服务不间断。',
    release: '{product} {version}',
    forSystem: '系统 {serialNumber}',
    more: '另有 {count, number} 项',
  },
};
