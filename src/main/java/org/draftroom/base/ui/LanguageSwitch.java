package org.draftroom.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;
import org.draftroom.base.Messages;

/** Two buttons, 中文 and English; the current language is shown pressed. */
public class LanguageSwitch extends HorizontalLayout {

    public LanguageSwitch(Locale current, ShellUserSupport users) {
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        addClassName("language-switch");
        add(button("中文", Messages.CHINESE, current, users), new Span("/"),
                button("English", Messages.ENGLISH, current, users));
    }

    private static Button button(String label, Locale locale, Locale current, ShellUserSupport users) {
        Button button = new Button(label, e -> Languages.switchTo(locale, users));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setId("lang-" + locale.getLanguage());
        boolean active = Messages.supported(current).equals(locale);
        button.getElement().setAttribute("aria-pressed", String.valueOf(active));
        if (active) {
            button.addClassName("active");
        }
        return button;
    }
}
