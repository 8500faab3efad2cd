package org.draftroom.editing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.editing.service.CoEditingService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark harness, not a test (surefire does not pick up {@code *Benchmark}): the heap one open live editor retains
 * with the large sample project open (300,000+ characters, 426 clauses): its Vaadin UI with the outline and the live
 * text component, its connection and its shadow and backup in the clause session. Measured as the heap used after
 * {@code System.gc()} with the editor open minus the same with it closed, over several rounds (median).
 * <pre>
 * ./mvnw -o -q test -Dtest=LiveEditorHeapBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Prints its figures; {@code docs/benchmarks.md} records them.
 */
@TestPropertySource(properties = "draftroom.demo.large-project=true")
class LiveEditorHeapBenchmark extends KaribuUiTest {

    private static final String LARGE = "tc260-large-sample";

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired CoEditingService service;
    @Autowired UserDetailsService users;

    @Test
    void retained_heap_per_open_live_editor_on_the_large_project() throws Exception {
        SignedIn.as(users, "secretariat");
        long deadline = System.currentTimeMillis() + 600_000;
        while (projects.find(ProjectFilter.all()).stream().noneMatch(p -> p.id().equals(LARGE))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the large sample project did not appear");
            }
            Thread.sleep(1000);
        }
        var snapshot = drafts.open(LARGE, null);
        List<String> clauses = snapshot.document().clauses().stream().map(c -> c.id())
                .filter(id -> id.matches("[A-Za-z0-9._:@-]+")).toList();
        System.out.printf("large project: %,d characters, %d clauses%n", snapshot.document().text().length(),
                snapshot.document().clauses().size());
        SignedIn.nobody();

        List<Long> deltas = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            long closed = usedAfterGc();
            signInAs("editor2", Locale.CHINA);
            UI.getCurrent().navigate("projects/" + LARGE + "/live");
            LiveText text = _get(LiveText.class);
            String clauseId = clauses.get(clauses.size() / 2 + round);
            text.open(clauseId, "");
            MockVaadin.runUIQueue();
            long open = usedAfterGc();
            if (round > 0) {
                deltas.add(open - closed);
            }
            System.out.printf("round %d: closed %,d B, open %,d B, delta %,d B, editors in the document %d%n", round,
                    closed, open, open - closed, service.participants(LARGE).size());
            startNewSession();
        }
        Collections.sort(deltas);
        System.out.printf("retained heap per open live editor (median of %d): %,d B (min %,d, max %,d)%n",
                deltas.size(), deltas.get(deltas.size() / 2), deltas.get(0), deltas.get(deltas.size() - 1));
    }

    private static long usedAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
