package org.draftroom.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedFilesTest {

    @Test
    void aFileIsRenderedOnceAndTheLeastRecentlyUsedGoFirstPastTheBound() {
        RenderedFiles<String> files = new RenderedFiles<>(250);
        AtomicInteger renders = new AtomicInteger();
        byte[] a = files.get("a", () -> bytes(60, renders));
        assertThat(files.get("a", () -> bytes(60, renders))).isSameAs(a);
        assertThat(renders).hasValue(1);

        files.get("b", () -> bytes(60, renders));
        files.get("c", () -> bytes(60, renders));
        files.get("a", () -> bytes(60, renders));     // a is now the most recently used
        files.get("d", () -> bytes(60, renders));
        files.get("e", () -> bytes(60, renders));      // 300 bytes: b goes
        assertThat(files.size()).isEqualTo(4);
        int before = renders.get();
        files.get("a", () -> bytes(60, renders));
        files.get("b", () -> bytes(60, renders));
        assertThat(renders.get() - before).as("only b was rendered again").isEqualTo(1);
    }

    @Test
    void aFileLargerThanAQuarterOfTheBoundIsNotKept() {
        RenderedFiles<String> files = new RenderedFiles<>(400);
        AtomicInteger renders = new AtomicInteger();
        files.get("big", () -> bytes(101, renders));
        files.get("big", () -> bytes(101, renders));
        assertThat(renders).hasValue(2);
        assertThat(files.size()).isZero();
    }

    private static byte[] bytes(int n, AtomicInteger renders) {
        renders.incrementAndGet();
        return new byte[n];
    }
}
