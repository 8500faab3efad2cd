package org.draftroom.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;
import org.draftroom.drafts.RedlineViewExtension;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.ExportService;

/**
 * Downloads of the redline shown: Word with tracked changes, and a printable HTML page; made in the background with a
 * progress notification (see {@link ExportJobs}).
 */
@org.springframework.stereotype.Component
class RedlineDownloads implements RedlineViewExtension {

    private final ExportService exports;
    private final ExportJobs jobs;

    RedlineDownloads(ExportService exports, ExportJobs jobs) {
        this.exports = exports;
        this.jobs = jobs;
    }

    @Override
    public Component toolbarItem(DraftService.Comparison comparison, String projectId) {
        HorizontalLayout links = new HorizontalLayout();
        links.setAlignItems(HorizontalLayout.Alignment.CENTER);
        String from = comparison.from().commitId();
        String to = comparison.to().commitId();
        Locale locale = UI.getCurrent().getLocale();
        for (ExportService.RedlineFormat format : ExportService.RedlineFormat.values()) {
            String name = format.name().toLowerCase(Locale.ROOT);
            String label = links.getTranslation("export.redline." + name);
            Button button = new Button(label, VaadinIcon.DOWNLOAD.create());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            button.setId("redline-download-" + name);
            button.addClickListener(e -> jobs.start(links, label, button,
                    () -> exports.redline(projectId, from, to, format, locale)));
            links.add(button);
        }
        return links;
    }
}
