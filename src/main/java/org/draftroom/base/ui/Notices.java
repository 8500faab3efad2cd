package org.draftroom.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;

/** Telling the user what happened: refusals beside their field or as a notification, and confirmations. */
public final class Notices {

    private Notices() {
    }

    /**
     * Shows a service's refusal: beside the field it is about when that field is given, otherwise as a notification.
     * The form keeps everything the user typed.
     */
    public static void show(Component owner, UserFacingException refusal, Map<String, ? extends HasValidation> fields) {
        String text = owner.getTranslation(refusal.messageKey(), refusal.args());
        if (refusal instanceof FieldProblemException f && fields.containsKey(f.fieldKey())) {
            HasValidation field = fields.get(f.fieldKey());
            field.setErrorMessage(text);
            field.setInvalid(true);
            return;
        }
        error(refusal instanceof FieldProblemException f ? owner.getTranslation(f.fieldKey()) + ": " + text : text);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String text) {
        if (UI.getCurrent() != null) {
            Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}
