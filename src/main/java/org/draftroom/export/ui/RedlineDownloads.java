package org.draftroom.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.draftroom.drafts.RedlineViewExtension;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.export.ExportService;

/** Downloads of the redline shown: Word with tracked changes, and a printable HTML page. */
@org.springframework.stereotype.Component
class RedlineDownloads implements RedlineViewExtension {

    private final ExportService exports;

    RedlineDownloads(ExportService exports) {
        this.exports = exports;
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
            StreamResource resource = new StreamResource("redline." + name, () -> new ByteArrayInputStream(
                    exports.redline(projectId, from, to, format, locale).content()));
            resource.setContentType(format.contentType());
            Anchor link = new Anchor(resource, links.getTranslation("export.redline." + name));
            link.getElement().setAttribute("download", true);
            link.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
            link.setId("redline-download-" + name);
            links.add(link);
        }
        return links;
    }
}
