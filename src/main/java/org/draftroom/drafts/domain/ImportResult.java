package org.draftroom.drafts.domain;

import java.util.List;
import java.util.Set;

/** What {@link DraftImporter} made of an uploaded file: a document, or the reasons it was refused. */
public sealed interface ImportResult permits ImportResult.Accepted, ImportResult.Rejected {

    /**
     * The file was accepted.
     *
     * @param document           the draft, with ids assigned to headings that had none
     * @param warnings           structure check findings that do not prevent the import (element order, hanging
     *                           paragraphs ...)
     * @param generatedIds       the ids the importer made up (headings without {@code {#id}}): provisional, so that
     *                           {@link ClauseMatcher} may replace them with the ids of the previous version
     * @param numberMismatches   clauses whose typed number differs from the number GB/T 1.1 gives them, in order
     * @param typedIntroduction  whether the file has a numbered heading titled 引言/Introduction ("1 Introduction"),
     *                           read as the unnumbered introduction unless {@link ImportOptions#numberedIntroduction()}
     */
    record Accepted(DraftDocument document, List<DraftProblem> warnings, Set<String> generatedIds,
                    List<NumberMismatch> numberMismatches, boolean typedIntroduction) implements ImportResult {
        public Accepted {
            warnings = List.copyOf(warnings);
            generatedIds = Set.copyOf(generatedIds);
            numberMismatches = List.copyOf(numberMismatches);
        }

        /** A document whose ids are all as written (none generated) and whose numbers were not typed. */
        public Accepted(DraftDocument document, List<DraftProblem> warnings) {
            this(document, warnings, Set.of(), List.of(), false);
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
