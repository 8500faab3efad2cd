package org.draftroom.drafts.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.draftroom.drafts.data.ProjectRepository;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.springframework.stereotype.Component;

/**
 * Every project, WITHOUT any access check: for system work such as building the search index, whose results are
 * filtered by the rules of {@link ProjectService} and {@link DraftService} when someone searches. Never hand what it
 * returns to a person directly. Thread-safe.
 */
@Component
public class ProjectFeed {

    private final ProjectRepository projects;

    ProjectFeed(ProjectRepository projects) {
        this.projects = projects;
    }

    public List<Project> all() {
        return projects.find(ProjectFilter.all());
    }

    /**
     * Those of these projects that exist, by id, in one query: for modules that show a project's code beside their
     * own records (a round's project).
     */
    public Map<String, Project> byIds(Collection<String> projectIds) {
        return projects.findByIds(projectIds).stream().collect(Collectors.toMap(Project::id, p -> p));
    }
}
