package org.draftroom.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.LanguageSwitch;
import org.draftroom.base.ui.ShellUserSupport;
import org.draftroom.base.ui.Times;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.domain.ApiToken;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.Rules;
import org.draftroom.security.service.MembershipService;
import org.draftroom.security.service.TokenService;
import org.draftroom.security.service.UserService;

/**
 * The signed-in person's own page: who they are (and, for a self-registered individual, how to join their
 * organisation), invitation links for those who may invite, their language, their password, their API tokens.
 */
@Route(ProfileView.PATH)
@PermitAll
class ProfileView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "profile";

    private final UserService users;
    private final TokenService tokens;
    private final MembershipService memberships;
    private final ZoneId zone;
    private final Grid<ApiToken> tokenGrid = new Grid<>();

    ProfileView(UserService users, TokenService tokens, MembershipService memberships, Access access,
                ShellUserSupport shellUsers, DraftroomProperties properties) {
        this.users = users;
        this.memberships = memberships;
        this.tokens = tokens;
        this.zone = properties.timeZone();
        setId("profile-view");
        setMaxWidth("960px");
        CurrentUser me = access.current();
        add(new H1(getTranslation("profile.title")));
        if (users.me().passwordChangeRequired()) {
            Div banner = new Div(new Span(getTranslation("profile.password-change-required")));
            banner.addClassName("banner-warning");
            banner.setId("password-change-required");
            add(banner);
        }
        add(account(me));
        if (memberships.isIndividual()) {
            Div individual = new Div(new Span(getTranslation("membership.individual")));
            individual.addClassName("banner-info");
            individual.setId("individual-notice");
            add(individual);
        }
        List<Organisation> invitable = memberships.organisationsICanInviteTo();
        if (!invitable.isEmpty()) {
            add(invitationSection(invitable));
        }
        add(new H2(getTranslation("profile.language")), new LanguageSwitch(getLocale(), shellUsers),
                passwordSection(), tokenSection());
    }

    private FormLayout account(CurrentUser me) {
        FormLayout info = new FormLayout();
        info.addFormItem(new Span(me.username()), getTranslation("user.username"));
        info.addFormItem(new Span(me.displayName()), getTranslation("user.display-name"));
        info.addFormItem(new Span(me.organisationCode() == null ? "—" : me.organisationCode()),
                getTranslation("user.organisation"));
        info.addFormItem(new Span(me.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))), getTranslation("user.roles"));
        info.addFormItem(new Span(me.workingGroupCodes().isEmpty() ? "—"
                : String.join(", ", me.workingGroupCodes().stream().sorted().toList())),
                getTranslation("user.working-groups"));
        return info;
    }

    private VerticalLayout passwordSection() {
        PasswordField current = new PasswordField(getTranslation("profile.current-password"));
        current.setId("current-password");
        PasswordField next = new PasswordField(getTranslation("profile.new-password"));
        next.setId("new-password");
        next.setHelperText(getTranslation("validation.password.rule", Rules.PASSWORD_MIN));
        PasswordField repeat = new PasswordField(getTranslation("profile.repeat-password"));
        repeat.setId("repeat-password");
        Checkbox revokeTokens = new Checkbox(getTranslation("password.revoke-tokens"), true);
        revokeTokens.setId("revoke-tokens");
        Button change = new Button(getTranslation("profile.change-password"), e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("profile.repeat-password.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), next.getValue(), revokeTokens.getValue(),
                        VaadinSession.getCurrent().getSession().getId());
                current.clear();
                next.clear();
                repeat.clear();
                Notices.success(getTranslation("profile.password-changed"));
                getElement().executeJs("setTimeout(() => location.reload(), 800)");
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of("profile.current-password", current, "profile.new-password", next));
            }
        });
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeat);
        VerticalLayout section = new VerticalLayout(new H2(getTranslation("profile.password")),
                new Paragraph(getTranslation("profile.password.others-signed-out")), form, revokeTokens, change);
        section.setPadding(false);
        return section;
    }

    /** Invitation links to join an organisation, for its contact and for the secretariat and administrators. */
    private VerticalLayout invitationSection(List<Organisation> invitable) {
        ComboBox<Organisation> organisation = new ComboBox<>(getTranslation("user.organisation"), invitable);
        organisation.setId("invite-organisation");
        organisation.setItemLabelGenerator(o -> o.code() + " · " + o.name(getLocale()));
        organisation.setValue(invitable.get(0));
        organisation.setWidth("420px");
        Button invite = new Button(getTranslation("membership.invite"), e -> {
            if (organisation.getValue() == null) {
                return;
            }
            MembershipService.Invitation invitation = memberships.invite(organisation.getValue().id());
            showInvitation(invitation);
        });
        invite.setId("invite-create");
        HorizontalLayout row = new HorizontalLayout(organisation, invite);
        row.setAlignItems(Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new H2(getTranslation("membership.title")),
                new Paragraph(getTranslation("membership.invite.intro", MembershipService.VALIDITY.toDays())), row);
        section.setPadding(false);
        return section;
    }

    private void showInvitation(MembershipService.Invitation invitation) {
        Dialog dialog = new Dialog();
        dialog.setId("invitation-dialog");
        dialog.setHeaderTitle(getTranslation("membership.invite.created",
                invitation.organisation().code()));
        Pre link = new Pre();
        link.setId("invitation-link");
        dialog.add(new Paragraph(getTranslation("membership.invite.once", time(invitation.expiresAt()))), link);
        // The address as the person's browser knows it, so the link also works behind a reverse proxy.
        link.getElement().executeJs("this.textContent = new URL($0, document.baseURI).href",
                JoinView.PATH + "/" + invitation.secret());
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private VerticalLayout tokenSection() {
        tokenGrid.setId("token-grid");
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.addColumn(ApiToken::name).setHeader(getTranslation("token.name")).setAutoWidth(true);
        tokenGrid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("token.prefix")).setAutoWidth(true);
        tokenGrid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("token.created")).setAutoWidth(true);
        tokenGrid.addColumn(t -> time(t.lastUsedAt())).setHeader(getTranslation("token.last-used")).setAutoWidth(true);
        tokenGrid.addComponentColumn(t -> {
            if (!t.active()) {
                return new Span(getTranslation("token.revoked", time(t.revokedAt())));
            }
            Button revoke = new Button(getTranslation("token.revoke"), e -> {
                tokens.revoke(t.id());
                refreshTokens();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setHeader(getTranslation("user.status")).setAutoWidth(true);
        refreshTokens();

        TextField name = new TextField();
        name.setPlaceholder(getTranslation("token.name.placeholder"));
        name.setId("token-name");
        Button create = new Button(getTranslation("token.create"), e -> {
            try {
                TokenService.NewToken created = tokens.create(name.getValue());
                name.clear();
                refreshTokens();
                showSecret(created.secret());
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of("token.name", name));
            }
        });
        create.setId("token-create");
        HorizontalLayout add = new HorizontalLayout(name, create);
        VerticalLayout section = new VerticalLayout(new H2(getTranslation("token.title")),
                new Paragraph(getTranslation("token.intro")), add, tokenGrid);
        section.setPadding(false);
        return section;
    }

    private void showSecret(String secret) {
        Dialog dialog = new Dialog();
        dialog.setId("token-secret-dialog");
        dialog.setHeaderTitle(getTranslation("token.created-title"));
        Pre value = new Pre(secret);
        value.setId("token-secret");
        dialog.add(new Paragraph(getTranslation("token.created-once")), value);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void refreshTokens() {
        tokenGrid.setItems(tokens.mine());
    }

    private String time(Instant instant) {
        return Times.minutes(instant, zone);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title") + " · " + getTranslation("app.name");
    }
}
