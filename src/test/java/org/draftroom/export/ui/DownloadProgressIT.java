package org.draftroom.export.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.awaitility.Awaitility;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.KaribuUiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Downloads are made in the background: the person sees progress at once, then gets a file that opens; refusals and
 * failures are told in their language and the menu works again afterwards.
 */
class DownloadProgressIT extends KaribuUiTest {

    @Autowired ExportJobs jobs;

    @Test
    void a_word_download_shows_progress_then_offers_a_complete_file_that_opens_in_word() throws IOException {
        signInAs("editor2");
        UI.getCurrent().navigate("projects/gbt-35273");
        MenuBar menu = _get(MenuBar.class, spec -> spec.withId("download-menu"));

        ContextMenuKt._clickItemWithID(menu, "download-docx");

        Optional<Notification> progress = notification("export-progress");
        // Either still working (the usual case) or already done: never nothing at all.
        if (progress.isPresent()) {
            assertThat(progress.get().getElement().getTextRecursively()).contains("Preparing Word (.docx)");
        }
        Anchor link = awaitDownload();
        assertThat(notification("export-progress")).isEmpty();
        assertThat(notification("export-ready").orElseThrow().getElement().getTextRecursively())
                .containsPattern("GB_T_35273-zh-working-draft-[0-9a-f]{7}\\.docx is ready\\.");
        assertThat(link.getText()).isEqualTo("Download");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DownloadKt._download(link)))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).anyMatch(t -> t.contains("个人信息安全规范"));
        }
    }

    @Test
    void a_redline_download_in_chinese_gives_word_with_tracked_changes() throws IOException {
        signInAs("editor1", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("projects/gbt-35273/redline",
                QueryParameters.simple(java.util.Map.of("from", "wd-1", "to", "cd-1")));

        ButtonKt._click(_get(Button.class, spec -> spec.withId("redline-download-docx")));

        Anchor link = awaitDownload();
        assertThat(link.getText()).startsWith("下载");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DownloadKt._download(link)))) {
            assertThat(doc.getDocument().xmlText()).contains("w:ins").contains("w:del");
        }
        assertThat(_get(Button.class, spec -> spec.withId("redline-download-docx")).isEnabled()).isTrue();
    }

    @Test
    void a_refused_export_tells_why_in_the_persons_language_and_offers_no_file() {
        signInAs("editor2", Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("projects/gbt-35273");
        Button trigger = new Button();
        UI.getCurrent().add(trigger);

        jobs.start(trigger, "ODT", trigger, () -> {
            throw new UserFacingException("export.format.unknown", "odt", "docx, html, md, pdf, sts");
        });
        assertThat(trigger.isEnabled()).isFalse();

        assertThat(awaitError()).isEqualTo("未知格式“odt”。可用格式：docx, html, md, pdf, sts。");
        assertThat(notification("export-ready")).isEmpty();
        assertThat(trigger.isEnabled()).isTrue();
    }

    @Test
    void no_access_and_unexpected_failures_are_told_plainly() {
        signInAs("editor2");
        UI.getCurrent().navigate("projects/gbt-35273");
        Button trigger = new Button();
        UI.getCurrent().add(trigger);

        jobs.start(trigger, "PDF (.pdf)", trigger, () -> {
            throw new AccessDeniedException("Access Denied");
        });
        assertThat(awaitError()).isEqualTo("You may not download this draft.");
        closeAll();

        jobs.start(trigger, "PDF (.pdf)", trigger, () -> {
            throw new IllegalStateException("font missing");
        });
        assertThat(awaitError()).startsWith("The export (PDF (.pdf)) failed.").doesNotContain("font missing");
        assertThat(notification("export-ready")).isEmpty();
    }

    @Test
    void the_export_runs_with_the_signed_in_persons_rights() {
        signInAs("editor2");
        UI.getCurrent().navigate("projects/gbt-35273");
        Button trigger = new Button();
        UI.getCurrent().add(trigger);
        String[] who = new String[1];

        jobs.start(trigger, "x", trigger, () -> {
            who[0] = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                    .getName();
            throw new UserFacingException("export.busy");
        });
        awaitError();
        assertThat(who[0]).isEqualTo("editor2");
    }

    private static Optional<Notification> notification(String id) {
        return NotificationsKt.getNotifications().stream().filter(n -> n.getId().equals(Optional.of(id))).findFirst();
    }

    private static void closeAll() {
        List.copyOf(NotificationsKt.getNotifications()).forEach(Notification::close);
        MockVaadin.clientRoundtrip();
    }

    /** Lets the background job finish and its UI update run, as the push connection would; fails after a minute. */
    private static Anchor awaitDownload() {
        Notification ready = await(() -> notification("export-ready"), "the download to be offered");
        return _get(ready, Anchor.class, spec -> spec.withId("export-ready-download"));
    }

    private static String awaitError() {
        Notification error = await(() -> notification("export-error"), "an error to be shown");
        return error.getElement().getProperty("text", "");
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> condition, String what) {
        // in this thread: Karibu's mock UI and session are bound to it
        return Awaitility.await(what).atMost(Duration.ofMinutes(1)).pollInSameThread()
                .pollInterval(Duration.ofMillis(25)).until(() -> {
                    MockVaadin.clientRoundtrip(); // the job runs on another thread; its UI update runs here
                    return condition.get();
                }, Optional::isPresent).orElseThrow();
    }
}
