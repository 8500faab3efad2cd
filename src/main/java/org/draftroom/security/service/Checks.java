package org.draftroom.security.service;

import java.util.Optional;
import org.draftroom.base.FieldProblemException;
import org.draftroom.security.domain.Rules;

/** Turns a field rule's problem into a refusal naming the field. */
final class Checks {

    private Checks() {
    }

    static void check(String fieldKey, Optional<Rules.Problem> problem) {
        problem.ifPresent(p -> {
            throw new FieldProblemException(fieldKey, p.key(), p.args());
        });
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
