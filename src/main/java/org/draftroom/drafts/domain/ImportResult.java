package org.draftroom.drafts.domain;

import java.util.List;

/** What {@link DraftImporter} made of an uploaded file: a document, or the reasons it was refused. */
public sealed interface ImportResult permits ImportResult.Accepted, ImportResult.Rejected {

    /**
     * The file was accepted.
     *
     * @param document the draft, with ids assigned to headings that had none
     * @param warnings structure check findings that do not prevent the import (element order, hanging paragraphs ...)
     */
    record Accepted(DraftDocument document, List<DraftProblem> warnings) implements ImportResult {
        public Accepted {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The file was refused.
     *
     * @param problems every reason found, with line numbers where they apply
     */
    record Rejected(List<DraftProblem> problems) implements ImportResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
