package org.draftroom.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.ExportService;

/** The "Download" menu of a draft: the version shown, as Word, HTML, Markdown or NISO STS XML. */
@org.springframework.stereotype.Component
class DownloadMenu implements DraftViewExtension {

    private final ExportService exports;

    DownloadMenu(ExportService exports) {
        this.exports = exports;
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
        for (ExportService.Format format : ExportService.Format.values()) {
            Locale locale = UI.getCurrent().getLocale();
            StreamResource resource = new StreamResource(
                    ExportService.fileName(snapshot.project(), snapshot.version(), format),
                    () -> new ByteArrayInputStream(exports.export(projectId, commit, format, locale).content()));
            resource.setContentType(format.contentType());
            Anchor link = new Anchor(resource, menu.getTranslation("export.format." + format.name().toLowerCase(Locale.ROOT)));
            link.getElement().setAttribute("download", true);
            link.setId("download-" + format.name().toLowerCase(Locale.ROOT));
            root.getSubMenu().addItem(link);
        }
        return menu;
    }
}
