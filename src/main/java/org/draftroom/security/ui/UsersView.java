package org.draftroom.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.User;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.UserService;

/** The administrator's list of people: search, create, edit, disable and enable, reset passwords. */
@Route(UsersView.PATH)
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "admin/users";

    private final UserService users;
    private final DirectoryService directory;
    private final Grid<User> grid = new Grid<>();
    private final TextField filter = new TextField();

    UsersView(UserService users, DirectoryService directory) {
        this.users = users;
        this.directory = directory;
        setId("users-view");
        setSizeFull();

        filter.setPlaceholder(getTranslation("users.search"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setId("users-filter");
        filter.setWidth("320px");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> openDialog(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");

        HorizontalLayout toolbar = new HorizontalLayout(filter, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        Map<Long, String> orgCodes = directory.organisations().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::code));
        Map<Long, String> wgCodes = directory.workingGroups().stream()
                .collect(Collectors.toMap(WorkingGroup::id, WorkingGroup::code));

        grid.addColumn(User::username).setHeader(getTranslation("user.username")).setAutoWidth(true);
        grid.addColumn(User::displayName).setHeader(getTranslation("user.display-name")).setAutoWidth(true);
        grid.addColumn(u -> u.organisationId() == null ? "" : orgCodes.getOrDefault(u.organisationId(), ""))
                .setHeader(getTranslation("user.organisation")).setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("user.roles")).setAutoWidth(true);
        grid.addColumn(u -> u.workingGroupIds().stream().map(id -> wgCodes.getOrDefault(id, "?")).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("user.working-groups")).setAutoWidth(true);
        grid.addComponentColumn(u -> {
            Span status = new Span(getTranslation(u.enabled() ? "user.enabled" : "user.disabled"));
            status.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
            return status;
        }).setHeader(getTranslation("user.status")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> users.find(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) users.count(filter.getValue()));
        grid.addItemClickListener(e -> openDialog(e.getItem()));
        grid.setId("users-grid");

        add(new H1(getTranslation("users.title")), toolbar, grid);
        expand(grid);
    }

    private void openDialog(User user) {
        new UserDialog(users, directory, user, () -> grid.getDataProvider().refreshAll()).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
