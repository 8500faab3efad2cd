package org.draftroom.comments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.domain.Comment;
import org.draftroom.comments.domain.CommentForm;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.DiffSegment;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Redline;

/**
 * Writing a comment on selected words, a whole clause, or the whole document: type, the comment with its
 * justification, and an optional proposed change previewed as a redline against the quoted words (or the clause
 * text). A refusal is shown beside the field it is about and everything typed stays in the form.
 */
class CommentDialog extends Dialog {

    /** What the comment is about. */
    record Target(String clauseId, String clauseLabel, int start, int end, String quote, String original) {

        static Target general() {
            return new Target("", "", 0, 0, "", "");
        }

        boolean isGeneral() {
            return clauseId.isEmpty();
        }
    }

    final RadioButtonGroup<CommentType> type = new RadioButtonGroup<>();
    final TextArea body = new TextArea();
    final TextArea proposed = new TextArea();
    final Div preview = new Div();
    final Button save = new Button();

    CommentDialog(CommentService comments, String projectId, String commitId, Long roundId, Target target,
                  Consumer<Comment> created) {
        setId("comment-dialog");
        setHeaderTitle(getTranslation("comment.ui.new"));
        setWidth("min(760px, 96vw)");

        Div about = new Div();
        about.addClassName("dr-cdialog-about");
        about.setId("comment-target");
        if (target.isGeneral()) {
            about.add(new Span(getTranslation("comment.ui.target.general")));
        } else if (target.quote().isEmpty()) {
            about.add(new Span(getTranslation("comment.ui.target.clause", target.clauseLabel())));
        } else {
            about.add(new Span(getTranslation("comment.ui.target.words", target.clauseLabel())));
            Div quote = new Div(new Span(CommentCard.shorten(target.quote())));
            quote.addClassName("dr-ccard-quote");
            about.add(quote);
        }

        type.setLabel(getTranslation("comment.ui.type"));
        type.setItems(List.of(CommentType.values()));
        type.setItemLabelGenerator(t -> t.code() + " · " + getTranslation("comment.ui.type." + t.code()));
        type.setRequired(true);
        type.setId("comment-type");

        body.setLabel(getTranslation("comment.ui.body"));
        body.setHelperText(getTranslation("comment.ui.body.help", CommentService.MAX_TEXT));
        body.setWidthFull();
        body.setMinHeight("140px");
        body.setRequired(true);
        body.setId("comment-body");
        body.setValueChangeMode(ValueChangeMode.ON_CHANGE);

        proposed.setLabel(getTranslation("comment.ui.proposed-change"));
        proposed.setHelperText(getTranslation(target.quote().isEmpty() && !target.isGeneral()
                ? "comment.ui.proposed-change.help.clause" : "comment.ui.proposed-change.help"));
        proposed.setWidthFull();
        proposed.setId("comment-proposed");
        proposed.setValueChangeMode(ValueChangeMode.LAZY);
        proposed.setValueChangeTimeout(300);
        proposed.addValueChangeListener(e -> showPreview(target.original(), e.getValue()));
        if (!target.original().isEmpty()) {
            proposed.setValue(target.original());
        }
        preview.addClassName("dr-cpreview");
        preview.setId("comment-preview");
        showPreview(target.original(), proposed.getValue());

        save.setText(getTranslation("comment.ui.submit"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("comment-submit");
        save.addClickListener(e -> {
            clearErrors();
            if (type.getValue() == null) {
                type.setErrorMessage(getTranslation("comment.ui.type.required"));
                type.setInvalid(true);
                return;
            }
            if (body.getValue().isBlank()) {
                body.setErrorMessage(getTranslation("comment.ui.body.required"));
                body.setInvalid(true);
                return;
            }
            String change = proposed.getValue().equals(target.original()) ? "" : proposed.getValue();
            try {
                Comment comment = comments.create(projectId, commitId, new CommentForm(roundId, type.getValue(),
                        target.clauseId(), target.start(), target.end(), target.quote(), body.getValue(), change));
                close();
                created.accept(comment);
            } catch (UserFacingException refusal) {
                showRefusal(refusal, change);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("comment-cancel");
        add(about, type, body, proposed, preview);
        getFooter().add(cancel, save);
    }

    private void showRefusal(UserFacingException refusal, String change) {
        String text = getTranslation(refusal.messageKey(), refusal.args());
        boolean aboutProposal = refusal.messageKey().equals("comment.too-long")
                && body.getValue().length() <= CommentService.MAX_TEXT && change.length() > CommentService.MAX_TEXT;
        TextArea field = aboutProposal ? proposed : body;
        if (refusal.messageKey().startsWith("comment.anchor") || refusal.messageKey().equals("comment.quote.missing")) {
            org.draftroom.base.ui.Notices.error(text);
        }
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    private void clearErrors() {
        type.setInvalid(false);
        body.setInvalid(false);
        proposed.setInvalid(false);
    }

    /** The proposed change as a redline against the quoted words (or the clause text). */
    private void showPreview(String original, String change) {
        preview.removeAll();
        if (change == null || change.isEmpty() || change.equals(original)) {
            preview.setVisible(false);
            return;
        }
        preview.setVisible(true);
        StringBuilder html = new StringBuilder("<div class=\"dr-cpreview-body\">");
        for (DiffSegment segment : Redline.diff(original, change)) {
            String text = DraftHtml.escape(segment.text());
            switch (segment.op()) {
                case EQUAL -> html.append(text);
                case INSERT -> html.append("<ins>").append(text).append("</ins>");
                case DELETE -> html.append("<del>").append(text).append("</del>");
            }
        }
        preview.add(new Span(getTranslation("comment.ui.preview")));
        preview.add(new com.vaadin.flow.component.Html(html.append("</div>").toString()));
    }
}
