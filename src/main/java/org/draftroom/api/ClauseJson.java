package org.draftroom.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.draftroom.drafts.domain.NumberedClause;

/** A clause of an outline as the API shows it: its computed number, title, kind and heading depth. */
@Schema(name = "Clause")
record ClauseJson(String id, @Schema(example = "5.2") String number, String title, String kind, int depth) {

    static ClauseJson of(NumberedClause c) {
        return new ClauseJson(c.id(), c.number(), c.clause().title(), c.kind().name(), c.clause().level());
    }
}
