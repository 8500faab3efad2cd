package org.draftroom.drafts.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One of several processes committing to one repository on a shared directory ({@link SharedRepositoryIT}): commits
 * {@code count} versions, each changing only this writer's file {@code <writer>.txt} to the next number, on top of
 * the head it read; when another process moved the head meanwhile (the commit is refused as stale) it reads the head
 * again and retries, as {@code DraftService} does. Prints the number of retries.
 *
 * <p>Arguments: repositories directory, project id, writer name, count.
 */
public final class ConcurrentCommitter {

    private ConcurrentCommitter() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String project = args[1];
        String writer = args[2];
        int count = Integer.parseInt(args[3]);
        int retries = 0;
        try (GitDraftStore store = new GitDraftStore(root, Clock.systemUTC())) {
            for (int i = 1; i <= count; i++) {
                while (true) {
                    String head = store.head(project).orElseThrow();
                    try {
                        store.commit(project, CommitRequest.onTopOf(head, Map.of(writer + ".txt", i + "\n"),
                                new Person(writer, writer + "@example.org"), writer + " " + i));
                        break;
                    } catch (StaleVersionException lostTheRace) {
                        retries++;
                    }
                }
            }
        }
        System.out.println("retries " + retries);
    }
}
