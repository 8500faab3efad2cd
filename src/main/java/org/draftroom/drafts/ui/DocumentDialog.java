package org.draftroom.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.Language;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.security.Access;

/**
 * The document settings of a project: the language the standard is written in and what its cover carries (ICS, CCS,
 * year or plan number, replaced standard, issuing bodies, dates of issue and implementation). Everyone who reads the
 * draft sees them; the secretariat changes them, as a new version of {@code project.yaml}.
 */
class DocumentDialog extends Dialog {

    DocumentDialog(ProjectService projects, Access access, Project project, Runnable onChange) {
        setId("document-dialog");
        setHeaderTitle(getTranslation("project.document"));
        setWidth("720px");
        DocumentInfo info = projects.documentInfo(project.id());
        boolean mayChange = access.canManageProjects();

        Select<Language> language = new Select<>();
        language.setLabel(getTranslation("project.document-language"));
        language.setItems(Language.values());
        language.setItemLabelGenerator(l -> getTranslation("project.document-language." + l.code()));
        language.setValue(info.language());
        language.setHelperText(getTranslation("project.document-language.help"));
        language.setId("document-language");
        TextField ics = field("project.ics", info.ics(), "document-ics");
        ics.setHelperText("35.030");
        TextField ccs = field("project.ccs", info.ccs(), "document-ccs");
        ccs.setHelperText("L80");
        TextField year = field("project.year", info.year(), "document-year");
        year.setHelperText(getTranslation("project.year.help"));
        TextField plan = field("project.plan-number", info.planNumber(), "document-plan-number");
        TextField replaces = field("project.replaces", info.replaces(), "document-replaces");
        replaces.setHelperText("GB/T 35273—2017");
        TextArea issuersZh = new TextArea(getTranslation("project.issuers-zh"));
        issuersZh.setValue(info.issuersZh());
        issuersZh.setPlaceholder(DocumentInfo.NATIONAL_ISSUERS_ZH);
        issuersZh.setId("document-issuers-zh");
        TextArea issuersEn = new TextArea(getTranslation("project.issuers-en"));
        issuersEn.setValue(info.issuersEn());
        issuersEn.setPlaceholder(DocumentInfo.NATIONAL_ISSUERS_EN);
        issuersEn.setId("document-issuers-en");
        DatePicker released = new DatePicker(getTranslation("project.release-date"), info.releaseDate());
        released.setId("document-release-date");
        DatePicker effective = new DatePicker(getTranslation("project.effective-date"), info.effectiveDate());
        effective.setId("document-effective-date");

        FormLayout form = new FormLayout(language, ics, ccs, year, plan, replaces, issuersZh, issuersEn, released,
                effective);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        form.getChildren().forEach(c -> ((com.vaadin.flow.component.HasEnabled) c).setEnabled(mayChange));
        add(new Paragraph(getTranslation("project.document.explain")), form);

        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        if (mayChange) {
            Button save = new Button(getTranslation("action.save"), e -> {
                try {
                    projects.changeDocumentInfo(project.id(), new DocumentInfo(language.getValue(), ics.getValue(),
                            ccs.getValue(), year.getValue(), plan.getValue(), replaces.getValue(),
                            issuersZh.getValue(), issuersEn.getValue(), released.getValue(), effective.getValue()));
                    Notices.success(getTranslation("project.document.saved"));
                    close();
                    onChange.run();
                } catch (UserFacingException refusal) {
                    Notices.show(this, refusal, Map.of("project.ics", ics, "project.ccs", ccs, "project.year", year,
                            "project.plan-number", plan, "project.replaces", replaces, "project.issuers-zh", issuersZh,
                            "project.issuers-en", issuersEn, "project.effective-date", effective));
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("document-save");
            getFooter().add(save);
        }
    }

    private TextField field(String key, String value, String id) {
        TextField field = new TextField(getTranslation(key));
        field.setValue(value);
        field.setId(id);
        return field;
    }
}
