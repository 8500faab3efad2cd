package org.draftroom.api;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.draftroom.drafts.domain.NumberedOutline;

/**
 * The outline of a version of a draft: a project's version, or the version a round froze, which also names the
 * round's tag ({@code tag} is left out of the JSON when there is none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Outline")
record OutlineJson(String commitId,
                   @Schema(description = "the tag of the version a round froze; absent in a project's outline")
                   String tag,
                   List<ClauseJson> clauses) {

    static OutlineJson of(String commitId, String tag, NumberedOutline outline) {
        return new OutlineJson(commitId, tag, outline.clauses().stream().map(ClauseJson::of).toList());
    }
}
