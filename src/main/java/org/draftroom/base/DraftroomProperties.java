package org.draftroom.base;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Draftroom keeps what it writes, and the committee's time zone. The projects' Git repositories are the drafts
 * module's concern ({@code drafts.DraftsRepoProperties}, key {@code draftroom.drafts-repo}).
 *
 * @param dataDir    the embedded database and any other file the application writes (default {@code ./data},
 *                   environment {@code DRAFTROOM_DATA_DIR})
 * @param timeZone   the committee's time zone, used to show and enter dates (default Asia/Shanghai)
 */
@ConfigurationProperties("draftroom")
public record DraftroomProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
