package org.draftroom.rounds.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.rounds.service.RegistrationService;

/**
 * Self-registration for public consultation rounds: name, e-mail, username, password. The person registers as an
 * individual; the page says how to join their organisation (an invitation link from its contact or the secretariat).
 */
@Route(value = RegisterView.PATH, autoLayout = false)
@AnonymousAllowed
class RegisterView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "register";

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button register = new Button();

    RegisterView(RegistrationService registrations) {
        setId("register-view");
        setAlignItems(Alignment.CENTER);
        name.setLabel(getTranslation("user.display-name"));
        email.setLabel(getTranslation("user.email"));
        username.setLabel(getTranslation("user.username"));
        password.setLabel(getTranslation("user.password"));
        name.setId("register-name");
        email.setId("register-email");
        username.setId("register-username");
        password.setId("register-password");
        FormLayout form = new FormLayout(name, email, username, password);
        form.setWidth("560px");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Map<String, HasValidation> fields = Map.of("user.display-name", name, "user.email", email, "user.username", username, "user.password", password);
        register.setText(getTranslation("registration.submit"));
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-submit");
        register.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                VaadinRequest request = VaadinRequest.getCurrent();
                registrations.register(request == null ? null : request.getRemoteAddr(), name.getValue(),
                        email.getValue(), username.getValue(), password.getValue());
                Notices.success(getTranslation("registration.done"));
                getUI().ifPresent(ui -> ui.navigate("login"));
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, fields);
            }
        });
        Paragraph explain = new Paragraph(getTranslation("registration.explain"));
        explain.setMaxWidth("560px");
        Paragraph individual = new Paragraph(getTranslation("membership.individual"));
        individual.setId("register-individual");
        individual.setMaxWidth("560px");
        add(new H1(getTranslation("registration.title")), explain, individual,
                form, register, new Anchor("login", getTranslation("registration.to-login")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registration.title") + " · " + getTranslation("app.name");
    }
}
