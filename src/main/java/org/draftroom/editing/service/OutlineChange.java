package org.draftroom.editing.service;

import java.util.Set;
import org.draftroom.drafts.domain.DraftDocument;
import org.draftroom.drafts.domain.Outline;

/**
 * The structural operations an editor may apply to a live document's outline ({@link CoEditingService#changeOutline}):
 * add, delete, move, indent, outdent and retitle one clause. A closed set, so that no view can hand the service an
 * arbitrary rewrite of the draft; each names the clause it works on by its id.
 */
public sealed interface OutlineChange {

    /** The changed document; refuses (a {@code DraftException}) an operation the outline does not allow. */
    DraftDocument apply(DraftDocument document);

    /** An empty clause with this title after the clause (same level) or as its last subclause. */
    record Add(String clauseId, boolean asChild, String title) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.addClause(document, clauseId, asChild ? Outline.Placement.LAST_CHILD
                    : Outline.Placement.AFTER, title, Set.of());
        }
    }

    /** The clause and its subclauses. */
    record Delete(String clauseId) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.deleteClause(document, clauseId);
        }
    }

    record MoveUp(String clauseId) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.moveUp(document, clauseId);
        }
    }

    record MoveDown(String clauseId) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.moveDown(document, clauseId);
        }
    }

    record Indent(String clauseId) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.indent(document, clauseId);
        }
    }

    record Outdent(String clauseId) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.outdent(document, clauseId);
        }
    }

    record Retitle(String clauseId, String title) implements OutlineChange {
        @Override
        public DraftDocument apply(DraftDocument document) {
            return Outline.retitle(document, clauseId, title);
        }
    }
}
