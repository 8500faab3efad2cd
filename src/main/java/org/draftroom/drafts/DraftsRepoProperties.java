package org.draftroom.drafts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the drafts module keeps the projects' Git repositories. The key stays {@code draftroom.drafts-repo} (as
 * before it moved here from the shared kernel's {@code DraftroomProperties}), so existing configurations keep working.
 *
 * @param draftsRepo the bare Git repositories of the projects (default {@code ./drafts-repo}, environment
 *                   {@code DRAFTROOM_DRAFTS_REPO})
 */
@ConfigurationProperties("draftroom")
public record DraftsRepoProperties(@DefaultValue("./drafts-repo") Path draftsRepo) {
}
