package org.draftroom.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * The application shell: the navigation that fits the person's roles (entries contributed by the modules), the
 * language switch, and the user menu (profile, sign out).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(List<NavigationEntry> entries, List<ShellExtension> extensions, AuthenticationContext authentication,
               ShellUserSupport users) {
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        Div brandBox = new Div(brand, new Span(getTranslation("app.tagline")));
        brandBox.addClassName("brand-box");

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        entries.stream()
                .filter(e -> e.roles().isEmpty() || authentication.hasAnyRole(e.roles().toArray(String[]::new)))
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .forEach(e -> nav.addItem(new SideNavItem(getTranslation(e.labelKey()), e.path(), e.icon().create())));
        addToDrawer(brandBox, new Scroller(nav));

        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("top-bar");
        Div spacer = new Div();
        bar.add(new DrawerToggle(), spacer);
        bar.setFlexGrow(1, spacer);
        if (users.current().isPresent()) {
            extensions.forEach(e -> bar.add(e.create()));
        }
        bar.add(new LanguageSwitch(getLocale(), users));
        users.current().ifPresent(user -> bar.add(userMenu(user, authentication)));
        addToNavbar(skipLink(), bar);
    }

    /** "Skip to content": the first thing the keyboard reaches; moves the focus to the screen's content. */
    private com.vaadin.flow.component.html.Anchor skipLink() {
        com.vaadin.flow.component.html.Anchor skip = new com.vaadin.flow.component.html.Anchor("#",
                getTranslation("usable.skip-to-content"));
        skip.addClassName("skip-link");
        skip.setId("skip-link");
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const main = document.querySelector('vaadin-app-layout > :not([slot])');
                  if (main) { main.setAttribute('tabindex', '-1'); main.focus(); }
                });""");
        return skip;
    }

    private MenuBar userMenu(ShellUserSupport.ShellUser user, AuthenticationContext authentication) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(user.displayName());
        // One character: a Chinese name's surname, or a Latin name's initial ("张", "A"), never a mix of both.
        avatar.setAbbreviation(new String(Character.toChars(user.displayName().codePointAt(0))));
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout who = new HorizontalLayout(avatar, new Span(user.displayName()));
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        who.setSpacing(true);
        MenuItem root = menu.addItem(who);
        root.getSubMenu().addItem(withIcon(VaadinIcon.USER, getTranslation("nav.profile")),
                e -> getUI().ifPresent(ui -> ui.navigate("profile"))).setId("my-profile");
        root.getSubMenu().addItem(withIcon(VaadinIcon.SIGN_OUT, getTranslation("nav.sign-out")),
                e -> signOut(authentication)).setId("sign-out");
        return menu;
    }

    /**
     * Signs out once the page has sent any typing still unsent (live editors, see dr-live-text.js), by posting the
     * sign-out form of Spring Security ({@code POST /logout} with the page's CSRF token): one navigation, answered
     * with the sign-in page and its "signed out" notice. Signing out through the open UI instead (Vaadin's
     * {@code AuthenticationContext.logout()}) ended the session while the page's push connection was still open,
     * and the page sometimes loaded the sign-in page a second time, over the first: a person who had begun to sign in
     * again found the form empty.
     */
    private void signOut(AuthenticationContext authentication) {
        getElement().executeJs("""
                const leave = () => {
                  const form = document.createElement('form');
                  form.method = 'POST';
                  form.action = 'logout';
                  const token = document.head.querySelector('meta[name="_csrf"]');
                  const parameter = document.head.querySelector('meta[name="_csrf_parameter"]');
                  if (token) {
                    const input = document.createElement('input');
                    input.type = 'hidden';
                    input.name = parameter ? parameter.content : '_csrf';
                    input.value = token.content;
                    form.append(input);
                  }
                  document.body.append(form);
                  form.submit();
                };
                return (window.draftroom && window.draftroom.live ? window.draftroom.live.keepWork() : Promise.resolve())
                        .then(leave, leave);""")
                .then(done -> { }, failed -> authentication.logout());
    }

    private static HorizontalLayout withIcon(VaadinIcon icon, String text) {
        HorizontalLayout layout = new HorizontalLayout(icon.create(), new Span(text));
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        return layout;
    }
}
