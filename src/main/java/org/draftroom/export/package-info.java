/**
 * Exports of a draft version in the formats committees exchange: a printable single-file HTML, the Markdown source,
 * NISO STS XML and Word (DOCX). The converters live in {@code draft}; they are pure functions of a {@code DraftExport}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Export")
package org.draftroom.export;
