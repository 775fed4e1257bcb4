/** 后台框架：控制台分区、列表与分页、审计记录。 */
import type { SameShape } from '../../../messages.js';
import type { consoleFrame as en } from '../../en/admin/console.js';

export const consoleFrame: SameShape<typeof en> = {
  console: {
    title: '后台管理',
    areasLabel: '管理范围',
    search: '搜索',
    searchPlaceholder: '名称或编号',
    previous: '上一页',
    next: '下一页',
    pageRange: '第 {first}–{last} 条，共 {total, number} 条',
    empty: '没有匹配的记录。',
    pending: '列表',
    save: '保存',
    cancel: '取消',
    create: '创建',
    saved: '已保存。',
    backToList: '返回列表',
    notAllowed: '后台管理仅供厂商的门户管理员使用。',
  },
  cli: {
    jsonOrCsv: '--json 与 --csv 只能选一个。',
    lang: '--lang {given}：请使用 en 或 zh-CN。',
    pageFooter: '第 {first}–{last} 条，共 {total, number} 条；用 --offset 和 --limit 查看其他记录。',
  },
  audit: {
    area: '审计记录',
    title: '全部变更（最新的在前）',
    hint: '谁在后台改了什么：无论是通过控制台、API 还是门户命令行。',
    at: '时间',
    actor: '操作人',
    action: '操作',
    subject: '对象',
    changes: '设置的字段',
    subjectKind: {
      customer: '客户',
      account: '账户',
      contract: '合同',
      system: '系统',
      region: '区域',
      release: '版本',
      line: '主版本线',
      mail: '电子邮件',
      article: '文章',
    },
  },
};
