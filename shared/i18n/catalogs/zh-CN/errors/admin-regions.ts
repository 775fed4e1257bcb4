/** Refusals of the back office: Regions: response-time tables and business calendars. */
import type { ErrorMessages } from '../../../error-messages.js';

const WEEKDAY_REMEDY = '调休上班日只能设在每周作息中休息的日子，例如周六或周日。';

export const regionsErrors = {
  INVALID_INPUT: {
    calendarYear: {
      message: '日历年份 {year} 超出范围。',
      remedy: '请填写 {min} 至 {max} 之间的年份。',
    },
    calendarHours: {
      message: '工作时间 {opensAt}–{closesAt} 的结束时间早于开始时间。',
      remedy: '开始时间须早于结束时间，例如 09:00–18:00。',
    },
    calendarEmptyWeek: {
      message: '{year} 年的日历每周没有任何工作日。',
      remedy: '请至少选择一周中的一个工作日，例如周一至周五。',
    },
    calendarHolidayYear: {
      message: '节假日 {date} 不在本日历所属的 {year} 年内。',
      remedy: '请把该节假日录入其所在年份的日历。',
    },
    calendarWorkingDayYear: {
      message: '调休上班日 {date} 不在本日历所属的 {year} 年内。',
      remedy: '请把该调休上班日录入其所在年份的日历。',
    },
    calendarWorkingDayWeekday: {
      message: '调休上班日 {date} 本来就是每周的工作日。',
      remedy: WEEKDAY_REMEDY,
    },
    calendarWorkingDayHoliday: {
      message: '{date} 同时被设为节假日和调休上班日。',
      remedy: '请只在其中一个列表中保留该日期。',
    },
  },
  NOT_FOUND: {
    region: {
      message: '不存在区域“{id}”。',
      remedy: '请检查区域标识，或先创建该区域。',
    },
    regionCalendar: {
      message: '区域“{id}”没有 {year} 年的日历。',
      remedy: '请先添加该年的日历，或选择该区域已有的年份。',
    },
  },
  ALREADY_EXISTS: {
    region: {
      message: '区域“{id}”已存在。',
      remedy: '请换一个标识，或修改现有区域。',
    },
    regionCalendar: {
      message: '区域“{id}”已有 {year} 年的日历。',
      remedy: '请替换该年的日历，而不是重复添加。',
    },
  },
} satisfies ErrorMessages;
