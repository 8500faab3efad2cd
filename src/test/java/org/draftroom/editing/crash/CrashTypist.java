package org.draftroom.editing.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.draftroom.browser.Browser;
import org.draftroom.browser.LoginPage;
import org.draftroom.editing.ui.LivePage;

/**
 * The typist of the crash check ({@code docs/crash-check.sh}, described in {@code docs/co-editing.md}): signs in as
 * an editor in headless Chromium, opens the live editor on a clause and types numbered words into it without pause,
 * writing after every word the clause text the server has acknowledged completely ({@code acknowledgedText} of the
 * {@code <dr-live-text>} element) to a file. The script kills the server with SIGKILL while this runs; the last text
 * in the file is then what must survive the restart.
 *
 * <p>Arguments: base URL, username, password, project id, clause title (as shown in the outline), output file,
 * seconds to type.
 */
public final class CrashTypist {

    private CrashTypist() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String username = args[1];
        String password = args[2];
        String project = args[3];
        String clauseTitle = args[4];
        Path out = Path.of(args[5]);
        long seconds = Long.parseLong(args[6]);
        Browser browser = Browser.startAt(base, Locale.ENGLISH);
        try {
            LoginPage.open(browser).signInAs(username, password);
            LivePage live = LivePage.open(browser, project).selectClause(clauseTitle);
            live.caretAtEnd();
            System.out.println("typing");
            long end = System.currentTimeMillis() + seconds * 1000;
            for (int word = 1; System.currentTimeMillis() < end; word++) {
                live.type(String.format(" w%04d", word));
                Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                Files.writeString(tmp, live.acknowledgedText(), StandardCharsets.UTF_8);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            browser.close();
        }
    }
}
