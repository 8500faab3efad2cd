package org.draftroom.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.domain.Rules;

/** Small helpers shared by the forms of this module: field rules as Binder validators, and showing refusals. */
final class Forms {

    private Forms() {
    }

    /** A Binder validator that applies a field rule and shows its problem in the UI's language. */
    static Validator<String> rule(Component owner, Function<String, Optional<Rules.Problem>> rule) {
        return (value, context) -> rule.apply(value)
                .map(p -> ValidationResult.error(owner.getTranslation(p.key(), p.args())))
                .orElse(ValidationResult.ok());
    }

    /**
     * Shows a service's refusal: beside the field it is about when that field is on the form, otherwise as a
     * notification. The form keeps everything the user typed.
     */
    static void show(Component owner, UserFacingException refusal, Map<String, ? extends HasValidation> fields) {
        String text = owner.getTranslation(refusal.messageKey(), refusal.args());
        if (refusal instanceof FieldProblemException f && fields.containsKey(f.fieldKey())) {
            HasValidation field = fields.get(f.fieldKey());
            field.setErrorMessage(text);
            field.setInvalid(true);
            return;
        }
        String full = refusal instanceof FieldProblemException f
                ? owner.getTranslation(f.fieldKey()) + ": " + text : text;
        error(full);
    }

    static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String text) {
        if (UI.getCurrent() != null) {
            Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}
