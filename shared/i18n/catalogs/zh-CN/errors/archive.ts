import type { SameShape } from '../../../messages.js';
import type { archiveErrors as en } from '../../en/errors/archive.js';

const remedy = '安装包已损坏或不安全，未予安装。请重新下载；如果问题仍然存在，请报告厂商。';

export const archiveErrors: SameShape<typeof en> = {
  INVALID_INPUT: {
    archiveUnknownFormat: { message: '安装包既不是 .tar.gz 文件，也不是 .zip 文件。', remedy },
    archiveCodePage: {
      message: '无法按代码页“{codePage}”读取文件名。',
      remedy: '请选择 gbk、gb18030、cp437 或 shift_jis 等代码页。',
    },
    archiveDestinationIsFile: {
      message: '安装位置 {destination} 是一个文件，而不是文件夹。',
      remedy: '请选择一个文件夹作为安装位置。',
    },
    archiveUnnamed: { message: '安装包中有一个没有名称的条目。', remedy },
    archiveNameTooLong: { message: '安装包中有一个条目的名称过长（{length} 个字符）。', remedy },
    archiveControlCharacter: { message: '安装包条目“{path}”的名称中含有控制字符。', remedy },
    archiveBackslash: { message: '安装包条目“{path}”的名称中含有反斜杠。', remedy },
    archiveAbsolutePath: { message: '安装包条目“{path}”使用了绝对路径。', remedy },
    archiveDriveOrStream: { message: '安装包条目“{path}”指定了驱动器或文件流。', remedy },
    archiveClimbsOut: { message: '安装包条目“{path}”通过“..”跳出了安装文件夹。', remedy },
    archiveEmptyPart: { message: '安装包条目“{path}”的路径中有空白或“.”部分。', remedy },
    archiveLinkNowhere: { message: '安装包中的链接“{path}”没有指向任何位置。', remedy },
    archiveLinkOutside: { message: '安装包中的链接“{path}”指向安装文件夹之外（“{target}”）。', remedy },
    archiveLinkAtNothing: { message: '安装包中的链接“{path}”指向的内容不在安装包中。', remedy },
    archiveLinkLeadsOutside: { message: '安装包中的链接“{path}”最终通向安装文件夹之外。', remedy },
    archiveLinkTooLong: { message: '安装包中的链接“{path}”的目标长得不合常理。', remedy },
    archiveHardLinkTarget: { message: '安装包中的硬链接“{path}”没有指向安装包中在它之前的文件。', remedy },
    archiveThroughLink: { message: '安装包条目“{path}”会经由链接（“{parent}”）写入。', remedy },
    archiveThroughFile: { message: '安装包条目“{path}”会经由文件（“{parent}”）写入。', remedy },
    archiveFolderAndFile: { message: '安装包条目“{path}”既是文件夹又是文件。', remedy },
    archiveDevice: { message: '安装包条目“{path}”是设备或管道，此类条目从不安装。', remedy },
    archiveUnknownKind: { message: '安装包条目“{path}”的类型从不安装。', remedy },
    archiveRootNotFolder: {
      message: '安装包中有一个没有名称的{type, select, symlink {符号链接} hardlink {硬链接} other {文件}}条目。',
      remedy,
    },
    archiveLongerThanDeclared: { message: '安装包条目“{path}”的实际长度超过了其声明的长度。', remedy },
    archiveTooManyEntries: { message: '安装包中的条目超过 {limit} 个。', remedy },
    archiveTooLarge: { message: '安装包解压后超过 {limit} 字节。', remedy },
    zipNotZip: { message: '安装包不是有效的 zip 文件（缺少归档结束记录）。', remedy },
    zipDamaged: { message: '安装包不是有效的 zip 文件（目录已损坏）。', remedy },
    zipSplit: { message: '安装包是分卷 zip 归档，不受支持。', remedy },
    zipIncomplete: { message: '安装包提前结束：zip 文件不完整。', remedy },
    zipEncrypted: { message: '安装包条目“{path}”已加密。', remedy },
    zipMethod: { message: '安装包条目“{path}”使用了本应用无法读取的压缩方法（{method}）。', remedy },
    zipExpands: { message: '安装包条目“{path}”解压后超过了其声明的大小。', remedy },
    zipEntryDamaged: { message: '安装包条目“{path}”已损坏（大小或校验和不匹配）。', remedy },
    zipPastEnd: { message: '安装包条目“{path}”指向文件末尾之后的位置。', remedy },
    tarNotGzip: { message: '安装包不是有效的 gzip 文件，或者不完整。', remedy },
    tarIncomplete: { message: '安装包在某个条目中间结束：文件不完整。', remedy },
    tarNoEndMarker: { message: '安装包缺少归档结束标记：文件不完整。', remedy },
    tarChecksum: { message: '安装包不是有效的 tar 归档（某个文件头的校验和不匹配）。', remedy },
    tarDamagedHeader: { message: '安装包不是有效的 tar 归档（文件头已损坏）。', remedy },
  },
  INSUFFICIENT_SPACE: {
    archiveUnpack: {
      message: '磁盘可用空间不足，无法将安装包解压到 {destination}。',
      remedy: '请释放一些磁盘空间后重试。',
    },
  },
  INSTALL_FAILED: {
    archivePermission: {
      message: '无法将安装包解压到 {destination}：权限不足。',
      remedy: '请选择您有写入权限的安装文件夹，或以管理员身份运行本应用。',
    },
    archiveUnpack: {
      message: '无法将安装包解压到 {destination}。',
      remedy: '请重试；如果问题仍然存在，请报告厂商。',
    },
  },
};
