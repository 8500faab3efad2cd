package org.draftroom.base;

/**
 * A refusal about one field of a form or request: the field's label key and the problem's message key with its
 * arguments. Shown as "Field: problem" in the user's language, or beside the field itself.
 */
public class FieldProblemException extends UserFacingException {

    private final String fieldKey;

    public FieldProblemException(String fieldKey, String problemKey, Object... args) {
        super(problemKey, args);
        this.fieldKey = fieldKey;
    }

    public String fieldKey() {
        return fieldKey;
    }
}
