package org.draftroom.drafts.service;

import java.util.List;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.ClauseMerge;

/**
 * A save was refused because someone else changed the same clauses since the editor's version. Carries both texts
 * of every conflicting clause and the version that is now current; nothing was written.
 */
public class SaveConflictException extends UserFacingException {

    private final transient List<ClauseMerge.Conflict> conflicts;
    private final String currentCommitId;

    SaveConflictException(String currentCommitId, List<ClauseMerge.Conflict> conflicts) {
        super("draft.save.conflict", conflicts.size());
        this.currentCommitId = currentCommitId;
        this.conflicts = List.copyOf(conflicts);
    }

    public List<ClauseMerge.Conflict> conflicts() {
        return conflicts;
    }

    public String currentCommitId() {
        return currentCommitId;
    }
}
