package org.draftroom.comments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.ui.Times;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.Access;

/**
 * The comments on a version of a project's working draft ({@code ?ref=} a tag or commit; the latest by default): the
 * {@link CommentedDraft} with a title, the version line and a way back to the draft.
 */
@Route(CommentsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
@StyleSheet("context://css/comments.css")
class CommentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId/comments";

    private final DraftService drafts;
    private final CommentService comments;
    private final Access access;
    private final DraftroomProperties properties;
    private DraftService.DraftSnapshot snapshot;
    CommentedDraft commented;

    CommentsView(DraftService drafts, CommentService comments, Access access, DraftroomProperties properties) {
        this.drafts = drafts;
        this.comments = comments;
        this.access = access;
        this.properties = properties;
        setId("comments-view");
        setSizeFull();
    }

    /** The address of this view for a version ({@code ref} null or blank for the latest). */
    static String href(String projectId, String ref) {
        return "projects/" + projectId + "/comments" + (ref == null || ref.isBlank() ? ""
                : "?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
    }

    /** The address of the draft view for a version. */
    static String draftHref(String projectId, String ref) {
        return "projects/" + projectId + (ref == null || ref.isBlank() ? ""
                : "?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String projectId = event.getRouteParameters().get("projectId").orElseThrow();
        List<String> ref = event.getLocation().getQueryParameters().getParameters().get("ref");
        String version = ref == null || ref.isEmpty() ? null : ref.get(0);
        snapshot = drafts.open(projectId, version);
        removeAll();
        H2 title = new H2(getTranslation("comment.ui.title", snapshot.project().code(),
                snapshot.project().title(getLocale())));
        title.setId("comments-title");
        VersionInfo v = snapshot.version();
        Span versionLine = new Span(getTranslation("draft.version-line", v.shortId(), v.authorName(),
                Times.minutes(v.time(), properties.timeZone()), v.subject()));
        versionLine.addClassName("version-line");
        versionLine.setId("version-line");
        Anchor back = new Anchor(draftHref(projectId, version), getTranslation("comment.ui.back-to-draft"));
        back.setId("back-to-draft");
        HorizontalLayout head = new HorizontalLayout(versionLine, back);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title, head);
        List<VersionInfo> latest = drafts.history(projectId, 0, 1);
        if (!latest.isEmpty() && !latest.get(0).commitId().equals(v.commitId())) {
            Div banner = new Div(new Span(getTranslation("comment.ui.old-version", v.shortId())));
            banner.addClassName("banner-info");
            banner.setId("old-version-banner");
            Button toLatest = new Button(getTranslation("draft.open-latest"), VaadinIcon.ARROW_FORWARD.create(),
                    e -> getUI().ifPresent(ui -> ui.getPage().setLocation(href(projectId, null))));
            toLatest.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            banner.add(toLatest);
            add(banner);
        }
        commented = new CommentedDraft(comments, access, properties.timeZone(), snapshot, null);
        add(commented);
        setFlexGrow(1, commented);
    }

    @Override
    public String getPageTitle() {
        return snapshot == null ? getTranslation("app.name")
                : getTranslation("comment.ui.page-title", snapshot.project().code()) + " · "
                + getTranslation("app.name");
    }
}
