package org.draftroom.drafts.domain;

/** Kind of document a project produces; decides the code prefix and the cover. */
public enum DocumentType {
    /** Mandatory national standard (强制性国家标准). */
    GB,
    /** Recommended national standard (推荐性国家标准). */
    GB_T,
    /** Guidance technical document (指导性技术文件). */
    GB_Z,
    /** Cybersecurity standard practice guideline (网络安全标准实践指南), e.g. TC260-PG-20222A. */
    PRACTICE_GUIDELINE,
    /** Technical report (技术报告). */
    TECHNICAL_REPORT
}
