package org.draftroom.export.draft;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.domain.Project;

/**
 * A draft as one self-contained HTML5 file that prints like a standard: cover, table of contents, then the text with
 * its computed numbers ({@link DraftHtml#render}). The stylesheet is inline and sets A4 pages, a CJK font stack and,
 * as GB/T 1.1 lays a standard out, a page break before each annex (the PDF adds those before the foreword, the
 * introduction, the first clause and the bibliography); the body flows. The file loads nothing from anywhere.
 *
 * <p>Safe to open: the draft text is rendered by {@link DraftHtml}, which escapes raw HTML and cleans the result, and
 * every metadata value (code, titles, labels) is escaped here. The file holds no script.
 */
final class HtmlExport {

    /** Depth of the printed table of contents: clauses and their first subclauses, as GB/T 1.1 usually shows. */
    static final int TOC_DEPTH = NumberedOutline.DEFAULT_TOC_DEPTH;

    private static final String CSS = """
            @page { size: A4; margin: 25mm 20mm 20mm 25mm; }
            html { font-family: "Times New Roman", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; line-height: 1.6; color: #000; }
            body { margin: 0 auto; max-width: 170mm; }
            h1, h2, h3, h4, h5, h6, .dr-cover-type, .dr-cover-title { font-family: "Times New Roman", "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
            h1 { font-size: 10.5pt; margin: 1.5em 0 0.8em; }
            h2, h3, h4, h5, h6 { font-size: 10.5pt; margin: 1em 0 0.5em; }
            .dr-number { margin-right: 0.5em; }
            h1.dr-annex, h1.dr-page { break-before: page; page-break-before: always; }
            h1.dr-annex { text-align: center; }
            h1.dr-annex .dr-number, h1.dr-annex .dr-annex-mark { display: block; margin: 0; }
            h1.dr-annex .dr-title { display: block; margin-top: 0.5em; }
            h1.dr-term, h2.dr-term, h3.dr-term { font-weight: bold; }
            p { text-indent: 2em; margin: 0.3em 0; white-space: pre-line; }
            td p, th p, li p { text-indent: 0; }
            .dr-note, .dr-example { font-size: 9pt; text-indent: 0; margin-left: 2em; }
            .dr-label { margin-right: 0.25em; }
            ul.dr-dash { list-style: none; padding-left: 2em; }
            ul.dr-dash > li::before { content: "——"; }
            .dr-list { list-style: none; margin: 0.3em 0; padding-left: 2em; }
            .dr-list > li { padding-left: 2em; text-indent: -2em; margin: 0.15em 0; }
            .dr-list-marker { margin-right: 0.3em; }
            table { border-collapse: collapse; margin: 0.5em auto; font-size: 9pt; }
            th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
            figure { margin: 1em 0; text-align: center; }
            figcaption { font-family: "SimHei", sans-serif; text-align: center; margin: 0.3em 0; }
            figure.dr-table > figcaption { caption-side: top; }
            img { max-width: 100%; }
            .dr-xref-broken { color: #b00; }
            .dr-cover { min-height: 240mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
            .dr-cover-ics, .dr-cover-ccs { text-indent: 0; margin: 0; font-family: "SimHei", sans-serif; font-weight: bold; }
            .dr-cover-code { text-align: right; font-size: 14pt; font-weight: bold; margin-top: 4mm; text-indent: 0; }
            .dr-cover-replaces, .dr-cover-plan { text-align: right; text-indent: 0; margin: 0; }
            .dr-cover-dates { margin-top: 12mm; border-top: 1px solid #000; padding-top: 2mm; font-weight: bold; overflow: hidden; }
            .dr-cover-released { float: left; }
            .dr-cover-effective { float: right; }
            .dr-cover-issuers { text-align: center; text-indent: 0; font-size: 14pt; margin-top: 8mm; }
            .dr-cover-type { text-align: center; font-size: 22pt; margin: 12mm 0 6mm; text-indent: 0; border-bottom: 1px solid #000; }
            .dr-cover-title { text-align: center; font-size: 22pt; margin: 24mm 0 0; text-indent: 0; }
            .dr-cover-title-en { text-align: center; font-size: 14pt; margin: 6mm 0; text-indent: 0; }
            .dr-cover-stage { text-align: center; font-size: 14pt; margin-top: 20mm; text-indent: 0; }
            .dr-cover-completed { text-align: center; text-indent: 0; }
            .dr-cover-patents { margin-top: auto; border: 1px solid #000; padding: 4mm; text-indent: 0; }
            .dr-cover-version { text-align: center; font-size: 9pt; text-indent: 0; color: #333; }
            .dr-toc { break-after: page; page-break-after: always; }
            .dr-toc-title { text-align: center; font-family: "SimHei", sans-serif; font-size: 16pt; text-indent: 0; }
            html[lang="zh-CN"] .dr-toc-title { letter-spacing: 1em; }
            html[lang="zh-CN"] .dr-cover-type { letter-spacing: 0.1em; }
            html[lang="en"] .dr-cover-type { font-size: 15pt; }
            html[lang="en"] .dr-cover-title { font-size: 17pt; margin-top: 16mm; }
            .dr-toc ul { list-style: none; padding: 0; }
            .dr-toc a { color: inherit; text-decoration: none; }
            .dr-toc-level-2 { padding-left: 2em; }
            .dr-toc-level-3 { padding-left: 4em; }
            @media screen { body { padding: 10mm; } }
            """;

    private HtmlExport() {
    }

    /** The HTML file, UTF-8. */
    static byte[] write(DraftExport export) {
        Language language = export.language();
        Project project = export.project();
        StringBuilder html = new StringBuilder(8192 + export.document().text().length() * 2);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language == Language.ZH ? "zh-CN" : "en")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(join(project.code(), export.title()))).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        cover(html, export);
        html.append(DraftHtml.renderTableOfContents(NumberedOutline.of(export.document()), TOC_DEPTH, language))
                .append('\n')
                .append("<main class=\"dr-document\">\n")
                .append(DraftHtml.render(export.document(), language))
                .append("\n</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The cover as GB/T 1.1 lays it out: ICS and CCS codes, the kind of document, the number (with the year once
     * published) and the standard it replaces, the plan number of a draft, the titles (the document language's first),
     * the stage label with its completion date and the patent call, the dates of issue and implementation (placeholders
     * until fixed) and the issuing bodies.
     */
    private static void cover(StringBuilder html, DraftExport export) {
        Language language = export.language();
        Project project = export.project();
        DocumentInfo info = export.info();
        html.append("<section class=\"dr-cover\">\n");
        element(html, "p", "dr-cover-ics", CoverText.ics(info));
        element(html, "p", "dr-cover-ccs", CoverText.ccs(info));
        if (project.type() != null) {
            element(html, "p", "dr-cover-type", CoverText.documentType(project.type(), language));
        }
        element(html, "p", "dr-cover-code", info.number(project.code()));
        element(html, "p", "dr-cover-replaces", CoverText.replaces(info, language));
        element(html, "p", "dr-cover-plan", CoverText.planNumber(info, language));
        element(html, "h1", "dr-cover-title", export.title());
        element(html, "p", "dr-cover-title-en", export.otherTitle());
        export.stage().ifPresent(stage -> {
            element(html, "p", "dr-cover-stage", stage.label());
            if (stage.completed() != null) {
                element(html, "p", "dr-cover-completed", CoverText.completed(stage.completed(), language));
            }
            if (stage.patentCall()) {
                element(html, "p", "dr-cover-patents", CoverText.patentCall(language));
            }
        });
        html.append("<div class=\"dr-cover-dates\">");
        element(html, "span", "dr-cover-released", CoverText.released(info, language));
        element(html, "span", "dr-cover-effective", CoverText.effective(info, language));
        html.append("</div>\n<p class=\"dr-cover-issuers\">");
        List<String> issuers = CoverText.issuers(info, language);
        for (int i = 0; i < issuers.size(); i++) {
            html.append(i == 0 ? "" : "<br>").append(escape(issuers.get(i)));
        }
        html.append("</p>\n");
        element(html, "p", "dr-cover-version",
                CoverText.versionLine(export.version(), export.exportDate(), language));
        html.append("</section>\n");
    }

    private static void element(StringBuilder html, String tag, String cssClass, String text) {
        if (text.isEmpty()) {
            return;
        }
        html.append('<').append(tag).append(" class=\"").append(cssClass).append("\">").append(escape(text))
                .append("</").append(tag).append(">\n");
    }

    private static String join(String code, String title) {
        String c = DraftExport.nullToEmpty(code);
        return c.isEmpty() ? title : title.isEmpty() ? c : c + " " + title;
    }

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        return DraftHtml.escape(text);
    }
}
