package org.draftroom.security.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.draftroom.security.Access;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.Rules;
import org.draftroom.security.service.DirectoryService;

@Route(OrganisationsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class OrganisationsView extends DirectoryView<Organisation> {

    static final String PATH = "admin/organisations";

    OrganisationsView(DirectoryService directory, Access access) {
        super("organisations", new Source<>() {
            public List<Organisation> list() { return directory.organisations(); }
            public Organisation save(Long id, String code, String zh, String en) {
                return directory.saveOrganisation(id, code, zh, en);
            }
            public void delete(long id) { directory.deleteOrganisation(id); }
        }, Rules::organisationCode, access);
    }
}
