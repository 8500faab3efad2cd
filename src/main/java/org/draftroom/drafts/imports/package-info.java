/**
 * Reading Word documents (.docx) into the draft format: {@link org.draftroom.drafts.imports.DocxImporter}. Pure Java
 * like {@code domain} (no Spring beans, no I/O beyond the bytes handed in), with bounded memory: the package is
 * unpacked with per-part and total limits, and the XML is read as a stream.
 */
@org.springframework.modulith.NamedInterface("imports")
package org.draftroom.drafts.imports;
