package org.draftroom.editing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.DraftService.LiveCommit;
import org.draftroom.drafts.service.DraftService.LiveEdit;

/**
 * Writes live clause texts to Git through {@link DraftService#commitLiveEdits}, which takes them as data: each text
 * with the texts it may replace. When someone saved a clause in between, the drafts module answers the clause's body
 * now, the edits are carried onto it here (by the sync engine's rebase) and offered again.
 */
final class LiveCommits {

    /** Offers after which a checkpoint gives up (someone saves the same clauses again and again meanwhile). */
    private static final int ATTEMPTS = 5;

    private LiveCommits() {
    }

    /**
     * One clause's live text.
     *
     * @param over the texts the edits started from that Git may still hold (a checkpoint's text, later journalled
     *             texts); nulls are ignored
     * @param onto the live text carried onto a body Git holds that is none of {@code over}
     */
    record Pending(String clauseId, List<String> over, String text, UnaryOperator<String> onto) {
        Pending {
            over = over.stream().filter(Objects::nonNull).toList();
        }
    }

    /** The new version, or empty when Git holds these texts already; refuses as {@code commitLiveEdits} does. */
    static Optional<VersionInfo> commit(DraftService drafts, String projectId, List<Pending> clauses,
                                        DraftService.Contributor author, List<DraftService.Contributor> coAuthors,
                                        String message) {
        List<LiveEdit> edits = clauses.stream().map(p -> new LiveEdit(p.clauseId(), p.over(), p.text())).toList();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LiveCommit result = drafts.commitLiveEdits(projectId, edits, author, coAuthors, message);
            if (result instanceof LiveCommit.Committed committed) {
                return Optional.of(committed.version());
            }
            if (!(result instanceof LiveCommit.Moved moved)) {
                return Optional.empty();
            }
            edits = carried(clauses, edits, moved.bodies());
        }
        throw new UserFacingException("draft.save.busy");
    }

    private static List<LiveEdit> carried(List<Pending> clauses, List<LiveEdit> edits, Map<String, String> now) {
        List<LiveEdit> next = new ArrayList<>(edits.size());
        for (int i = 0; i < edits.size(); i++) {
            String body = now.get(edits.get(i).clauseId());
            next.add(body == null ? edits.get(i)
                    : new LiveEdit(clauses.get(i).clauseId(), List.of(body), clauses.get(i).onto().apply(body)));
        }
        return next;
    }
}
