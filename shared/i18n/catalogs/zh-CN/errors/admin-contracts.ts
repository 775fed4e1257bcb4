/** Refusals of the back office: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { ErrorMessages } from '../../../error-messages.js';

const BASIS_REMEDY = '请只提供以下一项：采购订单上的开始日期、发货日期或所续签的合同。';

export const contractsErrors = {
  MISSING_START_DATE_BASIS: {
    none: {
      message: '该合同没有说明服务从何时开始。',
      remedy: BASIS_REMEDY,
    },
    several: {
      message: '该合同给出了多个开始依据：采购订单日期、发货日期或续签。',
      remedy: BASIS_REMEDY,
    },
  },
  INVALID_INPUT: {
    pacBeforeShipment: {
      message: '初步验收日期（{pacDate}）早于发货日期（{shippedDate}）。',
      remedy: '请更正 PAC 日期或发货日期：验收应在发货之后。',
    },
    renewsOtherCustomer: {
      message: '合同 {contractId} 属于其他客户，而不是 {customerId}。',
      remedy: '请续签该客户自己的合同，或按采购订单或发货日期新建合同。',
    },
    sameTier: {
      message: '合同 {contractId} 已经是该服务级别。',
      remedy: '请选择另一个服务级别，或保持合同不变。',
    },
    tierChangeOutside: {
      message: '{changeDate} 的服务级别变更不在合同期内。',
      remedy: '请选择 {startDate} 至 {endDate} 之间的日期。',
    },
    contractFieldsMissing: {
      message: '该合同缺少以下字段：{fields}。',
      remedy: '请填写这些字段；只有续签合同才会沿用原合同的值。',
    },
  },
  CONTRACT_OVERLAP: {
    message: '该合同与同一客户的另一份合同重叠。',
    remedy: '请调整日期或系统，使任何系统在同一天都不会被两份合同覆盖。',
    systems: {
      message: '系统 {serialNumber} 已由合同 {contractId} 覆盖（{startDate} 至 {endDate}）。',
      remedy: '请调整日期或系统，使任何系统在同一天都不会被两份合同覆盖。',
    },
  },
} satisfies ErrorMessages;
