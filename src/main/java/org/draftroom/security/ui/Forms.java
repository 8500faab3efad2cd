package org.draftroom.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.Optional;
import java.util.function.Function;
import org.draftroom.security.domain.Rules;

/** Field rules of this module as Binder validators. */
final class Forms {

    private Forms() {
    }

    /** A Binder validator that applies a field rule and shows its problem in the UI's language. */
    static Validator<String> rule(Component owner, Function<String, Optional<Rules.Problem>> rule) {
        return (value, context) -> rule.apply(value)
                .map(p -> ValidationResult.error(owner.getTranslation(p.key(), p.args())))
                .orElse(ValidationResult.ok());
    }
}
