package org.draftroom.comments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.draftroom.comments.domain.CommentFilter;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;

/** The "Comments (n)" entry of a draft's toolbar: opens the comments on the version shown. */
@org.springframework.stereotype.Component
class CommentsToolbarEntry implements DraftViewExtension {

    private final CommentReader comments;
    private final DraftService drafts;

    CommentsToolbarEntry(CommentReader comments, DraftService drafts) {
        this.comments = comments;
        this.drafts = drafts;
    }

    @Override
    public Component toolbarItem(DraftService.DraftSnapshot snapshot) {
        String projectId = snapshot.project().id();
        Button open = new Button();
        if (!comments.mayReadWorkingDraft(projectId)) {
            open.setVisible(false);
            return open;
        }
        int n = comments.count(projectId, CommentFilter.all());
        List<VersionInfo> latest = drafts.history(projectId, 0, 1);
        String commit = snapshot.version().commitId();
        String ref = !latest.isEmpty() && latest.get(0).commitId().equals(commit) ? null : commit;
        open.setText(open.getTranslation("comment.ui.toolbar", n));
        open.setIcon(VaadinIcon.COMMENTS.create());
        open.setId("open-comments");
        open.addClickListener(e -> open.getUI().ifPresent(ui -> ui.navigate(CommentsView.href(projectId, ref))));
        return open;
    }
}
