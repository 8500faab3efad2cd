package org.draftroom.security.data;

import org.draftroom.security.domain.WorkingGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WorkingGroupRepository extends CodedNameRepository<WorkingGroup> {

    WorkingGroupRepository(JdbcClient jdbc) {
        super(jdbc, "working_group", WorkingGroup.class);
    }
}
