package org.draftroom.export.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;

/** The fixed texts of a cover, in Chinese and English. Part of the document, not of the user interface. */
final class CoverText {

    private CoverText() {
    }

    /** The kind of document as the cover names it, e.g. "中华人民共和国国家标准". */
    static String documentType(DocumentType type, Language language) {
        boolean zh = language == Language.ZH;
        return switch (type) {
            case GB, GB_T -> zh ? "中华人民共和国国家标准" : "National Standard of the People's Republic of China";
            case GB_Z -> zh ? "中华人民共和国国家标准化指导性技术文件"
                    : "Standardization Guidance Technical Document of the People's Republic of China";
            case PRACTICE_GUIDELINE -> zh ? "网络安全标准实践指南" : "Cybersecurity Standard Practice Guideline";
            case TECHNICAL_REPORT -> zh ? "技术报告" : "Technical Report";
        };
    }

    /** The call to disclose patents printed on the covers of drafts for comments and for review. */
    static String patentCall(Language language) {
        return language == Language.ZH
                ? "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。"
                : "Recipients of this draft are invited to submit, with their comments, notification of any relevant "
                + "patent rights of which they are aware and to provide supporting documentation.";
    }

    /** "（本稿完成日期：2024-08-01）" / "(Completed on 2024-08-01)". */
    static String completed(LocalDate date, Language language) {
        return language == Language.ZH ? "（本稿完成日期：" + date + "）" : "(Completed on " + date + ")";
    }

    /** "版本 3f2a9c1 cd-1　导出日期 2024-08-02" / "Version 3f2a9c1 cd-1 · Exported 2024-08-02". */
    static String versionLine(String version, LocalDate exported, Language language) {
        boolean zh = language == Language.ZH;
        String date = (zh ? "导出日期 " : "Exported ") + exported;
        if (version.isEmpty()) {
            return date;
        }
        return (zh ? "版本 " : "Version ") + version + (zh ? "\u3000" : " · ") + date;
    }

    /** "ICS 35.030"; empty when there is no code. */
    static String ics(DocumentInfo info) {
        return info.ics().isEmpty() ? "" : "ICS " + info.ics();
    }

    /** "CCS L80"; empty when there is no code. */
    static String ccs(DocumentInfo info) {
        return info.ccs().isEmpty() ? "" : "CCS " + info.ccs();
    }

    /** "代替 GB/T 35273—2017" / "Replacing GB/T 35273—2017"; empty when the document replaces none. */
    static String replaces(DocumentInfo info, Language language) {
        if (info.replaces().isEmpty()) {
            return "";
        }
        return (language == Language.ZH ? "代替 " : "Replacing ") + info.replaces();
    }

    /** "计划号：20230001-T-469" / "Plan number: 20230001-T-469", for drafts only; empty when none or published. */
    static String planNumber(DocumentInfo info, Language language) {
        if (info.planNumber().isEmpty() || !info.year().isEmpty()) {
            return "";
        }
        return (language == Language.ZH ? "计划号：" : "Plan number: ") + info.planNumber();
    }

    /** "2020-03-06 发布" / "Issued on 2020-03-06", with "XXXX-XX-XX" while the date is not fixed. */
    static String released(DocumentInfo info, Language language) {
        String date = info.releaseDate() == null ? DATE_PLACEHOLDER : info.releaseDate().toString();
        return language == Language.ZH ? date + " 发布" : "Issued on " + date;
    }

    /** "2020-10-01 实施" / "Implemented on 2020-10-01", with "XXXX-XX-XX" while the date is not fixed. */
    static String effective(DocumentInfo info, Language language) {
        String date = info.effectiveDate() == null ? DATE_PLACEHOLDER : info.effectiveDate().toString();
        return language == Language.ZH ? date + " 实施" : "Implemented on " + date;
    }

    /** The issuing bodies, one per line, and "发布" / "Issued by" as GB/T covers print them at the foot. */
    static List<String> issuers(DocumentInfo info, Language language) {
        List<String> lines = new ArrayList<>(List.of(info.issuers(language).split("\n")));
        if (language == Language.ZH) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "　发布");
        } else {
            lines.add(0, "Issued by");
        }
        return lines;
    }

    /** The placeholder of a date not fixed yet, as drafts print it. */
    static final String DATE_PLACEHOLDER = "XXXX-XX-XX";

    /** The placeholder shown in a Word table of contents until the reader's word processor updates the field. */
    static String tocPlaceholder(Language language) {
        return language == Language.ZH ? "（打开文件时更新目录；如未更新，请右击此处选择“更新域”。）"
                : "(The table of contents is updated when the file is opened; if not, right-click here and choose "
                + "Update Field.)";
    }
}
