package org.draftroom.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and API settings ({@code draftroom.security.*}).
 *
 * @param maxFailuresPerAccount  failed sign-ins to one account within the window before it is refused for a while
 * @param maxFailuresPerAddress  failed sign-ins (and wrong API tokens) from one client address within the window
 *                               before it is refused
 * @param failureWindow          how long a failure counts
 * @param initialAdminUsername   the administrator created when a start finds no user at all
 * @param initialAdminPassword   that administrator's password; when empty a one-time password is printed to the log
 * @param apiRequestsPerToken    API requests one personal access token may make within {@code apiWindow}
 * @param apiRequestsPerAddress  API requests one client address may make within {@code apiWindow}
 * @param apiWindow              the API rate limits' window, which starts with a token's or an address's first
 *                               request after its previous window ended
 */
@ConfigurationProperties("draftroom.security")
public record SecurityProperties(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("admin") String initialAdminUsername,
        @DefaultValue("") String initialAdminPassword,
        @DefaultValue("600") int apiRequestsPerToken,
        @DefaultValue("1200") int apiRequestsPerAddress,
        @DefaultValue("1m") Duration apiWindow) {
}
