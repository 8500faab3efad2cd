package org.draftroom.drafts.ui;

import java.util.List;
import org.draftroom.drafts.ClauseNote;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Places {@link ClauseNote}s in a rendered draft: each after its clause's own text (before the next heading), as an
 * {@code aside.dr-clause-note}, with the text escaped; a note whose clause is not in the draft is left out.
 */
final class ClauseNotesHtml {

    private ClauseNotesHtml() {
    }

    static String insert(String html, List<ClauseNote> notes) {
        if (notes.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (ClauseNote note : notes) {
            Element heading = doc.getElementById(note.clauseId());
            if (heading == null) {
                continue;
            }
            Element aside = new Element("aside").addClass("dr-clause-note").attr("data-clause", note.clauseId());
            if (note.warning() != null) {
                aside.addClass("dr-clause-note-warning");
            }
            aside.appendElement("p").addClass("dr-clause-note-title").text(note.title());
            for (ClauseNote.Line line : note.lines()) {
                Element p = aside.appendElement("p");
                if (line.href() == null || line.href().isEmpty()) {
                    p.appendElement("strong").text(line.source());
                } else {
                    p.appendElement("a").attr("href", line.href()).text(line.source());
                }
                p.appendText("：" + line.text());
            }
            Element next = heading.nextElementSibling();
            Element last = heading;
            while (next != null && !next.normalName().matches("h[1-6]")) {
                last = next;
                next = next.nextElementSibling();
            }
            last.after(aside);
        }
        return doc.body().html();
    }
}
