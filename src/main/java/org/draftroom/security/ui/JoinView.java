package org.draftroom.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.service.MembershipService;

/**
 * Where an invitation link leads ({@code join/<secret>}): the signed-in person sees which organisation invites them
 * and joins it with one click. Someone not signed in signs in (or registers) first and comes back here.
 */
@Route(JoinView.PATH + "/:secret")
@PermitAll
class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "join";

    private final MembershipService memberships;

    JoinView(MembershipService memberships) {
        this.memberships = memberships;
        setId("join-view");
        setMaxWidth("760px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String secret = event.getRouteParameters().get("secret").orElse("");
        removeAll();
        add(new H1(getTranslation("membership.join.title")));
        Organisation organisation;
        try {
            organisation = memberships.invitationTo(secret);
        } catch (UserFacingException refusal) {
            Paragraph invalid = new Paragraph(getTranslation(refusal.messageKey(), refusal.args()));
            invalid.setId("join-invalid");
            add(invalid);
            return;
        }
        Paragraph explain = new Paragraph(getTranslation("membership.join.explain", organisation.code(),
                organisation.name(getLocale())));
        explain.setId("join-explain");
        Button join = new Button(getTranslation("membership.join.accept", organisation.code()), e -> {
            try {
                Organisation joined = memberships.accept(secret);
                Notices.success(getTranslation("membership.join.done", joined.code()));
                getUI().ifPresent(ui -> ui.navigate(ProfileView.PATH));
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, java.util.Map.of());
            }
        });
        join.setId("join-accept");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(explain, join);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("membership.join.title") + " · " + getTranslation("app.name");
    }
}
