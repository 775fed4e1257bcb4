/** 用户在应用中为批量下载、导出离线包和导入离线包输入的路径被拒绝的情况：网页端没有系统文件选择框，路径在写入或读取之前先在此检查。 */
import type { ErrorMessages } from '../../../error-messages.js';

export const appBundleErrors = {
  INVALID_INPUT: {
    downloadFolderNotFull: {
      message: '下载文件夹必须是完整路径，{path} 不是。',
      remedy: '请填写文件夹的完整路径，例如 /home/you/Downloads/Hi-Care 或 C:\\Users\\you\\Downloads\\Hi-Care。',
    },
    bundleFileNotFull: {
      message: '离线包需要保存到完整路径下，{path} 不是完整路径。',
      remedy: '请填写要写入文件的完整路径，例如 /media/usb/site-north.hicare。',
    },
    bundleFolderNotFull: {
      message: '导出文件夹必须是完整路径，{path} 不是。',
      remedy: '请填写一个新的或空的文件夹的完整路径，例如 /media/usb/site-north。',
    },
    bundleImportNotFull: {
      message: '要导入的离线包需用完整路径指定，{path} 不是完整路径。',
      remedy: '请填写离线包文件的完整路径，例如 /media/usb/site-north.hicare。',
    },
    bundleImportIsFolder: {
      message: '{path} 是一个文件夹，不是离线包文件。',
      remedy: '请填写离线包文件本身的路径（导出的文件夹里放的是软件包，不是离线包）。',
    },
  },
  ALREADY_EXISTS: {
    bundleExportFile: {
      message: '{path} 已有同名文件，未作任何改动。',
      remedy: '请换一个文件名，或先把之前的文件移走。',
    },
    bundleExportFolderNotEmpty: {
      message: '文件夹 {path} 中已有文件，未写入任何内容。',
      remedy: '请选择一个新的或空的文件夹，以免导出内容与其他文件混在一起。',
    },
  },
  NOT_FOUND: {
    bundleExportParent: {
      message: '文件夹 {folder} 不存在，无法在其中保存离线包。',
      remedy: '请选择一个已存在的文件夹中的文件（U 盘需已插入并挂载）。',
    },
    bundleToImport: {
      message: '{path} 处没有离线包文件。',
      remedy: '请检查路径（U 盘需已插入并挂载）后重试。',
    },
  },
} satisfies ErrorMessages;
