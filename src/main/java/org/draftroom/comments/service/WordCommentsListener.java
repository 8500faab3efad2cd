package org.draftroom.comments.service;

import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.drafts.WordCommentsImported;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.service.DraftService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the comments of an uploaded Word file into working-draft comments by the uploader (who is signed in: the
 * event is published synchronously by the upload). Each keeps the Word author's name in its text and sits on the
 * words it was made on when they are found in the clause as stored, else on the whole clause.
 */
@Component
class WordCommentsListener {

    private static final int MAX = 9_000;

    private final CommentService comments;
    private final DraftService drafts;

    WordCommentsListener(CommentService comments, DraftService drafts) {
        this.comments = comments;
        this.drafts = drafts;
    }

    @EventListener
    void on(WordCommentsImported imported) {
        DraftDocument document = drafts.open(imported.projectId(), imported.commitId()).document();
        for (WordCommentsImported.WordComment c : imported.comments()) {
            String clauseId = document.find(c.clauseId()).map(Clause::id).orElse("");
            String body = clauseId.isEmpty() ? "" : document.require(clauseId).body();
            String quote = c.quote() == null ? "" : c.quote();
            int start = quote.isEmpty() ? -1 : body.indexOf(quote);
            String text = (c.author() == null || c.author().isBlank() ? "Word" : c.author() + " (Word)") + ": "
                    + (c.text() == null || c.text().isBlank() ? "—" : c.text());
            if (text.length() > MAX) {
                text = text.substring(0, MAX) + "…";
            }
            CommentForm form = start < 0
                    ? new CommentForm(null, CommentType.GE, clauseId, 0, 0, "", text, null)
                    : new CommentForm(null, CommentType.GE, clauseId, start, start + quote.length(), quote, text,
                    null);
            comments.create(imported.projectId(), imported.commitId(), form);
        }
    }
}
