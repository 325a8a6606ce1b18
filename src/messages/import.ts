import type { MessageEntry } from './index.js';

/** Opening and reading submitted workbooks (申报表). */
export const importMessages = {
  // Refusals before parsing: one line, what happened and what to do.
  'import.fileMissing': {
    zh: '找不到该文件或无法读取，请检查路径和权限',
    en: 'File not found or not readable; check the path and permissions',
  },
  'import.fileEmpty': {
    zh: '文件是空的（0 字节），可能复制或下载未完成，请向报送单位重新索取',
    en: 'The file is empty (0 bytes); the copy or download may have failed. Ask the unit to send it again',
  },
  'import.fileTooLarge': {
    zh: '文件过大（{size} MB，上限 {max} MB），不像是一份申报表；请确认文件，或删除其中的图片后另存再导入',
    en: 'The file is too large ({size} MB, limit {max} MB) for an application form; check it, or remove pictures and save again',

  },
  'import.fileEncrypted': {
    zh: '文件设置了打开密码，请让报送单位取消密码（或打开后另存为无密码的 .xlsx）后重新导入',
    en: 'The file is password-protected; ask the unit to remove the password (or save an unprotected .xlsx) and import again',
  },
  'import.fileNotWorkbook': {
    zh: '这不是 Excel、WPS 表格或 Word 文件（可能是改了扩展名的其他文件），请确认报送的是申报表（.xlsx、.xls、.et、.ods 或 .docx）',
    en: 'This is not an Excel, WPS or Word file (perhaps another file renamed); make sure it is the application form (.xlsx, .xls, .et, .ods or .docx)',
  },
  'import.fileTruncated': {
    zh: '文件不完整（可能下载或复制中断），无法打开；请向报送单位重新索取',
    en: 'The file is incomplete (an interrupted download or copy) and cannot be opened; ask the unit to send it again',
  },
  // Zip bombs and oversized sheets: refused before exceljs sees them, each saying what was abnormal.
  'import.fileZipEntries': {
    zh: '文件内部包含 {count} 个部件（正常的申报表不超过几十个，上限 {max}），疑似恶意构造的压缩包，为安全起见拒绝读取；请让报送单位用 Excel 或 WPS 重新保存后发送',
    en: 'The file holds {count} parts (a form has a few dozen, limit {max}); it looks like a crafted archive and was refused. Ask the unit to re-save it in Excel or WPS',

  },
  'import.fileZipRatio': {
    zh: '文件内部有一个部件解压后达 {size}（压缩后仅 {compressed}），属于“压缩炸弹”，为安全起见拒绝读取；请让报送单位用 Excel 或 WPS 重新保存后发送',
    en: 'One part of the file unpacks to {size} from {compressed} (a zip bomb) and was refused. Ask the unit to re-save it in Excel or WPS',

  },
  'import.fileZipTotal': {
    zh: '文件解压后共 {size}，超过上限 {max}，不像是一份申报表，为安全起见拒绝读取；请删除其中的图片等内容后另存再导入',
    en: 'The file unpacks to {size}, over the {max} limit; refused. Remove pictures and save again',

  },
  'import.filePartTooLarge': {
    zh: '文件中的 {part} 解压后有 {size}（上限 {max}；一份申报表的每一部分都不到 100 KB），为安全起见拒绝读取；请让报送单位只保留申报表后另存再发送',
    en: 'The part {part} unpacks to {size} (limit {max}; each part of a form is under 100 KB); refused. Ask the unit to keep only the form and save again',
  },
  'import.fileZipLies': {
    zh: '文件内部结构异常（工作表解压后的大小与文件声明的不符），疑似恶意构造，为安全起见拒绝读取；请让报送单位用 Excel 或 WPS 重新保存后发送',
    en: 'A worksheet unpacks to more than the file declares (a crafted archive); refused. Ask the unit to re-save it in Excel or WPS',
  },
  'import.fileMergedCells': {
    zh: '工作表中的合并单元格共覆盖 {count} 个单元格（上限 {max}），读取会耗尽内存，已拒绝；请取消整行整列的合并后另存再导入',
    en: 'Merged ranges cover {count} cells (limit {max}); reading them would exhaust memory. Unmerge whole rows/columns and save again',

  },
  'import.fileColumns': {
    zh: '工作表的列宽设置共描述了 {count} 列（上限 {max}），远超任何表格，读取会耗尽内存，已拒绝；请让报送单位用 Excel 或 WPS 重新保存后发送',
    en: 'Column ranges describe {count} columns (limit {max}), more than any sheet; reading them would exhaust memory. Ask the unit to re-save the file in Excel or WPS',
  },
  'import.fileLinkedCells': {
    zh: '工作表中的超链接共覆盖 {count} 个单元格（上限 {max}），读取会耗尽内存，已拒绝；请删除整行整列的超链接后另存再导入',
    en: 'Hyperlinks cover {count} cells (limit {max}); reading them would exhaust memory. Remove the links over whole rows/columns and save again',
  },
  'import.fileTooManyCells': {
    zh: '工作表中共有 {count} 个单元格（上限 {max}），远超一份申报表的内容，读取会长时间占用内存，已拒绝；请删除多余的行列（或只保留申报表工作表）后另存再导入',
    en: 'The worksheets hold {count} cells (limit {max}), far more than a form; refused. Delete the extra rows and columns and save again',

  },
  'import.fileNoSheets': {
    zh: '工作簿中没有可读取的工作表，请用 Excel 或 WPS 打开检查后另存为 .xlsx 再导入',
    en: 'The workbook has no readable worksheet; open it in Excel or WPS, check it and save as .xlsx again',
  },
  'import.fileUnreadable': {
    zh: '文件已损坏或格式不受支持，无法读取；请用 Excel 或 WPS 打开后另存为 .xlsx 再导入',
    en: 'The file is damaged or in an unsupported format; open it in Excel or WPS and save as .xlsx again',
  },
  // Legacy compound files (.xls, .et): their directory is checked before SheetJS reads them.
  'import.compoundEntries': {
    zh: '文件内部目录有 {count} 个条目（正常的表格不超过几十个，上限 {max}），疑似恶意构造，为安全起见拒绝读取；请让报送单位用 Excel 或 WPS 重新保存后发送',
    en: 'The file’s internal directory has {count} entries (a form has a few dozen, limit {max}); it looks crafted and was refused. Ask the unit to re-save it in Excel or WPS',

  },
  'import.compoundStreamSize': {
    zh: '文件内部声明了一个 {size} 的数据流，比文件本身（{file}）还大，疑似恶意构造，为安全起见拒绝读取；请让报送单位用 Excel 或 WPS 重新保存后发送',
    en: 'The file declares an internal stream of {size}, larger than the file itself ({file}); it looks crafted and was refused. Ask the unit to re-save it in Excel or WPS',

  },
  'import.compoundDamaged': {
    zh: '文件已损坏（内部结构不完整或前后矛盾），无法读取；请让报送单位用 Excel 或 WPS 打开后重新保存发送',
    en: 'The file is damaged (its internal structure is incomplete or inconsistent); ask the unit to open it in Excel or WPS, save it again and send it',
  },
  // Word forms (.docx).
  'import.docxUnreadable': {
    zh: 'Word 文档已损坏或格式不受支持，无法读取；请让报送单位用 Word 或 WPS 打开后另存为 .docx 再发送',
    en: 'The Word document is damaged or in an unsupported format; ask the unit to open it in Word or WPS and save it as .docx again',
  },
  'import.docxTooLarge': {
    zh: 'Word 文档的正文解压后达 {size}（上限 {max}），不像是一份申报表，为安全起见拒绝读取；请让报送单位删除多余内容后另存再发送',
    en: 'The Word document’s body unpacks to {size} (limit {max}), far more than a form; refused. Ask the unit to remove extra content and save again',

  },
  'import.docxTooManyCells': {
    zh: 'Word 文档中的表格共有 {count} 个单元格（上限 {max}），远超一份申报表，为安全起见拒绝读取；请让报送单位只保留申报表后另存再发送',
    en: 'The Word document’s tables hold {count} cells (limit {max}), far more than a form; refused. Ask the unit to keep only the form and save again',

  },
  // Zip bundles (a mail client's 打包下载): each entry is imported as `bundle.zip › folder/file`.
  'import.bundleUnsafeName': {
    zh: '压缩包中的这个文件名指向压缩包以外的位置（如 ../ 或绝对路径），疑似恶意构造，未读取；请让报送单位重新打包发送',
    en: 'This name in the bundle points outside it (../ or an absolute path); it looks crafted and was not read. Ask the unit to pack the files again',
  },
  'import.bundleEncrypted': {
    zh: '压缩包中的这个文件设置了密码，无法读取；请让报送单位取消压缩包密码后重新发送',
    en: 'This file in the bundle is password-protected; ask the unit to send the bundle without a password',
  },
  'import.bundleEntryDamaged': {
    zh: '压缩包中的这个文件已损坏（解压后与压缩包记录的大小或校验值不符），未读取；请让报送单位重新打包发送',
    en: 'This file in the bundle is damaged (its size or checksum does not match the bundle’s record); ask the unit to pack the files again',
  },
  'import.bundleTooDeep': {
    zh: '压缩包嵌套超过 {depth} 层（压缩包里的压缩包里还有压缩包），未读取；请解压后直接导入其中的申报表',
    en: 'Bundles nested more than {depth} deep were not read; extract them and import the forms directly',
  },
  'import.containerTooDeep': {
    zh: '邮件和压缩包嵌套超过 {depth} 层（转发的邮件里还有转发的邮件或压缩包），未读取；请把里面的附件另存后直接导入',
    en: 'Mails and bundles nested more than {depth} deep were not read; save the attachments inside and import them directly',
  },
  // Saved mails (.eml): each attachment is imported as `mail.eml › attachment`.
  'import.mailDamaged': {
    zh: '邮件文件无法解析（格式损坏或结构异常，如层层嵌套），未读取；请在邮箱中重新保存这封邮件（另存为 .eml）后导入，或把附件另存后直接导入',
    en: 'The mail file cannot be read (damaged or abnormally nested); save the message again as .eml, or save its attachments and import them',
  },
  'import.mailTooLarge': {
    zh: '邮件文件过大（{size} MB，上限 {max} MB），未读取；请在邮箱中把其中的申报表附件另存后直接导入',
    en: 'The mail file is too large ({size} MB, limit {max} MB); not read. Save its form attachments from the mail client and import them',
  },
  'import.mailMbox': {
    zh: '这是多封邮件合在一起的邮箱文件（mbox），未读取：请在邮件客户端里选中这些邮件，逐封另存为 .eml（方法见说明“把邮件保存为 .eml”）后导入',
    en: 'A mailbox file (mbox) holding several mails, not read: save the mails one by one as .eml from the mail client and import those',
  },
  'import.mailNoAttachments': {
    zh: '这封邮件没有附件：请向发件单位索取申报表的电子版（.xlsx 或 .docx）',
    en: 'This mail has no attachment: ask the sending unit for the form as .xlsx or .docx',
  },
  'import.mailTooManyAttachments': {
    zh: '邮件中有 {count} 个附件（上限 {max}），远超正常邮件，为安全起见未读取；请把需要的附件另存后直接导入',
    en: 'The mail holds {count} attachments (limit {max}), far more than a real mail; refused. Save the attachments you need and import them',
  },
  // Links and special files in an import folder: followed to a regular file, otherwise listed with why.
  'import.linkLoop': {
    zh: '这是一个快捷方式（符号链接），它和别的快捷方式互相指向、绕成一圈，找不到真正的文件，未读取；请把申报表本身放进文件夹后重新导入',
    en: 'A symbolic link in a loop of links that never reaches a file; put the form itself in the folder and import again',
  },
  'import.linkBroken': {
    zh: '这是一个快捷方式（符号链接），它指向的文件已不存在，未读取；请把申报表本身放进文件夹后重新导入',
    en: 'A symbolic link whose target no longer exists; put the form itself in the folder and import again',
  },
  'import.linkToFolder': {
    zh: '这是指向文件夹 {target} 的快捷方式（符号链接），未进入读取；如需导入，请直接导入该文件夹',
    en: 'A symbolic link to the folder {target}, not followed; import that folder directly if needed',
  },
  'import.linkToDatabase': {
    zh: '这个快捷方式（符号链接）指向 gongshu 的数据库或其备份（{target}），不是申报表，未读取',
    en: 'This symbolic link points at gongshu’s database or one of its backups ({target}), not a form; not read',
  },
  'import.hardLinkToDatabase': {
    zh: '这个文件是 gongshu 的数据库或其备份的另一个名字（硬链接），不是申报表，未读取；请把申报表本身放进文件夹后重新导入',
    en: 'This file is gongshu’s database or one of its backups under another name (a hard link), not a form; not read. Put the form itself in the folder and import again',
  },
  'import.databaseFile': {
    zh: '这个文件是 gongshu 的数据库或其备份，不是申报表，未读取；请不要把数据库和申报表放在同一个文件夹里导入',
    en: 'This file is gongshu’s database or one of its backups, not a form; not read. Keep the database out of the folder of forms',
  },
  'import.notRegularFile': {
    zh: '不是普通文件（设备、管道等），未读取；请把申报表本身放进文件夹后重新导入',
    en: 'Not a regular file (a device or pipe); not read. Put the form itself in the folder and import again',
  },
  'import.bundleEmpty': {
    zh: '压缩包中没有文件，请确认报送单位发送的附件是否完整',
    en: 'The bundle holds no files; check that the unit sent its attachments',
  },

  // Files that are not a form gongshu reads: listed as 未导入 with what to ask the unit for.
  'import.notForm.doc': {
    zh: '旧版 Word 文档：请申报单位另存为 .docx 或 .xlsx 后重新发送',
    en: 'Legacy Word document: ask the unit to save it as .docx or .xlsx and send it again',
  },
  'import.notForm.wps': {
    zh: 'WPS 文字文档 (.wps)：请申报单位在 WPS 中另存为 .docx 后重新发送',
    en: 'WPS Writer document (.wps): ask the unit to save it as .docx in WPS and send it again',
  },
  'import.notForm.odt': {
    zh: 'OpenDocument 文字文档 (.odt)：请申报单位另存为 .docx 后重新发送',
    en: 'OpenDocument text (.odt): ask the unit to save it as .docx and send it again',
  },
  'import.notForm.pdf': {
    zh: 'PDF 文件（多为盖章后的扫描件），gongshu 不能读取其中的内容：请申报单位另发申报表的电子版（.xlsx 或 .docx）',
    en: 'PDF file (usually a stamped scan); gongshu cannot read it: ask the unit for the form as .xlsx or .docx',
  },
  'import.notForm.image': {
    zh: '图片文件（照片或扫描件），gongshu 不能读取其中的内容：请申报单位另发申报表的电子版（.xlsx 或 .docx）',
    en: 'Image file (a photo or scan); gongshu cannot read it: ask the unit for the form as .xlsx or .docx',
  },
  'import.notForm.archive': {
    zh: 'RAR 或 7z 压缩包，gongshu 只能打开 .zip：请解压后导入其中的申报表，或请申报单位改发 .zip',
    en: 'RAR or 7z archive; gongshu opens .zip only: extract it and import the forms inside, or ask for a .zip',
  },
  'import.notForm.presentation': {
    zh: '演示文稿（PPT），不是申报表：如需申报，请申报单位发送申报表（.xlsx 或 .docx）',
    en: 'A presentation, not an application form: ask the unit for the form as .xlsx or .docx',
  },
  'import.notForm.outlookMsg': {
    zh: 'Outlook 邮件（.msg），gongshu 读取 .eml 格式的邮件：请在 Outlook 网页版或新版 Outlook 中用“下载”把邮件保存为 .eml，或把附件另存后导入',
    en: 'Outlook message (.msg); gongshu reads mails saved as .eml: download the message as .eml from Outlook on the web or the new Outlook, or save its attachments',
  },
  'import.notForm.other': {
    zh: '不是申报表文件（gongshu 读取 .xlsx .xlsm .xls .et .ods .docx 及装有它们的 .zip 和邮件 .eml）：如是申报材料，请申报单位另发申报表的电子版',
    en: 'Not a form file (gongshu reads .xlsx .xlsm .xls .et .ods .docx, and .zip bundles and .eml mails of them): ask the unit for the form as .xlsx or .docx',
  },
  'import.notForm.docxNoTable': {
    zh: 'Word 文档中没有表格，不是申报表（可能是申办报告等其他材料）；如是申报表，请申报单位按附件1的表格填写后重新发送',
    en: 'The Word document has no table, so it is not the application form (perhaps the report); ask the unit to fill in the form of Attachment 1',
  },

  // A parse worker stopped on one file (the others go on): say which file, why, and what to do.
  'import.parseTimeout': {
    zh: '读取“{file}”超过 {seconds} 秒仍未完成，已停止读取该文件，其余文件照常导入；文件可能已损坏或内容异常，请用 Excel 或 WPS 打开检查，另存为新的 .xlsx 后重新导入',
    en: 'Reading “{file}” took longer than {seconds} s and was stopped; the other files were imported. The file may be damaged: open it in Excel or WPS, check it, save it as a new .xlsx and import again',
  },
  'import.parseOutOfMemory': {
    zh: '读取“{file}”所需内存超过上限（{limit} MB），已停止读取该文件，其余文件照常导入；文件可能含有大量图片、格式或异常内容，请删除多余内容、另存为新的 .xlsx 后重新导入',
    en: 'Reading “{file}” needed more memory than the limit ({limit} MB) and was stopped; the other files were imported. Remove pictures or unusual content, save it as a new .xlsx and import again',
  },
  'import.parseCrashed': {
    zh: '读取“{file}”时读取程序意外退出，已跳过该文件，其余文件照常导入；请用 Excel 或 WPS 打开检查，另存为新的 .xlsx 后重新导入，如仍出现请联系技术支持',
    en: 'The reader stopped unexpectedly on “{file}”; the file was skipped and the others were imported. Open it in Excel or WPS, save it as a new .xlsx and import again; if this happens again, contact support',
  },

  // The workbook opened but is not a filled-in application form.
  'import.notAnApplication': {
    zh: '未在工作簿中找到申报表的栏目（如 单位全称、领衔人 姓名、身份证号码），请确认这是《拱墅区技能大师工作室申报表》',
    en: 'No application-form fields (单位全称, 姓名, 身份证号码 …) were found; make sure this is the studio application form',
  },
  'import.looksLikeAssessment': {
    zh: '这像是考核表（含 考核项目、自评分 等栏目），不是申报表；考核表请用 gongshu assess import 导入',
    en: 'This looks like an assessment form (考核项目, 自评分 …), not an application; import it with gongshu assess import',
    menu: { zh: '这像是考核表（含 考核项目、自评分 等栏目），不是申报表；考核表请在“导入考核表”中导入', en: 'This looks like an assessment form, not an application; import it under Import assessments' },
  },
  'import.applicationCoverOnly': {
    zh: '申报表只填写了封面（申报单位、工作室名称），单位情况、领衔人情况、成员和工作计划均为空；请让报送单位填写完整后重新报送',
    en: 'Only the cover of the application is filled in; the unit, lead, members and plan are empty. Ask the unit to complete it and send it again',
  },
  'import.applicationEmpty': {
    zh: '申报表未填写（只有空白模板），请让报送单位填写后重新报送',
    en: 'The application form is blank (an empty template); ask the unit to fill it in and send it again',
  },

  // Cell-level problems found while reading (warnings shown with the cell).
  'import.formulaNoResult': {
    zh: '“{label}”是公式但没有计算结果（文件未在 Excel/WPS 中保存过），按空值处理；请打开后保存再导入，或直接填写数值',
    en: '“{label}” is a formula without a cached result (never saved by Excel/WPS); read as empty',
  },
  'import.cellError': {
    zh: '“{label}”单元格显示错误值 {error}，按空值处理',
    en: '“{label}” shows the error value {error}; read as empty',
  },
  'import.birthUnreadable': {
    zh: '出生年月“{raw}”无法识别，请按 1975-06 的格式填写',
    en: 'Date of birth “{raw}” cannot be read; write it as 1975-06',
  },
  'import.birthAmbiguous': {
    zh: '出生年月填为数字 {raw}，可能是 {first} 也可能是 {second}（Excel 会去掉末尾的 0），且无法用身份证号码确认；请核对后按 1975-10 的格式填写',
    en: 'Date of birth typed as the number {raw} may be {first} or {second} (Excel drops the trailing 0) and the ID number cannot settle it',
  },
  'import.birthResolvedById': {
    zh: '出生年月填为数字 {raw}，已按身份证号码读作 {month}',
    en: 'Date of birth typed as the number {raw} was read as {month} from the ID number',
  },
  'import.idStoredAsNumber': {
    zh: '身份证号码以数字形式保存，Excel 只保留 15 位有效数字，末尾几位可能已丢失（读到 {value}）；请将单元格设为文本后重新填写',
    en: 'The ID number is stored as a number; Excel keeps only 15 significant digits, so the last digits may be lost (read {value})',
  },
  'import.cellTruncated': {
    zh: '单元格内容有 {length} 个字符，超过 Excel 单元格上限 32767 个字符（不是 Excel 或 WPS 保存的内容），只读取了前 32767 个字符；请核对该单元格',
    en: 'The cell holds {length} characters, over Excel’s limit of 32,767 (not written by Excel or WPS); only the first 32,767 were read',
  },
  'import.controlCharsRemoved': {
    zh: '单元格中含有不可见的控制字符或终端转义序列（不是正常输入的内容），已删除；请核对该单元格',
    en: 'The cell held invisible control characters or terminal escape sequences (not typed text); they were removed',
  },
  'import.genderUnreadable': {
    zh: '性别“{value}”无法识别，应填 男 或 女',
    en: 'Gender “{value}” not recognised; write 男 or 女',
  },
  'import.ageUnreadable': {
    zh: '成员 {name} 的年龄“{value}”无法识别，应填数字',
    en: 'Age “{value}” of member {name} not recognised; write a number',
  },
  'import.membersTableMissing': {
    zh: '未找到“工作室成员情况”表格的表头（姓名、性别、年龄、学历……），未读取到成员',
    en: 'The member table header (姓名, 性别, 年龄, 学历 …) was not found; no members read',
  },
  'import.leadRepeatedInMembers': {
    zh: '成员表中重复填写了领衔人 {name}，该行不计入成员',
    en: 'The lead {name} is repeated in the member table; that row is not counted as a member',
  },
  'import.labelsMissing': {
    zh: '未找到以下栏目：{labels}',
    en: 'These fields were not found: {labels}',
  },
  'import.yearsInTradeSerial': {
    zh: '从业时间为日期格式，已读作 {value}',
    en: 'Years in trade was a date and was read as {value}',
  },

  // Assessment forms (考核表, 附件2).
  'import.assessment.notAnAssessment': {
    zh: '这不是考核表：未找到评分表格的表头（考核项目、考核内容、分值、自评分、考核分），请确认这是《拱墅区技能大师工作室考核表》',
    en: 'This is not an assessment form: the scoring table header (考核内容, 自评分, 考核分 …) was not found',
  },
  'import.assessment.looksLikeApplication': {
    zh: '这不是考核表：它像是申报表（含 单位全称、领衔人 姓名、身份证号码 等栏目）；申报表请用 gongshu apply import 导入',
    en: 'This is not an assessment form but looks like an application form; import it with gongshu apply import',
    menu: { zh: '这不是考核表：它像是申报表（含 单位全称、领衔人 姓名、身份证号码 等栏目）；申报表请在“导入申报表”中导入', en: 'This is not an assessment form but looks like an application form; import it under Import applications' },
  },
  'import.assessment.empty': {
    zh: '考核表未填写（只有空白模板），请让报送单位填写后重新报送',
    en: 'The assessment form is blank (an empty template); ask the unit to fill it in and send it again',
  },
  'import.assessment.rowUnmatched': {
    zh: '第 {row} 行的考核内容“{text}”（考核项目“{category}”）与考核细则中的任何一项都对不上，该行未计分；请核对是否为附件2中的考核内容',
    en: 'Row {row}: the item “{text}” (category “{category}”) matches no rubric item and was not scored',
  },
  'import.assessment.rowWithoutContent': {
    zh: '第 {row} 行填写了分数但没有考核内容，无法对应到考核项，该行未计分',
    en: 'Row {row} has scores but no item text, so it cannot be matched to a rubric item',
  },
  'import.assessment.rowDuplicate': {
    zh: '第 {row} 行的考核内容“{text}”与第 {first} 行是同一考核项（{item}），该行未计分',
    en: 'Row {row} (“{text}”) is the same rubric item ({item}) as row {first}; it was not scored',
  },
  'import.assessment.itemMissing': {
    zh: '考核表中缺少考核项“{item}”（{category}）这一行',
    en: 'The form has no row for the rubric item “{item}” ({category})',
  },
  'import.assessment.labelsMissing': {
    zh: '考核表中未找到以下栏目：{labels}',
    en: 'These fields were not found in the assessment form: {labels}',
  },
  'import.assessment.yearUnreadable': {
    zh: '{label}“{raw}”无法识别，应填写四位年份，如 2017',
    en: '{label} “{raw}” cannot be read; write a four-digit year such as 2017',
  },
  'import.assessment.figureCountUnreadable': {
    zh: '“{label}”填写的“{raw}”无法识别，应填 0 或正整数，该数据未用于核算',
    en: '“{label}” holds “{raw}”, not a whole number ≥ 0; not used for checking',
  },
  'import.assessment.figureYesNoUnreadable': {
    zh: '“{label}”填写的“{raw}”无法识别，应填 是 或 否，该数据未用于核算',
    en: '“{label}” holds “{raw}”, not 是 or 否; not used for checking',
  },
  'import.assessment.vetoRowMissing': {
    zh: '未找到“一票否决项”一行，按未触发处理；请核对考核表是否完整',
    en: 'No 一票否决项 (veto) row was found; treated as not triggered',
  },
} satisfies Record<string, MessageEntry>;
