package org.draftroom.base;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Draftroom keeps what it writes.
 *
 * @param dataDir    the embedded database and any other file the application writes (default {@code ./data},
 *                   environment {@code DRAFTROOM_DATA_DIR})
 * @param draftsRepo the bare Git repositories of the projects (default {@code ./drafts-repo}, environment
 *                   {@code DRAFTROOM_DRAFTS_REPO})
 * @param timeZone   the committee's time zone, used to show and enter dates (default Asia/Shanghai)
 */
@ConfigurationProperties("draftroom")
public record DraftroomProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./drafts-repo") Path draftsRepo,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
