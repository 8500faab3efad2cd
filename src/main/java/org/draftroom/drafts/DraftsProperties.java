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
public record DraftsProperties(@DefaultValue("2m") Duration staleLockAfter) {
}
