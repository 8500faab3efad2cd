package org.draftroom.search.service;

import java.util.List;
import java.util.Optional;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.search.index.Snippets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Searches the history of one project: "when did this sentence appear?" is answered with the first version (oldest
 * first) whose text contains it, matched as the find view marks it (width, case and traditional characters folded).
 * Reads through the drafts module's service, so it refuses whoever may not read the project's versions. The index
 * holds current versions and rounds' frozen texts only; a project's history is read from Git when asked, at most
 * {@value #MAX_VERSIONS} versions.
 */
@Service
public class VersionSearch {

    /** The most versions one question reads, newest first. */
    public static final int MAX_VERSIONS = 1_000;

    private final DraftService drafts;

    VersionSearch(DraftService drafts) {
        this.drafts = drafts;
    }

    /** The first version of the project containing the words, or empty when none (or the words are blank). */
    @PreAuthorize("isAuthenticated()")
    public Optional<VersionInfo> firstContaining(String projectId, String words) {
        if (words == null || words.isBlank()) {
            return Optional.empty();
        }
        List<String> needle = List.of(words.strip());
        List<VersionInfo> newestFirst = drafts.history(projectId, 0, MAX_VERSIONS);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            VersionInfo v = newestFirst.get(i);
            String text = drafts.open(projectId, v.commitId()).document().text();
            if (!Snippets.spans(text, needle).isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
