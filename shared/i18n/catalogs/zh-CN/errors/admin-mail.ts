/** 后台的拒绝原因：电子邮件——发件箱、偏好与满意度调查页面。 */
import type { SameShape } from '../../../messages.js';
import type { mailErrors as english } from '../../en/errors/admin-mail.js';

export const mailErrors = {
  NOT_FOUND: {
    mailOutbox: { message: '发件箱中没有 ID 为“{id}”的邮件。', remedy: '请在发件箱列表中核对 ID。' },
    mailLink: {
      message: '门户无法识别此链接。',
      remedy: '请按邮件中的原样打开链接，或在 Hi-Care 更新管理器中作答。',
    },
    mailRecipient: {
      message: '没有账户使用地址 {to}。',
      remedy: '请将测试邮件发送到现有账户的地址。',
    },
  },
  ILLEGAL_TRANSITION: {
    mailNotRetryable: {
      message: '{state, select, sent {这封邮件已经发送，再次发送会让收件人收到两封。} other {这封邮件正在发送中。}}',
      remedy: '{state, select, sent {无需任何操作。} other {请稍候再查看发件箱。}}',
    },
  },
  ALREADY_EXISTS: {
    surveyLinkUsed: {
      message: '此调查链接已经使用过，您的回答已记录。',
      remedy: '无需任何操作，感谢您的回答。',
    },
  },
  LINK_EXPIRED: {
    message: '此链接已过期。',
    remedy: '请索取新的链接，或在 Hi-Care 更新管理器中完成同样的操作。',
    survey: {
      message: '此调查链接已于 {expiredAt} 过期。',
      remedy: '您仍可在 Hi-Care 更新管理器中对已关闭的请求作答。',
    },
  },
  INVALID_INPUT: {
    surveyForm: {
      message: '请选择 1 到 5 的评分；意见最多 2000 个字符。',
      remedy: '请返回，选择评分后重新提交。',
    },
    mailSettings: {
      message: '电子邮件设置 {name} 无效。',
      remedy: '请按 deploy/portal.env.example 的示例设置 {name}（smtp://主机:端口 或 smtps://用户:密码@主机:端口）。',
    },
  },
} satisfies SameShape<typeof english>;
