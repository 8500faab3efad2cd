package org.draftroom.security.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.draftroom.security.Access;
import org.draftroom.security.domain.Rules;
import org.draftroom.security.domain.WorkingGroup;
import org.draftroom.security.service.DirectoryService;

@Route(WorkingGroupsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT"})
class WorkingGroupsView extends DirectoryView<WorkingGroup> {

    static final String PATH = "admin/working-groups";

    WorkingGroupsView(DirectoryService directory, Access access) {
        super("working-groups", new Source<>() {
            public List<WorkingGroup> list() { return directory.workingGroups(); }
            public WorkingGroup save(Long id, String code, String zh, String en) {
                return directory.saveWorkingGroup(id, code, zh, en);
            }
            public void delete(long id) { directory.deleteWorkingGroup(id); }
        }, Rules::workingGroupCode, access);
    }
}
