import type { SameShape } from '../../messages.js';
import type { domain as en } from '../en/domain.js';

const LEAVE = '{leave, select, upgrade {升级到 {upgrade} 即可离开该产品线。} other {请规划升级到更新的主版本。}}';

export const domain: SameShape<typeof en> = {
  range: {
    anyVersion: '任意版本',
    noVersion: '没有任何版本',
    exactly: '{version}',
    orEarlier: '{version} 及更早的版本',
    before: '{version} 之前的任意版本',
    orLater: '{version} 及更高的版本',
    after: '高于 {version} 的任意版本',
    orLaterUpTo: '{low} 至 {high} 的版本',
    orLaterBefore: '不低于 {low} 且低于 {high} 的版本',
    afterUpTo: '高于 {low} 且不高于 {high} 的版本',
    afterBefore: '高于 {low} 且低于 {high} 的版本',
    orLaterInMajor: '{version} 及更高的 {major}.x 版本',
    afterInMajor: '高于 {version} 的任意 {major}.x 版本',
    oneMajor: '任意 {from}.x 版本',
    twoMajors: '任意 {from}.x 或 {to}.x 版本',
    majors: '任意 {from}.x 至 {to}.x 版本',
    majorUpTo: '不高于 {version} 的任意 {major}.x 版本',
    majorBefore: '低于 {version} 的任意 {major}.x 版本',
    separator: '、',
    either: '{first}，或{last}',
  },
  licence: { earned: '{licence}，自 {sinceDate} 起（{serial}）' },
  lineNotice: {
    pastEndOfService: `{line} 已于 {endOfService} 到服务期结束，不再提供服务。${LEAVE}`,
    nearingEndOfService: `{line} 将于 {endOfService}（{days, plural, =0 {今天} other {# 天后}}）到服务期结束。{maintenance, select, yes {自 {endOfMaintenance} 起已不再提供新的更新。} other {}}${LEAVE}`,
    pastEndOfMaintenance: `{line} 已于 {endOfMaintenance} 到维护期结束，不再提供新的更新{service, select, yes {，其服务期将于 {endOfService} 结束} other {}}。${LEAVE}`,
  },
  role: {
    name: {
      'customer-admin': '客户管理员',
      'it-staff': 'IT 人员',
      engineer: '技术支持工程师',
      'portal-admin': '门户管理员',
    },
    account:
      '{role, select, customerAdmin {客户管理员账户} itStaff {IT 人员账户} engineer {技术支持工程师账户} portalAdmin {门户管理员账户} other {账户}}',
    accountCapital:
      '{role, select, customerAdmin {客户管理员账户} itStaff {IT 人员账户} engineer {技术支持工程师账户} portalAdmin {门户管理员账户} other {账户}}',
  },
  requestState: {
    describe: {
      submitted: '已提交，正在等待工程师受理。',
      accepted: '已受理，工程师将很快开始处理。',
      'in-progress': '工程师正在处理。',
      'awaiting-customer': '工程师正在等待客户答复。',
      'solution-proposed': '已提出解决方案，正在等待客户试用。',
      confirmed: '客户已确认解决方案有效，该请求即将关闭。',
      closed: '已关闭。',
      cancelled: '已取消。',
    },
  },
  issue: {
    required: '必填',
    mustBe:
      '必须是{kind, select, string {文本} number {数字} int {整数} boolean {“是”或“否”} object {一组字段} array {列表} date {日期} bigint {整数} other {{kind}}}',
    notEmpty: '不能为空',
    atLeastCharacters: '至少 {n} 个字符',
    atMostCharacters: '最多 {n} 个字符',
    atLeastItems: '至少 {n} 项',
    atMostItems: '最多 {n} 项',
    atLeastBytes: '至少 {n} 字节',
    atMostBytes: '最多 {n} 字节',
    atLeast: '至少为 {n}',
    atMost: '最多为 {n}',
    moreThan: '必须大于 {n}',
    lessThan: '必须小于 {n}',
    value: '必须是 {values}',
    oneOf: '必须是 {values} 之一',
    nothing: '（无）',
    pattern: '格式不符合要求',
    format:
      '必须是{format, select, url {网址（https://…）} email {电子邮件地址} datetime {日期和时间（2026-03-01T12:00:00Z）} date {日期（YYYY-MM-DD）} uuid {ID} ipv4 {IPv4 地址} ipv6 {IPv6 地址} other {有效的 {format}}}',
    unrecognizedKeys: '此处不接受 {keys}{count, plural, other {}}',
    multipleOf: '必须是 {divisor} 的倍数',
    union: '不符合任何一种可接受的形式',
    element: '包含不被接受的值',
    other: '不被接受',
    field: '{path}：{words}',
    separator: '；',
    more: '{issues}；另有 {count} 项',
  },
};
