package org.draftroom.sheets;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns a commenting sheet may have, recognised by their titles (never by position). Each column knows the
 * titles of the ISO template (and of its 2001 predecessor) and the titles Chinese feedback forms use for it.
 */
enum Column {
    NUMBER("No.", List.of("no.", "no", "#", "item"), List.of("序号", "编号", "意见编号", "序")),
    MEMBER_BODY("MB/NC", List.of("mb/nc", "mb", "nc", "memberbody", "organisation", "organization"),
            List.of("提出单位", "单位", "单位名称", "意见提出单位", "提出单位名称", "提出人/单位", "提出单位/专家")),
    LINE("Line number", List.of("linenumber", "lineno.", "lineno", "line"), List.of("行号")),
    CLAUSE("Clause/Subclause", List.of("clause/subclause", "clause", "clauseno./subclauseno./annex",
            "clause/subclause/annex", "clause/subclause/annex/figure/table", "clausenb", "clausenumber"),
            List.of("章节号", "章条号", "章条编号", "条款号", "条款", "章节", "章条", "条目编号", "标准章条编号", "所在章节", "章节条款号",
                    "条文编号", "条款编号")),
    PARAGRAPH("Paragraph/Figure/Table", List.of("paragraph/figure/table", "paragraph/figure/table/note",
            "paragraph/figure/table/", "paragraph/listitem/note/", "paragraph/listitem/note", "paragraph"), List.of("段落", "段落/图/表")),
    TYPE("Type of comment", List.of("typeofcomment", "type", "commenttype"),
            List.of("意见类型", "类型", "意见类别", "类别", "意见性质")),
    COMMENT("Comments", List.of("comments", "comment", "commentsjustification", "commentbythemb",
            "commentsbythemb"), List.of("意见", "意见内容", "修改意见", "意见/理由", "意见和理由", "意见及理由", "具体意见", "问题描述",
                    "意见或建议", "主要意见")),
    REASON("Reason", List.of("justification", "reason"), List.of("理由", "修改理由", "理由/依据", "理由或依据", "修改理由/依据",
            "依据", "理由说明")),
    PROPOSED("Proposed change", List.of("proposedchange", "proposedchangebythemb", "proposedchanges"),
            List.of("修改后内容", "修改建议", "建议修改内容", "建议修改为", "修改后的内容", "建议", "修改内容", "建议修改后内容", "建议修改条文",
                    "修改后条文", "建议修改")),
    ORIGINAL("Original text", List.of("originaltext"), List.of("原文", "原文内容", "标准原文", "原条文", "原内容", "原文本")),
    OBSERVATIONS("Observations of the secretariat", List.of("observationsofthesecretariat",
            "secretariatobservations", "secretariatobservationsoneachcommentsubmitted", "observations"),
            List.of("处理意见", "采纳情况", "处理结果", "采纳意见", "秘书处意见"));

    /** The columns of the ISO template 2012-03, in its order. */
    static final List<Column> ISO_COLUMNS = List.of(MEMBER_BODY, LINE, CLAUSE, PARAGRAPH, TYPE, COMMENT, PROPOSED,
            OBSERVATIONS);

    private static final Pattern PARENTHESES = Pattern.compile("[(（][^)）]*[)）]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");
    private static final Pattern TRAILING_MARKS = Pattern.compile("(?<=[\\p{L}.)])[0-9]+$|[:：*＊]+$");

    private final String isoCaption;
    private final List<String> latinTitles;
    private final List<String> chineseTitles;

    Column(String isoCaption, List<String> latinTitles, List<String> chineseTitles) {
        this.isoCaption = isoCaption;
        this.latinTitles = latinTitles;
        this.chineseTitles = chineseTitles;
    }

    /** The caption of the column in the ISO template (the name a message gives a missing column). */
    String isoCaption() {
        return isoCaption;
    }

    /** Whether a title names a column, and in which of the two families (true = Chinese). */
    record Match(Column column, boolean chinese) {
    }

    private static final Map<String, Match> BY_TITLE;

    static {
        var map = new java.util.HashMap<String, Match>();
        for (Column c : values()) {
            c.latinTitles.forEach(t -> map.putIfAbsent(t, new Match(c, false)));
            c.chineseTitles.forEach(t -> map.putIfAbsent(normalise(t), new Match(c, true)));
        }
        BY_TITLE = Map.copyOf(map);
    }

    static Optional<Match> ofTitle(String title) {
        String key = normalise(title);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(BY_TITLE.get(key));
    }

    /**
     * A title reduced to what identifies it: full-width forms folded, lower case, no spaces, no parenthesised
     * examples ("(e.g. 17)"), no footnote digits ("MB/NC¹" is written "MB/NC1"), no trailing colon or asterisk.
     */
    static String normalise(String title) {
        if (title == null) {
            return "";
        }
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = PARENTHESES.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll("").replace("-", "").replace("\u00ad", "");
        s = TRAILING_MARKS.matcher(s).replaceAll("");
        return s;
    }
}
