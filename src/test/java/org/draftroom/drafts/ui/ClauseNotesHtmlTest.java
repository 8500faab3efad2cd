package org.draftroom.drafts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.draftroom.drafts.ClauseNote;
import org.draftroom.drafts.domain.DraftProblem;
import org.junit.jupiter.api.Test;

/** Notes beside clauses go after the clause's own text, escaped, and only beside clauses that are there. */
class ClauseNotesHtmlTest {

    private static final String HTML = "<h2 id=\"t-pi\">个人信息</h2><p>定义。</p><p class=\"dr-note\">注：…</p>"
            + "<h2 id=\"t-collect\">收集</h2><p>获得。</p>";

    @Test
    void a_note_goes_after_the_clause_text_and_before_the_next_heading_with_its_text_escaped() {
        ClauseNote note = new ClauseNote("t-pi", "Defined differently in <b>X</b>",
                List.of(new ClauseNote.Line("GB/T 1 3.1", "projects/p/find?clause=a", "<script>alert(1)</script>"),
                        new ClauseNote.Line("GB/T 2 3.4", "", "plain")),
                new DraftProblem("t-pi", 0, "find.terms.check-differs", List.of()));
        String html = ClauseNotesHtml.insert(HTML, List.of(note));
        assertThat(html).contains("注：…</p><aside class=\"dr-clause-note dr-clause-note-warning\" data-clause=\"t-pi\">")
                .contains("</aside><h2 id=\"t-collect\">")
                .contains("&lt;b&gt;X&lt;/b&gt;", "&lt;script&gt;", "<a href=\"projects/p/find?clause=a\">GB/T 1 3.1</a>",
                        "<strong>GB/T 2 3.4</strong>：plain")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void a_note_of_the_last_clause_ends_the_document_and_one_of_a_missing_clause_is_left_out() {
        String html = ClauseNotesHtml.insert(HTML, List.of(
                new ClauseNote("t-collect", "last", List.of(), null),
                new ClauseNote("gone", "missing", List.of(), null)));
        assertThat(html).endsWith("<p>获得。</p><aside class=\"dr-clause-note\" data-clause=\"t-collect\">"
                + "<p class=\"dr-clause-note-title\">last</p></aside>").doesNotContain("missing");
        assertThat(ClauseNotesHtml.insert(HTML, List.of())).isEqualTo(HTML);
    }
}
