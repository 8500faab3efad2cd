package org.draftroom.rounds.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.draftroom.drafts.domain.DiffSegment;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.service.DispositionService;

/**
 * The right-hand side of the disposition workspace: one comment with what the secretariat needs to decide on it (the
 * organisation, the quoted words in their clause as frozen and as the working draft has them now, the proposed change
 * as a redline, the duplicate group and what its other comments got), and the decision typed in place. The panel
 * ({@link DispositionsPanel}) owns the saving, the keyboard and the moving on.
 */
class DispositionDetail extends VerticalLayout {

    /** Built-in reason templates (常用理由), message keys. */
    static final List<String> TEMPLATES = List.of("dispositions.template.scope", "dispositions.template.elsewhere",
            "dispositions.template.no-justification", "dispositions.template.next-revision",
            "dispositions.template.conflict", "dispositions.template.editorial");

    final Span heading = new Span();
    final Div body = new Div();
    final Div clause = new Div();
    final Div current = new Div();
    final Div redline = new Div();
    final Div group = new Div();
    final RadioButtonGroup<Disposition> disposition = new RadioButtonGroup<>();
    final TextArea reason = new TextArea();
    final ComboBox<String> templates = new ComboBox<>();
    final TextField applied = new TextField();
    final ComboBox<Map.Entry<Long, String>> assignee = new ComboBox<>();
    final Button saveNext = new Button();
    final Button applyGroup = new Button();
    final Button applySelected = new Button();
    final Button ungroup = new Button();
    private final Div empty = new Div();
    private final VerticalLayout content = new VerticalLayout();

    DispositionDetail(List<Map.Entry<Long, String>> editors) {
        setId("disposition-detail");
        addClassName("disposition-detail");
        setPadding(true);
        setSpacing(false);
        empty.setText(getTranslation("dispositions.workspace.pick"));
        empty.addClassName("disposition-empty");
        heading.setId("detail-heading");
        heading.addClassName("detail-heading");
        body.setId("detail-body");
        body.addClassName("detail-text");
        clause.setId("detail-clause");
        clause.addClassName("detail-clause");
        current.setId("detail-current");
        current.addClassName("detail-clause");
        redline.setId("detail-redline");
        redline.addClassName("detail-text");
        group.setId("detail-group");
        ungroup.setText(getTranslation("dispositions.ungroup"));
        ungroup.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        ungroup.setId("detail-ungroup");

        disposition.setLabel(getTranslation("dispositions.disposition"));
        disposition.setItems(Disposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation(d.labelKey()) + " (Alt+" + key(d) + ")");
        disposition.setId("disposition-choice");
        reason.setLabel(getTranslation("dispositions.reason"));
        reason.setPlaceholder(getTranslation("dispositions.reason.help"));
        reason.setWidthFull();
        reason.setMaxHeight("8em");
        reason.setId("disposition-reason");
        // Every keystroke reaches the server, so a keyboard shortcut right after typing saves what was typed.
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        templates.setPlaceholder(getTranslation("dispositions.templates"));
        templates.getElement().setAttribute("aria-label", getTranslation("dispositions.templates"));
        templates.setId("disposition-templates");
        templates.setWidth("16em");
        templates.addThemeName("small");
        templates.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                String before = reason.getValue().isBlank() ? "" : reason.getValue().strip() + "\n";
                reason.setValue(before + e.getValue());
                templates.clear();
                reason.focus();
            }
        });
        applied.setLabel(getTranslation("dispositions.applied"));
        applied.setHelperText(getTranslation("dispositions.applied.help"));
        applied.setId("disposition-applied");
        assignee.setLabel(getTranslation("dispositions.assignee"));
        assignee.setItems(editors);
        assignee.setItemLabelGenerator(Map.Entry::getValue);
        assignee.setClearButtonVisible(true);
        assignee.setId("disposition-assignee");
        Details more = new Details(getTranslation("dispositions.more"), new HorizontalLayout(assignee, applied));
        saveNext.setText(getTranslation("dispositions.save-next"));
        saveNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveNext.setId("disposition-save");
        saveNext.getElement().setAttribute("title", "Ctrl+Enter");
        applyGroup.setId("disposition-apply-group");
        applyGroup.getElement().setAttribute("title", "Ctrl+Shift+Enter");
        applySelected.setId("disposition-apply-selected");
        HorizontalLayout actions = new HorizontalLayout(saveNext, applyGroup, applySelected, templates);
        actions.setWrap(true);
        Span keys = new Span(getTranslation("dispositions.shortcuts"));
        keys.addClassName("detail-keys");

        content.setPadding(false);
        content.setSpacing(false);
        content.add(heading, body, label("dispositions.detail.quote"), clause, current,
                label("dispositions.proposed"), redline, group, disposition, reason, actions, keys, more);
        add(empty);
    }

    private H4 label(String key) {
        H4 h = new H4(getTranslation(key));
        h.addClassName("detail-label");
        return h;
    }

    static char key(Disposition d) {
        return switch (d) {
            case ACCEPTED -> 'A';
            case PARTLY_ACCEPTED -> 'P';
            case NOT_ACCEPTED -> 'N';
            case NOTED -> 'O';
        };
    }

    /** Shows this comment; {@code members} are the other comments of its duplicate group (empty when none). */
    void show(DispositionRow row, DispositionService.CommentContext context, List<DispositionRow> members,
              boolean conflicting, List<String> frequentReasons, List<Map.Entry<Long, String>> editors) {
        removeAll();
        add(content);
        var c = row.comment();
        String where = row.clauseNumber().isEmpty() ? getTranslation("comment.anchor.general")
                : row.clauseNumber() + " " + context.clauseTitle();
        // the line number and paragraph/figure/table the reviewer's sheet gave, as the comment card shows them
        String place = (c.lineNumber().isBlank() ? "" : " · " + getTranslation("comment.place.line", c.lineNumber()))
                + (c.location().isBlank() ? "" : " · " + c.location());
        heading.setText(c.readableId() + " · " + Objects.toString(c.organisationCode(), "—") + " · "
                + c.type().code() + " · " + where + place
                + (c.late() ? " · " + getTranslation("dispositions.late") : ""));
        body.setText(c.body());

        if (row.clauseNumber().isEmpty()) {
            clause.setText(getTranslation("dispositions.detail.general"));
            current.setVisible(false);
        } else {
            String frozen = context.frozenText();
            clause.getElement().setProperty("innerHTML", "<div class=\"detail-caption\">"
                    + escape(getTranslation("dispositions.detail.frozen", row.clauseNumber())) + "</div>"
                    + escape(frozen.substring(0, context.quoteStart()))
                    + "<mark>" + escape(frozen.substring(context.quoteStart(), context.quoteEnd())) + "</mark>"
                    + escape(frozen.substring(context.quoteEnd())));
            current.setVisible(true);
            if (context.currentText().isEmpty()) {
                current.setText(getTranslation("dispositions.detail.current.gone"));
            } else if (context.currentText().equals(frozen)) {
                current.setText(getTranslation("dispositions.detail.current.same"));
            } else {
                current.getElement().setProperty("innerHTML", "<div class=\"detail-caption\">"
                        + escape(getTranslation("dispositions.detail.current", context.currentNumber())) + "</div>"
                        + escape(context.currentText()));
            }
        }
        if (context.redline().isEmpty()) {
            redline.setText("—");
        } else {
            StringBuilder html = new StringBuilder();
            for (DiffSegment s : context.redline()) {
                switch (s.op()) {
                    case EQUAL -> html.append(escape(s.text()));
                    case INSERT -> html.append("<ins class=\"dr-ins\">").append(escape(s.text())).append("</ins>");
                    case DELETE -> html.append("<del class=\"dr-del\">").append(escape(s.text())).append("</del>");
                }
            }
            redline.getElement().setProperty("innerHTML", html.toString());
        }

        String name = row.disposition().duplicateGroup();
        group.removeAll();
        group.removeClassName("detail-conflict");
        if (name == null) {
            group.add(new Span(getTranslation("dispositions.detail.no-group")));
            applyGroup.setVisible(false);
        } else {
            group.add(new Span(getTranslation("dispositions.detail.group", name, members.size() + 1)));
            for (DispositionRow m : members) {
                Span member = new Span(m.comment().readableId() + " (" + Objects.toString(m.comment().organisationCode(),
                        "—") + "): " + (m.disposition().disposition() == null ? getTranslation("dispositions.undecided")
                        : getTranslation(m.disposition().disposition().labelKey())
                        + (m.disposition().reason() == null ? "" : " — " + m.disposition().reason())));
                member.addClassName("detail-member");
                group.add(member);
            }
            if (conflicting) {
                Span warning = new Span(getTranslation("dispositions.group.conflict"));
                warning.setId("detail-group-conflict");
                warning.addClassName("detail-warning");
                group.add(warning);
                group.addClassName("detail-conflict");
            }
            group.add(ungroup);
            applyGroup.setText(getTranslation("dispositions.apply-group", name, members.size() + 1));
            applyGroup.setVisible(true);
        }

        disposition.setValue(row.disposition().disposition());
        reason.setInvalid(false);
        reason.setValue(Objects.toString(row.disposition().reason(), ""));
        List<String> offered = new ArrayList<>();
        TEMPLATES.forEach(k -> offered.add(getTranslation(k)));
        frequentReasons.stream().filter(r -> !offered.contains(r)).forEach(offered::add);
        templates.setItems(offered);
        applied.setValue(Objects.toString(row.disposition().appliedCommitId(), ""));
        assignee.clear();
        editors.stream().filter(e -> e.getKey().equals(row.disposition().assigneeId())).findFirst()
                .ifPresent(assignee::setValue);
    }

    /** Says how many rows are selected, offering to decide on them together when there are at least two. */
    void selected(int count) {
        applySelected.setVisible(count >= 2);
        applySelected.setText(getTranslation("dispositions.apply-selected", count));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
