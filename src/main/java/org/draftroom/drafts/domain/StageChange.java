package org.draftroom.drafts.domain;

import java.time.Instant;

/** One move of a project to another stage: who, when and why. The first entry of a project has no "from". */
public record StageChange(Stage fromStage, String fromCode, Stage toStage, String toCode, String reason,
                          String changedBy, Instant changedAt) {
}
