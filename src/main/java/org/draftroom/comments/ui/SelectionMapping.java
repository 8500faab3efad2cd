package org.draftroom.comments.ui;

import java.util.LinkedList;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.draftroom.base.UserFacingException;

/**
 * Maps words selected in a clause's rendered text back to its Markdown source, where comment anchors live.
 *
 * <p>The rendered text ({@link DraftMarks#clauseText}) and the source body are aligned by a character diff
 * (diff-match-patch {@code diff_main} + semantic clean-up); the selection's offsets are carried through it with
 * {@code diff_xIndex}. The result is checked: the source between the mapped offsets must contain, in order, exactly
 * the selected characters (markup such as {@code **} may come in between; whitespace is compared loosely), so a
 * selection is never silently attached to other words. Offsets that land inside link syntax are widened to the whole
 * link, so that a quote never cuts {@code [](#id)} in half. Stateless and thread-safe.
 */
final class SelectionMapping {

    /** The words a comment quotes, in the clause body's Markdown source. */
    record Quote(int start, int end, String text) {
    }

    private SelectionMapping() {
    }

    /**
     * @param body     the clause body (Markdown source)
     * @param rendered the clause's rendered text, as counted by the browser
     * @param start    offset of the selection in {@code rendered}
     * @param end      offset just past it
     * @param selected the selected text as the browser reported it
     * @throws UserFacingException {@code comment.ui.selection-empty} when nothing was selected,
     *                             {@code comment.ui.selection-unmapped} when the selection cannot be found in the source
     */
    static Quote map(String body, String rendered, int start, int end, String selected) {
        if (selected == null || selected.isBlank() || end <= start) {
            throw new UserFacingException("comment.ui.selection-empty");
        }
        if (start < 0 || end > rendered.length() || !rendered.substring(start, end).equals(selected)) {
            int found = nearest(rendered, selected, start);
            if (found < 0) {
                throw new UserFacingException("comment.ui.selection-unmapped");
            }
            start = found;
            end = found + selected.length();
        }
        // Leading and trailing blanks of a selection are not words; quoting them only makes anchors fragile.
        while (start < end && Character.isWhitespace(rendered.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(rendered.charAt(end - 1))) {
            end--;
        }
        if (end <= start) {
            throw new UserFacingException("comment.ui.selection-empty");
        }
        DiffMatchPatch dmp = new DiffMatchPatch();
        LinkedList<Diff> diffs = dmp.diffMain(rendered, body, false);
        dmp.diffCleanupSemantic(diffs);
        int s = dmp.diffXIndex(diffs, start);
        int e = dmp.diffXIndex(diffs, end - 1) + 1;
        s = Math.max(0, Math.min(s, body.length()));
        e = Math.max(s, Math.min(e, body.length()));
        s = DraftMarks.safeStart(body, s, e);
        e = DraftMarks.safeEnd(body, e, s);
        if (s > 0 && Character.isLowSurrogate(body.charAt(s)) && Character.isHighSurrogate(body.charAt(s - 1))) {
            s--;
        }
        if (e < body.length() && Character.isLowSurrogate(body.charAt(e))) {
            e++;
        }
        String quote = body.substring(s, e);
        if (!containsInOrder(quote, alignedText(diffs, start, end))) {
            throw new UserFacingException("comment.ui.selection-unmapped");
        }
        return new Quote(s, e, quote);
    }

    /**
     * The selected characters that the diff found in the source too; characters only the rendering has (clause
     * numbers of cross-references, note labels) are left out.
     */
    private static String alignedText(LinkedList<Diff> diffs, int start, int end) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Diff d : diffs) {
            if (d.operation == DiffMatchPatch.Operation.INSERT) {
                continue;
            }
            for (int i = 0; i < d.text.length(); i++, at++) {
                if (at >= start && at < end && d.operation == DiffMatchPatch.Operation.EQUAL) {
                    sb.append(d.text.charAt(i));
                }
            }
        }
        if (sb.toString().isBlank()) {
            throw new UserFacingException("comment.ui.selection-unmapped");
        }
        return sb.toString();
    }

    /** The occurrence of {@code text} in {@code rendered} nearest to {@code near}, or -1. */
    private static int nearest(String rendered, String text, int near) {
        int best = -1;
        for (int i = rendered.indexOf(text); i >= 0; i = rendered.indexOf(text, i + 1)) {
            if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Whether every non-blank character of {@code selected} occurs in {@code source} in order, with only markup
     * characters or blanks between them, and nothing but markup before the first and after the last.
     */
    static boolean containsInOrder(String source, String selected) {
        int j = 0;
        String wanted = selected.replaceAll("\\s+", "");
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (j < wanted.length() && c == wanted.charAt(j)) {
                j++;
            } else if (!Character.isWhitespace(c) && !isMarkup(c)) {
                if (j == wanted.length() && isInsideLink(source, i)) {
                    continue;
                }
                return false;
            }
        }
        return j == wanted.length();
    }

    private static boolean isMarkup(char c) {
        return "*_`~[]()#|>\\-!".indexOf(c) >= 0;
    }

    /** Link destinations (after the words) may be quoted along with the link text. */
    private static boolean isInsideLink(String source, int at) {
        int open = source.lastIndexOf("](", at);
        return open >= 0 && source.indexOf(')', open) >= at;
    }
}
