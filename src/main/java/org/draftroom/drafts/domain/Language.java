package org.draftroom.drafts.domain;

import java.util.Locale;

/**
 * The document vocabulary GB/T 1.1 and the ISO/IEC Directives prescribe, in Chinese and English: labels that are part of
 * the standard's text (附录A（规范性）, 注1, 表A.1), not user-interface messages.
 */
public enum Language {
    ZH, EN;

    /** Chinese for any {@code zh} locale, English otherwise. */
    public static Language of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /**
     * The language of a {@code project.yaml} code: {@code zh} or {@code en}, case-insensitive.
     *
     * @throws IllegalArgumentException for any other code
     */
    public static Language ofCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "zh", "zh-cn" -> ZH;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("Unknown document language '" + code + "': zh or en");
        };
    }

    /** {@code zh} or {@code en}, as {@code project.yaml} and file names write it. */
    public String code() {
        return this == ZH ? "zh" : "en";
    }

    /** "附录A" / "Annex A". */
    public String annex(String letter) {
        return this == ZH ? "附录" + letter : "Annex " + letter;
    }

    /** "（规范性）" / "(normative)", "（资料性）" / "(informative)". */
    public String annexMark(boolean normative) {
        if (this == ZH) {
            return normative ? "（规范性）" : "（资料性）";
        }
        return normative ? "(normative)" : "(informative)";
    }

    /** "注" / "NOTE" when {@code number} is empty, else "注1" / "NOTE 1". */
    public String note(String number) {
        return numbered(this == ZH ? "注" : "NOTE", number);
    }

    /** "示例" / "EXAMPLE" when {@code number} is empty, else "示例1" / "EXAMPLE 1". */
    public String example(String number) {
        return numbered(this == ZH ? "示例" : "EXAMPLE", number);
    }

    /** "表1" / "Table 1", "表A.1" / "Table A.1". */
    public String table(String number) {
        return numbered(this == ZH ? "表" : "Table", number);
    }

    /** "图1" / "Figure 1", "图A.1" / "Figure A.1". */
    public String figure(String number) {
        return numbered(this == ZH ? "图" : "Figure", number);
    }

    /** The separator after a note or example label: "：" / ": ". */
    public String labelSeparator() {
        return this == ZH ? "：" : ": ";
    }

    /** The space between a number and a title or caption: U+3000 in Chinese, a space in English. */
    public String numberSeparator() {
        return this == ZH ? "\u3000" : " ";
    }

    /** "目次" / "Contents". */
    public String contents() {
        return this == ZH ? "目次" : "Contents";
    }

    /** The redline badge for a clause status: "新增" / "Added", "删除" / "Deleted", "移动" / "Moved", "修改" / "Modified". */
    public String status(ClauseChange.Status status) {
        return switch (status) {
            case ADDED -> this == ZH ? "新增" : "Added";
            case DELETED -> this == ZH ? "删除" : "Deleted";
            case MOVED -> this == ZH ? "移动" : "Moved";
            case RENUMBERED -> this == ZH ? "编号变化" : "Renumbered";
            case MODIFIED -> this == ZH ? "修改" : "Modified";
            case UNCHANGED -> this == ZH ? "未修改" : "Unchanged";
        };
    }

    private String numbered(String word, String number) {
        if (number.isEmpty()) {
            return word;
        }
        return this == ZH ? word + number : word + " " + number;
    }
}
