package org.draftroom.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.Role;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.Rules;
import org.draftroom.security.domain.User;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.UserService;

/** Creates a user, or edits one: profile, roles, memberships, enable/disable, password reset. */
class UserDialog extends Dialog {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final ComboBox<Organisation> organisation = new ComboBox<>();
    final Checkbox contact = new Checkbox();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final MultiSelectComboBox<WorkingGroup> workingGroups = new MultiSelectComboBox<>();
    final Button save = new Button();

    private final UserService users;
    private final User user;
    private final Runnable onChange;
    private final Binder<UserForm> binder = new Binder<>(UserForm.class);

    UserDialog(UserService users, DirectoryService directory, User user, Runnable onChange) {
        this.users = users;
        this.user = user;
        this.onChange = onChange;
        setId("user-dialog");
        setHeaderTitle(getTranslation(user == null ? "users.new" : "users.edit", user == null ? "" : user.username()));
        setWidth("640px");

        username.setLabel(getTranslation("user.username"));
        username.setId("user-username");
        username.setHelperText(getTranslation("user.username.help"));
        username.setReadOnly(user != null);
        displayName.setLabel(getTranslation("user.display-name"));
        displayName.setId("user-display-name");
        email.setLabel(getTranslation("user.email"));
        email.setId("user-email");
        password.setLabel(getTranslation("user.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("validation.password.rule", Rules.PASSWORD_MIN));
        organisation.setLabel(getTranslation("user.organisation"));
        organisation.setId("user-organisation");
        organisation.setItems(directory.organisations());
        organisation.setItemLabelGenerator(o -> o.code() + " · " + o.name(getLocale()));
        organisation.setClearButtonVisible(true);
        contact.setLabel(getTranslation("user.organisation-contact"));
        contact.setId("user-organisation-contact");
        contact.setTooltipText(getTranslation("user.organisation-contact.help"));
        roles.setLabel(getTranslation("user.roles"));
        roles.setId("user-roles");
        roles.setItems(EnumSet.allOf(Role.class));
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        workingGroups.setLabel(getTranslation("user.working-groups"));
        workingGroups.setId("user-working-groups");
        workingGroups.setItems(directory.workingGroups());
        workingGroups.setItemLabelGenerator(w -> w.code() + " · " + w.name(getLocale()));

        Map<Long, Organisation> orgById = directory.organisations().stream()
                .collect(Collectors.toMap(Organisation::id, o -> o));
        Map<Long, WorkingGroup> wgById = directory.workingGroups().stream()
                .collect(Collectors.toMap(WorkingGroup::id, w -> w));

        if (user == null) {
            binder.forField(username).withValidator(Forms.rule(this, Rules::username))
                    .bind(UserForm::getUsername, UserForm::setUsername);
            binder.forField(password).withValidator(Forms.rule(this, v -> Rules.password(v, username.getValue())))
                    .bind(UserForm::getPassword, UserForm::setPassword);
        } else {
            // Shown, never written: the username of an existing account cannot change.
            binder.forField(username).bind(UserForm::getUsername, null);
        }
        binder.forField(displayName).withValidator(Forms.rule(this, Rules::displayName))
                .bind(UserForm::getDisplayName, UserForm::setDisplayName);
        binder.forField(email).withValidator(Forms.rule(this, Rules::email))
                .bind(UserForm::getEmail, UserForm::setEmail);
        binder.forField(organisation).bind(f -> f.getOrganisationId() == null ? null : orgById.get(f.getOrganisationId()),
                (f, o) -> f.setOrganisationId(o == null ? null : o.id()));
        binder.forField(contact).bind(UserForm::isOrganisationContact, UserForm::setOrganisationContact);
        binder.forField(roles).asRequired(getTranslation("validation.roles.empty"))
                .bind(UserForm::getRoles, UserForm::setRoles);
        binder.forField(workingGroups).bind(
                f -> f.getWorkingGroupIds().stream().map(wgById::get).filter(w -> w != null).collect(Collectors.toSet()),
                (f, set) -> f.setWorkingGroupIds(set.stream().map(WorkingGroup::id).collect(Collectors.toSet())));
        binder.readBean(user == null ? new UserForm() : UserForm.of(user));

        FormLayout form = new FormLayout();
        form.add(username, displayName, email);
        if (user == null) {
            form.add(password);
        }
        form.add(organisation, workingGroups, contact, roles);
        form.setColspan(roles, 2);
        add(form);

        save.setText(getTranslation("action.save"));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);

        if (user != null) {
            Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                    e -> confirmToggle());
            toggle.setId("user-toggle-enabled");
            toggle.addThemeVariants(user.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            Button reset = new Button(getTranslation("users.reset-password"), e -> openReset());
            reset.setId("user-reset-password");
            Span spacer = new Span();
            spacer.getStyle().set("flex-grow", "1");
            getFooter().addComponentAsFirst(spacer);
            getFooter().addComponentAsFirst(reset);
            getFooter().addComponentAsFirst(toggle);
        }
    }

    void save() {
        UserForm form = user == null ? new UserForm() : UserForm.of(user);
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            User saved = user == null ? users.create(form) : users.update(user.id(), form);
            Notices.success(getTranslation("users.saved", saved.username()));
            onChange.run();
            close();
        } catch (UserFacingException refusal) {
            Notices.show(this, refusal, Map.of("user.username", username, "user.display-name", displayName,
                    "user.email", email, "user.password", password, "user.organisation", organisation,
                    "user.roles", roles, "user.working-groups", workingGroups));
        }
    }

    private void confirmToggle() {
        boolean disable = user.enabled();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation(disable ? "users.disable" : "users.enable"));
        confirm.setText(getTranslation(disable ? "users.disable.confirm" : "users.enable.confirm", user.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(disable ? "users.disable" : "users.enable"));
        if (disable) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(e -> {
            try {
                users.setEnabled(user.id(), !disable);
                Notices.success(getTranslation(disable ? "users.disabled" : "users.enabled", user.username()));
                onChange.run();
                close();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of());
            }
        });
        confirm.setId("confirm-toggle");
        confirm.open();
    }

    private void openReset() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.reset-password"));
        PasswordField next = new PasswordField(getTranslation("user.password"));
        next.setHelperText(getTranslation("users.reset-password.help", Rules.PASSWORD_MIN));
        next.setWidthFull();
        next.setId("reset-password-field");
        Checkbox revokeTokens = new Checkbox(getTranslation("password.revoke-tokens"), true);
        revokeTokens.setId("reset-revoke-tokens");
        Button apply = new Button(getTranslation("action.save"), e -> {
            try {
                users.resetPassword(user.id(), next.getValue(), revokeTokens.getValue());
                Notices.success(getTranslation("users.password-reset", user.username()));
                dialog.close();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of("user.password", next));
            }
        });
        apply.setId("reset-password-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(next, revokeTokens));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), apply);
        dialog.open();
    }
}
