package org.draftroom.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Chromium and its driver: the {@code CHROME_BIN} / {@code CHROMEDRIVER} environment variables when set, else
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, else the {@code PATH}. A missing program is an error
 * that names what to install, never a reason to skip the browser tests. Selenium Manager is never used: it would try
 * to download a browser or driver, which this network does not allow.
 *
 * @param chromium     the browser executable
 * @param chromedriver the matching driver executable
 */
record BrowserBinaries(Path chromium, Path chromedriver) {

    private static final String INSTALL_HINT = "Install Chromium and its driver with "
            + "'apt-get install chromium chromium-driver' (Debian/Ubuntu; .ci/run does this when run as root), "
            + "or point CHROME_BIN and CHROMEDRIVER at a Chromium and a chromedriver of the same major version.";

    /** @throws IllegalStateException naming every program that was not found and where it was looked for */
    static BrowserBinaries locate() {
        List<String> problems = new ArrayList<>();
        Path chromium = find("CHROME_BIN", "/usr/bin/chromium", List.of("chromium", "chromium-browser"), problems);
        Path driver = find("CHROMEDRIVER", "/usr/bin/chromedriver", List.of("chromedriver"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The browser tests cannot run: " + String.join("; ", problems) + ". "
                    + INSTALL_HINT);
        }
        return new BrowserBinaries(chromium, driver);
    }

    private static Path find(String variable, String usual, List<String> names, List<String> problems) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            problems.add(variable + " is set to " + configured + ", which is not an executable file");
            return null;
        }
        Path standard = Path.of(usual);
        if (Files.isExecutable(standard)) {
            return standard;
        }
        Optional<Path> onPath = names.stream().map(BrowserBinaries::onPath).flatMap(Optional::stream).findFirst();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        problems.add(String.join(" / ", names) + " not found (looked at $" + variable + ", " + usual
                + " and the PATH)");
        return null;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
