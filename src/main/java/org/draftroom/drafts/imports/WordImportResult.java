package org.draftroom.drafts.imports;

import java.util.List;
import org.draftroom.drafts.domain.DraftProblem;

/** What {@link DocxImporter} made of an uploaded Word file: the import, or every reason it was refused. */
public sealed interface WordImportResult permits WordImportResult.Accepted, WordImportResult.Rejected {

    record Accepted(WordImport result) implements WordImportResult {
    }

    /** Refused; nothing may be written. Problems are message keys with arguments, like the Markdown import's. */
    record Rejected(List<DraftProblem> problems) implements WordImportResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
