/** 后台的用语：电子邮件——发件箱、偏好、邮件本身与满意度调查页面。 */
import type { SameShape } from '../../../messages.js';
import type { mailWords as english } from '../../en/admin/mail.js';

const KIND =
  '{kind, select, surveyInvitation {满意度调查邀请} requestUpdate {服务请求动态} slaAtRisk {响应时限即将到期} other {合同即将到期}}';

export const mailWords = {
  mail: {
    area: '电子邮件',
    title: '邮件发件箱（最新在前）',
    hint: '邮件在此等待，直到 SMTP 服务器接收；服务器不可用时邮件会保留，稍后重试。',
    kind: KIND,
    state: '{state, select, queued {排队中} sending {发送中} sent {已发送} other {失败}}',
    failure:
      '{reason, select, unreachable {无法连接 SMTP 服务器 {server}。} refused {SMTP 服务器 {server} 返回 {smtpCode}，未接收该邮件。} authentication {SMTP 服务器 {server} 不接受门户的用户名或密码。} recipient {SMTP 服务器 {server} 拒绝了收件人地址。} optedOut {未发送：收件人已关闭此类邮件。} other {通过 {server} 发送失败。}}',
    columns: {
      created: '加入队列',
      kind: '类型',
      recipient: '收件人',
      state: '状态',
      attempts: '尝试次数',
      nextAttempt: '下次尝试',
      lastError: '最近错误',
      messageId: '邮件 ID（Message-ID）',
    },
    retry: '立即重试',
    retried: '发送程序下一轮将发送这封邮件。',
    filterState: '状态',
    filterKind: '类型',
    any: '全部',
    settings: {
      title: '电子邮件',
      hint: '选择门户要给您发送哪些邮件。',
      saved: '您的邮件设置已保存。',
      save: '保存邮件设置',
      pending: '您的邮件设置',
    },
    cli: {
      usage: '用法：hicare-portal mail list|retry ID|send-test --to 地址',
      retryUsage: '用法：hicare-portal mail retry ID',
      sendTestUsage: '用法：hicare-portal mail send-test --to 地址',
      queuedTest: '发往 {to} 的测试邮件已加入队列（{id}），由运行中的门户发送。',
      notConfigured: '未设置 SMTP 服务器（HICARE_SMTP_URL）：设置之前邮件会一直排队。',
      retried: '邮件 {id} 现在即可发送。',
      noAccount: '没有账户使用地址 {to}。',
    },
    email: {
      greeting: '{name}，您好：',
      signature: 'Hi-Care 服务团队',
      unsubscribe: '不想再收到此类邮件？点此关闭：{link}',
      appLink: '在 Hi-Care 更新管理器中打开：{link}',
      surveyInvitation: {
        subject: '服务请求 {number} 的服务您满意吗？',
        body: '您关于 {product} 的服务请求 {number} 已关闭。能否告诉我们您的满意程度？只需一分钟，无需登录。',
        link: '为我们的服务评分：{link}',
        expires: '该链接只能使用一次，有效期至 {untilAt}。',
      },
      requestUpdate: {
        subject:
          '{event, select, accepted {服务请求 {number} 已受理} message {服务请求 {number} 有新消息} other {服务请求 {number} 已有解决方案}}',
        body: '{event, select, accepted {我们的支持工程师已受理您的服务请求 {number}（{product}），正在处理。} message {支持工程师在您的服务请求 {number} 中留言：} other {支持工程师为您的服务请求 {number} 提出了解决方案。请试用后确认，或告诉我们为何无效。}}',
      },
      slaAtRisk: {
        subject: '响应即将到期：{priority} 请求 {number}',
        body: '服务请求 {number}（{priority}，{product}）尚未首次联系客户，响应时限为 {dueAt}。',
      },
      contractExpiring: {
        subject: '您的 Hi-Care 合同将在 {days} 天后到期',
        body: '您的服务合同 {contractId} 将于 {endDate} 到期。请及时续约，以继续为您的系统获得更新与支持。',
      },
      test: {
        subject: 'Hi-Care 门户测试邮件',
        body: '这封邮件用于确认门户能够发送邮件，无需任何操作。',
      },
    },
    page: {
      title: '服务满意度调查',
      heading: '您对服务请求 {number} 的服务满意吗？',
      rating: '您的评分（1 = 很差，5 = 非常好）',
      ratingValue: '{value, select, 1 {1 – 很差} 5 {5 – 非常好} other {{value}}}',
      comment: '意见（可选）',
      submit: '提交我的回答',
      thanks: '谢谢！您的回答已记录。',
      openInApp: '在 Hi-Care 更新管理器中打开该请求',
      refused: '此链接无法使用',
      unsubscribeHeading: '不再接收此类邮件：{kind}',
      unsubscribeButton: '关闭此类邮件',
      unsubscribed: '已完成。您将不再收到此类邮件，可随时在应用的设置中重新开启。',
    },
  },
} satisfies SameShape<typeof english>;
