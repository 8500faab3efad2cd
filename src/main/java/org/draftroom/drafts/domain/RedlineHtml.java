package org.draftroom.drafts.domain;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Redline} as an HTML fragment: one {@code <section class="dr-rl dr-rl-<status>">} per clause with
 * its number (old → new when moved), a status badge, the title and the body source text with {@code <del>} and
 * {@code <ins>} runs. Body text is shown as Markdown source (CSS should set {@code white-space: pre-wrap} on
 * {@code .dr-rl-body}), so every change is visible, markup included.
 *
 * <p>All draft text is escaped, and the result goes through the same jsoup safelist as {@link DraftHtml}. Unchanged
 * clauses are included (class {@code dr-rl-unchanged}) so the reader keeps context; the user interface may fold them.
 * Thread-safe.
 */
public final class RedlineHtml {

    private RedlineHtml() {
    }

    /** Renders the redline with the labels of the locale's language. */
    public static String render(Redline redline, Locale locale) {
        return render(redline, Language.of(locale));
    }

    /** Renders the redline with the labels of the given language. */
    public static String render(Redline redline, Language language) {
        StringBuilder sb = new StringBuilder("<div class=\"dr-redline\">");
        if (redline.preambleDiff().stream().anyMatch(d -> d.op() != DiffSegment.Op.EQUAL)) {
            sb.append("<section class=\"dr-rl dr-rl-preamble\"><div class=\"dr-rl-body\">");
            appendDiff(sb, redline.preambleDiff());
            sb.append("</div></section>");
        }
        for (ClauseChange change : redline.changes()) {
            appendChange(sb, change, language);
        }
        return DraftHtml.clean(sb.append("</div>").toString());
    }

    private static void appendChange(StringBuilder sb, ClauseChange change, Language language) {
        String status = change.status().name().toLowerCase(Locale.ROOT);
        NumberedClause shown = change.after() != null ? change.after() : change.before();
        int level = shown.clause().level();
        sb.append("<section class=\"dr-rl dr-rl-").append(status).append("\">");
        sb.append("<h").append(level).append(" class=\"dr-rl-heading\">");
        String number = label(shown, language);
        if (change.before() != null && change.after() != null
                && !label(change.before(), language).equals(number)) {
            number = label(change.before(), language) + " → " + number;
        }
        if (!number.isBlank()) {
            sb.append("<span class=\"dr-number\">").append(DraftHtml.escape(number)).append("</span> ");
        }
        sb.append("<span class=\"dr-title\">");
        if (change.before() != null && change.after() != null) {
            appendDiff(sb, change.titleDiff());
        } else {
            sb.append(DraftHtml.escape(shown.clause().title()));
        }
        sb.append("</span>");
        if (change.status() != ClauseChange.Status.UNCHANGED) {
            sb.append(" <span class=\"dr-badge dr-badge-").append(status).append("\">")
                    .append(DraftHtml.escape(language.status(change.status()))).append("</span>");
        }
        sb.append("</h").append(level).append('>');
        sb.append("<div class=\"dr-rl-body\">");
        appendDiff(sb, change.bodyDiff());
        sb.append("</div></section>");
    }

    private static String label(NumberedClause clause, Language language) {
        if (clause.kind() == ClauseKind.ANNEX) {
            return language.annex(clause.number());
        }
        return clause.number();
    }

    private static void appendDiff(StringBuilder sb, List<DiffSegment> diff) {
        for (DiffSegment segment : diff) {
            String text = DraftHtml.escape(segment.text());
            switch (segment.op()) {
                case EQUAL -> sb.append(text);
                case INSERT -> sb.append("<ins class=\"dr-ins\">").append(text).append("</ins>");
                case DELETE -> sb.append("<del class=\"dr-del\">").append(text).append("</del>");
            }
        }
    }
}
