package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** One clause session serves many request threads at once. */
class ClauseSessionThreadingTest {

    @Test
    void editors_syncing_from_many_threads_at_once_converge_and_the_journal_sees_revisions_in_order() throws Exception {
        List<AcknowledgedEdit> journal = new CopyOnWriteArrayList<>();
        ClauseSession session = new ClauseSession("c", "本条款 clause 😀\n", SyncLimits.DEFAULT, journal::addAll);
        int editors = 8;
        List<ClientSync> clients = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            clients.add(new ClientSync(session.join("e" + i), SyncLimits.DEFAULT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            ClientSync client = clients.get(i);
            Random random = new Random(i);
            RandomTyping typing = new RandomTyping(random);
            work.add(pool.submit(() -> {
                start.await();
                for (int step = 0; step < 100; step++) {
                    typing.edit(client);
                    SyncOutcome outcome = session.receive(client.nextMessage());
                    client.receive(((SyncOutcome.Accepted) outcome).reply());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int round = 0; round < 2; round++) {
            for (ClientSync client : clients) {
                client.receive(((SyncOutcome.Accepted) session.receive(client.nextMessage())).reply());
            }
        }

        assertThat(clients).allSatisfy(c -> assertThat(c.text()).isEqualTo(session.text()));
        assertThat(journal).extracting(AcknowledgedEdit::revision)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, session.revision()).boxed()
                        .toList());
    }
}
