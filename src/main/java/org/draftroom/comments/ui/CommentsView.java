package org.draftroom.comments.ui;

import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.draftroom.drafts.domain.VersionNote;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Times;
import org.draftroom.comments.RoundMargin;
import org.draftroom.comments.RoundMargin.RoundRef;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.security.Access;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The comments on a version of a project's working draft ({@code ?ref=} a tag or commit; the latest by default): the
 * {@link CommentedDraft} with a title, the version line and a way back to the draft. With {@code ?round=} (or the
 * selector, for the round's staff) it shows instead that consultation round's comments carried onto this version,
 * with the dispositions being recorded and a way back to the round; nobody writes comments there.
 */
@Route(CommentsView.PATH)
@RolesAllowed({"ADMIN", "SECRETARIAT", "EDITOR"})
@StyleSheet("context://css/comments.css")
class CommentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId/comments";

    private final DraftService drafts;
    private final CommentService comments;
    private final CommentReader reader;
    private final Access access;
    private final DraftroomProperties properties;
    private final ObjectProvider<RoundMargin> rounds;
    private DraftService.DraftSnapshot snapshot;
    CommentedDraft commented;
    /** Whose comments are shown, for those who may see a round's (null otherwise). */
    Select<RoundRef> shown;

    CommentsView(DraftService drafts, CommentService comments, CommentReader reader, Access access,
                 DraftroomProperties properties,
                 ObjectProvider<RoundMargin> rounds) {
        this.drafts = drafts;
        this.comments = comments;
        this.reader = reader;
        this.access = access;
        this.properties = properties;
        this.rounds = rounds;
        setId("comments-view");
        setSizeFull();
    }

    /** The address of this view for a version ({@code ref} null or blank for the latest). */
    static String href(String projectId, String ref) {
        return href(projectId, ref, null);
    }

    /** The address of this view for a version and a round whose comments it shows (null: the working draft's). */
    static String href(String projectId, String ref, Long roundId) {
        List<String> query = new ArrayList<>();
        if (ref != null && !ref.isBlank()) {
            query.add("ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
        }
        if (roundId != null) {
            query.add("round=" + roundId);
        }
        return "projects/" + projectId + "/comments" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** The address of the draft view for a version. */
    static String draftHref(String projectId, String ref) {
        return "projects/" + projectId + (ref == null || ref.isBlank() ? ""
                : "?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
    }

    /** Goes to an address made by {@link #href}, query included. */
    static void navigate(UI ui, String href) {
        Location location = new Location(href);
        ui.navigate(location.getPath(), location.getQueryParameters());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String projectId = event.getRouteParameters().get("projectId").orElseThrow();
        String version = parameter(event, "ref");
        Long roundId = roundId(parameter(event, "round"));
        snapshot = drafts.open(projectId, version);
        removeAll();
        H2 title = new H2(getTranslation("comment.ui.title", snapshot.project().code(),
                snapshot.project().title(getLocale())));
        title.setId("comments-title");
        VersionInfo v = snapshot.version();
        Span versionLine = new Span(getTranslation("draft.version-line", v.shortId(), v.authorName(),
                Times.minutes(v.time(), properties.timeZone()), VersionNote.summary(v.message(), snapshot.outline(),
                        snapshot.language(), this::getTranslation)));
        versionLine.addClassName("version-line");
        versionLine.setId("version-line");
        Anchor back = new Anchor(draftHref(projectId, version), getTranslation("comment.ui.back-to-draft"));
        back.setId("back-to-draft");
        // Built first: the service refuses here who may not see these comments on this version.
        commented = new CommentedDraft(comments, reader, access, properties.timeZone(), snapshot, roundId);
        RoundMargin margin = rounds.getIfAvailable();
        List<RoundRef> projectRounds = margin == null ? List.of() : margin.rounds(projectId);
        RoundRef round = roundId == null ? null : projectRounds.stream().filter(r -> r.id() == roundId).findFirst()
                .orElseThrow(() -> new UserFacingException("round.not-found", String.valueOf(roundId)));
        HorizontalLayout head = new HorizontalLayout(versionLine, back);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        shown = projectRounds.isEmpty() ? null : selector(projectId, version, projectRounds, round);
        if (shown != null) {
            head.addComponentAsFirst(shown);
        }
        add(title, head);
        if (round != null) {
            Anchor toRound = new Anchor("rounds/" + round.id(), getTranslation("comment.margin.back-to-round"));
            toRound.setId("back-to-round");
            Div explain = new Div(new Span(getTranslation("comment.margin.explain", round.number(), round.label())),
                    new Span(" "), toRound);
            explain.addClassName("banner-info");
            explain.setId("round-mode-banner");
            add(explain);
            commented.showCarriedForward(margin);
        }
        List<VersionInfo> latest = drafts.history(projectId, 0, 1);
        if (!latest.isEmpty() && !latest.get(0).commitId().equals(v.commitId())) {
            Div banner = new Div(new Span(getTranslation("comment.ui.old-version", v.shortId())));
            banner.addClassName("banner-info");
            banner.setId("old-version-banner");
            Button toLatest = new Button(getTranslation("draft.open-latest"), VaadinIcon.ARROW_FORWARD.create(),
                    e -> getUI().ifPresent(ui -> navigate(ui, href(projectId, null, roundId))));
            toLatest.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            banner.add(toLatest);
            add(banner);
        }
        add(commented);
        setFlexGrow(1, commented);
        String comment = parameter(event, "comment");
        if (comment != null && comment.matches("\\d{1,18}")) {
            commented.show(Long.parseLong(comment));
        }
    }

    /** Chooses whose comments are shown: the working draft's, or a round's carried onto this version. */
    private Select<RoundRef> selector(String projectId, String version, List<RoundRef> projectRounds, RoundRef round) {
        Select<RoundRef> select = new Select<>();
        select.setLabel(getTranslation("comment.margin.shown"));
        select.setId("comments-shown");
        select.setWidth("18em");
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("comment.margin.working-draft"));
        select.setItemLabelGenerator(r -> r == null ? getTranslation("comment.margin.working-draft")
                : getTranslation("comment.margin.round", r.number(), r.label()));
        select.setItems(projectRounds);
        select.setValue(round);
        select.addValueChangeListener(e -> getUI().ifPresent(ui -> navigate(ui, href(projectId, version,
                e.getValue() == null ? null : e.getValue().id()))));
        return select;
    }

    private static String parameter(BeforeEnterEvent event, String name) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Long roundId(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(parameter.trim());
        } catch (NumberFormatException e) {
            throw new UserFacingException("round.not-found", parameter);
        }
    }

    @Override
    public String getPageTitle() {
        return snapshot == null ? getTranslation("app.name")
                : getTranslation("comment.ui.page-title", snapshot.project().code()) + " · "
                + getTranslation("app.name");
    }
}
