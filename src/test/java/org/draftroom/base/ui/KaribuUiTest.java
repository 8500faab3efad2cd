package org.draftroom.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browserless UI tests with Karibu Testing: the whole application context (embedded PostgreSQL with the demo data,
 * a fresh database per context, see {@code application-test.yml}), the real views, services and Vaadin's navigation
 * access control, but no browser and no HTTP. Each test starts with a new anonymous UI; {@link #signInAs} makes a
 * demo user the signed-in person for Spring Security (services, {@code AuthenticationContext}) and for Vaadin's
 * view access checks (the request's principal and roles).
 *
 * <p>The context, and so the database, is shared by all subclasses; tests must not depend on what others created.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
public abstract class KaribuUiTest {

    /** Scanning the class path for routes takes a while; the routes do not change during a run. */
    private static Routes routes;

    @Autowired
    private ApplicationContext applicationContext;

    @Autowired
    private UserDetailsService userDetailsService;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes(), applicationContext, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Ends the browser session and opens a new one, signed out, as a person coming back another day would. */
    protected void startNewSession() {
        tearDownVaadin();
        setUpVaadin();
    }

    /**
     * Karibu's own discovery ({@code Routes.autoDiscoverViews}) only sees public classes, but our views are
     * package-private; so the routes and layouts are found here, whatever their visibility, and Karibu's discovery
     * contributes its error views (which turn "not found" and "access denied" into exceptions).
     */
    private static synchronized Routes routes() {
        if (routes == null) {
            Routes karibu = new Routes().autoDiscoverViews("org.draftroom");
            Set<Class<? extends Component>> views = new HashSet<>(karibu.getRoutes());
            try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                    .acceptPackages("org.draftroom").scan()) {
                for (String annotation : List.of(Route.class.getName(), Layout.class.getName())) {
                    scan.getClassesWithAnnotation(annotation).loadClasses(Component.class).forEach(views::add);
                }
            }
            // Karibu would register both Vaadin's InternalServerError and the application's NavigationErrorView for
            // Exception, and which one answers would depend on hash order; the tests keep Karibu's, which names the
            // exception (NavigationErrorView is tested in the browser: WebHardeningBrowserIT).
            Set<Class<? extends HasErrorParameter<?>>> errorRoutes = new HashSet<>(karibu.getErrorRoutes());
            errorRoutes.remove(NavigationErrorView.class);
            routes = new Routes(views, errorRoutes, false);
        }
        return routes;
    }

    /**
     * Signs in a user of the application (through its own {@link UserDetailsService}, so the principal is the
     * application's) and sets the UI's language, so that the texts the test checks are predictable.
     */
    protected void signInAs(String username, Locale locale) {
        Authentication authentication = authenticationOf(username);
        SecurityContextHolder.setContext(contextOf(authentication));

        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authorities.contains(role) || authorities.contains("ROLE_" + role));
        UI.getCurrent().setLocale(locale);
    }

    /**
     * Does something as another person, elsewhere (another browser, the API), while the signed-in person's UI stays
     * as it is; for example an administrator changing the roles of the person using the UI.
     */
    protected void asUser(String username, Runnable action) {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(contextOf(authenticationOf(username)));
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    /**
     * Clicks a button the way a click from the browser is handled: a failure in the click's listener goes to the
     * session's error handler (which tells the user) instead of to the test.
     */
    protected static void clickAsTheBrowserWould(Button button) {
        try {
            ButtonKt._click(button);
        } catch (RuntimeException failure) {
            VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));
        }
    }

    private Authentication authenticationOf(String username) {
        UserDetails user = userDetailsService.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static SecurityContext contextOf(Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        return context;
    }

    protected void signInAs(String username) {
        signInAs(username, Locale.ENGLISH);
    }

    /** Navigates as the user would (through the router and its access control) and returns the view shown. */
    protected <V extends Component> V navigateTo(Class<V> view) {
        UI.getCurrent().navigate(view);
        return _get(view);
    }

    /** The texts of a grid's cells as the user reads them, row by row (component cells as Karibu describes them). */
    protected static List<List<String>> rows(Grid<?> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i)).toList();
    }

    /** The texts of one column of a grid, top to bottom. */
    protected static List<String> column(Grid<?> grid, int index) {
        return rows(grid).stream().map(row -> row.get(index)).toList();
    }

    /** The index of the first row whose first cell has this text; fails when there is none. */
    protected static int rowIndex(Grid<?> grid, String firstCell) {
        List<String> firsts = column(grid, 0);
        int index = firsts.indexOf(firstCell);
        if (index < 0) {
            throw new AssertionError("No row starts with '" + firstCell + "'; the rows start with " + firsts);
        }
        return index;
    }

    /**
     * The component the grid shows in a row under the column with this header (for columns added with
     * {@code addComponentColumn}), rendered afresh, as the browser would receive it.
     */
    protected static <T> Component cell(Grid<T> grid, int row, String header) {
        Grid.Column<T> column = grid.getColumns().stream().filter(c -> header.equals(c.getHeaderText())).findFirst()
                .orElseThrow(() -> new AssertionError("No column with the header '" + header + "'"));
        if (!(column.getRenderer() instanceof ComponentRenderer<?, ?> renderer)) {
            throw new AssertionError("The column '" + header + "' does not show components");
        }
        @SuppressWarnings("unchecked")
        ComponentRenderer<? extends Component, T> components = (ComponentRenderer<? extends Component, T>) renderer;
        return components.createComponent(GridKt._get(grid, row));
    }

    /** The texts of the notifications currently shown, oldest first. */
    protected static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream()
                .map(n -> n.getElement().getProperty("text", ""))
                .toList();
    }
}
