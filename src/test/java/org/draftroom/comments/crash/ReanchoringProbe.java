package org.draftroom.comments.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.draftroom.ProbeFile;
import org.draftroom.drafts.storage.DraftStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Profile {@code reanchoring-probe} (for {@link ReanchoringCrashIT} only): every 300 ms once the application is
 * ready, writes to {@code draftroom.test.probe-file} the incomplete event publications, the sample project's latest
 * version, and for the comment named in {@code draftroom.test.comment-file}: its placement status, the version it is
 * placed in, and how many times re-anchoring changed its status.
 */
@Component
@Profile("reanchoring-probe")
class ReanchoringProbe {

    private final JdbcClient jdbc;
    private final DraftStore store;
    private final Path file;
    private final Path commentFile;

    ReanchoringProbe(JdbcClient jdbc, DraftStore store, @Value("${draftroom.test.probe-file}") Path file,
                     @Value("${draftroom.test.comment-file}") Path commentFile) {
        this.jdbc = jdbc;
        this.store = store;
        this.file = file;
        this.commentFile = commentFile;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ProbeFile.writeEvery300Ms("reanchoring-probe", file, this::state);
    }

    private Map<String, Object> state() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("incomplete", ProbeFile.incompletePublications(jdbc));
        state.put("head", store.head(RewriteAfterComment.PROJECT).orElse(""));
        if (Files.exists(commentFile)) {
            long id = Long.parseLong(Files.readString(commentFile).trim());
            state.put("status", jdbc.sql("select placement_status from comment where id = :id").param("id", id)
                    .query(String.class).single());
            state.put("placedIn", jdbc.sql("""
                            select coalesce(c.placement_commit, v.commit_id) from comment c
                            left join comment_placement_version v on v.project_id = c.project_id where c.id = :id""")
                    .param("id", id).query(String.class).single());
            state.put("reanchored", jdbc.sql("select count(*) from comment_event where comment_id = :id"
                    + " and kind = 'REANCHORED'").param("id", id).query(Long.class).single());
        }
        return state;
    }
}
