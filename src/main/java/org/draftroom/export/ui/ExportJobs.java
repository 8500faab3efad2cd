package org.draftroom.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.draftroom.base.UserFacingException;
import org.draftroom.export.ExportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;

/**
 * Produces downloads off the UI thread, so that a large export (a 300,000-character draft as PDF takes seconds) never
 * freezes the page: the person sees a progress notification at once and keeps working; when the file is complete it is
 * offered (and its download started) from memory, so a failed export leaves no partial file anywhere. Failures are
 * told in the person's language: a refusal of the service by its message, no access as such, anything else as a
 * failure to retry.
 *
 * <p>The application has {@code @Push}, so the result reaches the browser as soon as it is ready. At most
 * {@value #THREADS} exports run at once on the server (the machine's cores are the limit for PDF rendering), up to
 * {@value #QUEUE} more wait; beyond that a person is asked to try again shortly. The signed-in person's security
 * context travels with the job (Spring Security's delegating executor), so the service checks their access as for any
 * other call.
 */
@org.springframework.stereotype.Component
class ExportJobs implements DisposableBean {

    static final int THREADS = 2;
    static final int QUEUE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    /** Runs each job with the security context of the thread that submitted it, and clears it afterwards. */
    private final AsyncTaskExecutor jobs = new DelegatingSecurityContextAsyncTaskExecutor(pool);

    ExportJobs() {
        // Private to exports, not a bean: a TaskExecutor bean would replace Spring Boot's application task executor.
        pool.setCorePoolSize(THREADS);
        pool.setMaxPoolSize(THREADS);
        pool.setQueueCapacity(QUEUE);
        pool.setKeepAliveSeconds(60);
        pool.setAllowCoreThreadTimeOut(true);
        pool.setThreadNamePrefix("export-");
        pool.setDaemon(true);
        pool.initialize();
    }

    /**
     * Starts an export for the person using {@code owner}'s UI.
     *
     * @param label what is being prepared, as the person chose it ("Word (.docx)")
     * @param trigger disabled while the export runs, so a second click does not start it twice
     * @param export produces the file; runs on another thread with the person's security context
     */
    void start(Component owner, String label, HasEnabled trigger, Supplier<ExportService.ExportFile> export) {
        UI ui = owner.getUI().orElseThrow();
        Notification progress = progress(owner, label);
        trigger.setEnabled(false);
        try {
            jobs.execute(() -> run(ui, export, progress, trigger, label));
        } catch (RejectedExecutionException busy) {
            progress.close();
            trigger.setEnabled(true);
            error(owner.getTranslation("export.busy"));
        }
    }

    private static void run(UI ui, Supplier<ExportService.ExportFile> export, Notification progress,
            HasEnabled trigger, String label) {
        try {
            ExportService.ExportFile file = export.get();
            update(ui, () -> {
                progress.close();
                trigger.setEnabled(true);
                ready(ui, file);
            });
        } catch (UserFacingException refusal) {
            update(ui, () -> failed(ui, progress, trigger, ui.getTranslation(refusal.messageKey(), refusal.args())));
        } catch (AccessDeniedException denied) {
            update(ui, () -> failed(ui, progress, trigger, ui.getTranslation("export.denied")));
        } catch (RuntimeException | Error failure) {
            LOG.error("Export of {} failed", label, failure);
            update(ui, () -> failed(ui, progress, trigger, ui.getTranslation("export.failed", label)));
        }
    }

    private static void update(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // The person left the page or closed the tab: nobody is waiting for the file, which is dropped.
            LOG.debug("Export finished after its page was closed");
        }
    }

    private static Notification progress(Component owner, String label) {
        Notification n = new Notification();
        n.setId("export-progress");
        n.setPosition(Notification.Position.BOTTOM_END);
        n.setDuration(0);
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("16em");
        VerticalLayout content = new VerticalLayout(new Span(owner.getTranslation("export.progress.preparing", label)),
                bar);
        content.setPadding(false);
        content.setSpacing(false);
        n.add(content);
        n.open();
        return n;
    }

    private static void ready(UI ui, ExportService.ExportFile file) {
        Notification n = new Notification();
        n.setId("export-ready");
        n.setPosition(Notification.Position.BOTTOM_END);
        n.setDuration(60_000);
        byte[] content = file.content();
        StreamResource resource = new StreamResource(file.fileName(), () -> new ByteArrayInputStream(content));
        resource.setContentType(file.contentType());
        Anchor link = new Anchor(resource, ui.getTranslation("export.progress.save"));
        link.getElement().setAttribute("download", true);
        link.setId("export-ready-download");
        link.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(ui.getTranslation("export.progress.close"));
        VerticalLayout text = new VerticalLayout(new Span(ui.getTranslation("export.progress.ready", file.fileName())),
                link);
        text.setPadding(false);
        text.setSpacing(false);
        HorizontalLayout row = new HorizontalLayout(text, close);
        row.setAlignItems(HorizontalLayout.Alignment.START);
        n.add(row);
        n.open();
        // Start the download as if the person clicked the link; the link stays for browsers that block this.
        link.getElement().executeJs("this.click()");
    }

    private static void failed(UI ui, Notification progress, HasEnabled trigger, String text) {
        progress.close();
        trigger.setEnabled(true);
        error(text);
    }

    private static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        n.setId("export-error");
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public void destroy() {
        pool.shutdown(); // interrupts running exports: nobody will receive their files
    }
}
