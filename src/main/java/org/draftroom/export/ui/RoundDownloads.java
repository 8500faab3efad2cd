package org.draftroom.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.Locale;
import java.util.Optional;
import org.draftroom.export.RoundExportService;
import org.draftroom.rounds.RoundViewExtension;

/**
 * The "Downloads" menu of a consultation round: the disposition table as XLSX, as the filled ISO template and as the
 * Chinese 意见汇总处理表, for staff of the round at any time and for reviewers after publication; the submission package
 * for staff. Each file is made in the background with a progress notification (see {@link ExportJobs}); a refusal
 * (comments still open, not published) is shown as the service words it.
 */
@org.springframework.stereotype.Component
class RoundDownloads implements RoundViewExtension {

    private final RoundExportService exports;
    private final ExportJobs jobs;

    RoundDownloads(RoundExportService exports, ExportJobs jobs) {
        this.exports = exports;
        this.jobs = jobs;
    }

    @Override
    public Optional<Component> headItem(long roundId) {
        if (!exports.mayDownloadTable(roundId)) {
            return Optional.empty();
        }
        MenuBar menu = new MenuBar();
        menu.setId("round-downloads");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        MenuItem root = menu.addItem(VaadinIcon.DOWNLOAD.create());
        root.add(" " + menu.getTranslation("export.round.downloads"));
        Locale locale = UI.getCurrent().getLocale();
        for (RoundExportService.TableFormat format : RoundExportService.TableFormat.values()) {
            String label = menu.getTranslation("export.round." + format.code());
            MenuItem item = root.getSubMenu().addItem(label);
            item.setId("round-download-" + format.code());
            item.addClickListener(e -> jobs.start(menu, label, item,
                    () -> exports.dispositionTable(roundId, format, locale)));
        }
        if (exports.mayDownloadPackage(roundId)) {
            String label = menu.getTranslation("export.round.package");
            MenuItem item = root.getSubMenu().addItem(label);
            item.setId("round-download-package");
            item.addClickListener(e -> jobs.start(menu, label, item,
                    () -> exports.submissionPackage(roundId, null, locale)));
        }
        return Optional.of(menu);
    }
}
