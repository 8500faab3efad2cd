package org.draftroom.drafts.service;

import java.util.List;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.domain.DraftProblem;

/** An uploaded Markdown file was refused; every problem found is listed. Nothing was written. */
public class ImportRejectedException extends UserFacingException {

    private final transient List<DraftProblem> problems;

    ImportRejectedException(List<DraftProblem> problems) {
        super("draft.import.rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<DraftProblem> problems() {
        return problems;
    }
}
