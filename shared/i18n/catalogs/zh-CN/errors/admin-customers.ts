import type { SameShape } from '../../../messages.js';
import type { customersErrors as en } from '../../en/errors/admin-customers.js';

export const customersErrors: SameShape<typeof en> = {
  FORBIDDEN: {
    adminDisableSelf: {
      message: '不能停用您自己的账户。',
      remedy: '如确需停用，请由另一位门户管理员操作。',
    },
  },
  NOT_FOUND: {
    adminSystem: {
      message: '没有任何合同包含序列号为 {serialNumber} 的系统。',
      remedy: '请检查序列号，或先将该系统添加到其合同中。',
    },
  },
  ALREADY_EXISTS: {
    systemRetired: {
      message: '系统 {serialNumber} 已于 {retiredAt} 退役。',
      remedy: '无需操作：该系统已不在保障范围内。若它重新投入使用，请再次将其添加到合同中。',
    },
  },
};
