/**
 * Comment sheets and disposition tables as files: reading the sheets organisations fill in (the ISO/IEC/CEN/CENELEC
 * commenting template 2012-03 as DOCX, an XLSX with the same columns, the Chinese feedback form 标准征求意见反馈表 in
 * XLSX or DOCX) and writing the filled ISO template, the disposition table as XLSX and the Chinese
 * 意见汇总处理表 as DOCX.
 *
 * <p>Everything here is pure Java over Apache POI: no Spring beans, no database, no I/O beyond the streams handed in,
 * stateless and safe to call from any thread. Which clause a clause number means is the caller's business (it knows
 * the frozen outline of the round). The column titles written into files are part of the document, in the document's
 * language, not user-interface messages; problems found while reading carry message keys ({@code sheet.*}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sheets", allowedDependencies = "base")
package org.draftroom.sheets;
