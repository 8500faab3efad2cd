package org.draftroom.drafts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the draft repositories ({@code draftroom.drafts.*}; {@code compact-cron} is read by the nightly packing).
 *
 * @param staleLockAfter a Git lock file ({@code refs/heads/main.lock}, {@code packed-refs.lock}) older than this is
 *                       the leftover of a writer that crashed, and is removed with a warning (default 2 min). It must
 *                       be longer than any writer holds a lock: a commit holds the branch's lock for milliseconds,
 *                       packing holds {@code packed-refs.lock} for well under a second
 */
@ConfigurationProperties("draftroom.drafts")
public record DraftsProperties(@DefaultValue("2m") Duration staleLockAfter, @DefaultValue Mirror mirror) {

    /**
     * A Git repository per project where the committee publishes its drafts ({@code draftroom.drafts.mirror.*}): every
     * new version and tag is pushed there, fast-forward only, and every {@code interval} all projects are pushed again
     * (what a failed push missed). Off while {@code url} is empty.
     *
     * @param url      the mirror's URL with {@code {project}} for the project's id
     *                 ({@code https://git.example.org/tc260/{project}.git}, {@code file:///srv/git/{project}.git})
     * @param username for HTTPS, with {@code password} (an access token); empty for none
     * @param interval how often every project is pushed again (default 5 min; one node does it in a cluster)
     */
    public record Mirror(@DefaultValue("") String url, @DefaultValue("") String username,
                         @DefaultValue("") String password, @DefaultValue("5m") Duration interval) {

        public boolean enabled() {
            return !url.isBlank();
        }

        /** The mirror of one project. */
        public String urlOf(String projectId) {
            return url.replace("{project}", projectId);
        }
    }
}
