package org.draftroom.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.Locale;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.ExportService;

/**
 * The "Download" menu of a draft: the version shown, as Word, HTML, Markdown, PDF or NISO STS XML. Each file is made
 * in the background with a progress notification, then offered (see {@link ExportJobs}).
 */
@org.springframework.stereotype.Component
class DownloadMenu implements DraftViewExtension {

    private final ExportService exports;
    private final ExportJobs jobs;

    DownloadMenu(ExportService exports, ExportJobs jobs) {
        this.exports = exports;
        this.jobs = jobs;
    }

    @Override
    public Component toolbarItem(DraftService.DraftSnapshot snapshot) {
        MenuBar menu = new MenuBar();
        menu.setId("download-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = menu.addItem(VaadinIcon.DOWNLOAD.create());
        root.add(" " + menu.getTranslation("export.download"));
        String projectId = snapshot.project().id();
        String commit = snapshot.version().commitId();
        Locale locale = UI.getCurrent().getLocale();
        for (ExportService.Format format : ExportService.Format.values()) {
            String name = format.name().toLowerCase(Locale.ROOT);
            String label = menu.getTranslation("export.format." + name);
            MenuItem item = root.getSubMenu().addItem(label);
            item.addClickListener(e -> jobs.start(menu, label, item,
                    () -> exports.export(projectId, commit, format, locale)));
            item.setId("download-" + name);
        }
        return menu;
    }
}
