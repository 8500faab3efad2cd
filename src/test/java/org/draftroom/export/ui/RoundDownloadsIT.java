package org.draftroom.export.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.draftroom.base.ui.KaribuUiTest;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The round page's download menu, browserless: who sees it, a refusal naming open comments, a finished table. */
class RoundDownloadsIT extends KaribuUiTest {

    @Autowired ProjectService projects;
    @Autowired DraftService drafts;
    @Autowired RoundService rounds;
    @Autowired RoundLifecycleService roundLifecycle;
    @Autowired RoundRepository repository;
    @Autowired CommentService comments;
    @Autowired DispositionService dispositions;

    @Test
    void staff_get_the_tables_and_the_package_reviewers_nothing_before_publication() {
        long[] ids = new long[1];
        asUser("secretariat", () -> {
            String project = TestProjects.consultationCopy(projects, drafts, "GB/T D" + (System.nanoTime() % 100_000), "下载测试", "Download test");
            Round round = roundLifecycle.schedule(new RoundForm(project, null, "征求意见稿", null, null, null,
                    Instant.now().plus(Duration.ofDays(30)), "", Audience.INVITED,
                    Set.of(repository.organisationByCode("CN-ABC").orElseThrow().id()), true));
            ids[0] = round.id();
        });
        Round round = asSecretariat(ids[0]);
        Comment[] made = new Comment[2];
        asUser("reviewer1", () -> {
            made[0] = comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                    CommentType.TE, "c-minimisation", 0, 0, "", "最小必要缺少判断标准。", ""));
            made[1] = comments.create(round.projectId(), round.commitId(), new CommentForm(round.id(),
                    CommentType.GE, "", 0, 0, "", "术语不统一。", ""));
        });
        asUser("secretariat", () -> {
            roundLifecycle.closeEarly(round.id(), "Closing for the download test");
            dispositions.record(made[0].id(), Disposition.ACCEPTED, "", null);
        });

        signInAs("reviewer1");
        UI.getCurrent().navigate("rounds/" + round.id());
        assertThat(_find(MenuBar.class, spec -> spec.withId("round-downloads"))).isEmpty();

        startNewSession();
        signInAs("secretariat", Locale.ENGLISH);
        UI.getCurrent().navigate("rounds/" + round.id());
        MenuBar menu = _get(MenuBar.class, spec -> spec.withId("round-downloads"));
        ContextMenuKt._clickItemWithID(menu, "round-download-xlsx");
        assertThat(awaitNotification("export-error").getElement().getProperty("text", ""))
                .contains("1 comment has no disposition yet", made[1].readableId());
        closeAll();

        asUser("secretariat", () -> dispositions.record(made[1].id(), Disposition.NOTED, "见编制说明。", null));
        ContextMenuKt._clickItemWithID(menu, "round-download-xlsx");
        Notification ready = awaitNotification("export-ready");
        Anchor link = _get(ready, Anchor.class, spec -> spec.withId("export-ready-download"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(DownloadKt._download(link)))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(7).getStringCellValue()).isEqualTo("Noted");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        closeAll();
        assertThat(menu.getItems().get(0).getSubMenu().getItems()).extracting(i -> i.getId().orElse(""))
                .containsExactly("round-download-xlsx", "round-download-iso-docx", "round-download-cn-docx",
                        "round-download-package");
    }

    private Round asSecretariat(long id) {
        Round[] r = new Round[1];
        asUser("secretariat", () -> r[0] = rounds.get(id));
        return r[0];
    }

    private static void closeAll() {
        java.util.List.copyOf(NotificationsKt.getNotifications()).forEach(Notification::close);
        MockVaadin.clientRoundtrip();
    }

    private static Notification awaitNotification(String id) {
        // in this thread: Karibu's mock UI and session are bound to it
        return Awaitility.await("notification " + id).atMost(Duration.ofMinutes(1)).pollInSameThread()
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    MockVaadin.clientRoundtrip();
                    return NotificationsKt.getNotifications().stream()
                            .filter(n -> n.getId().equals(Optional.of(id))).findFirst();
                }, Optional::isPresent).orElseThrow();
    }
}
