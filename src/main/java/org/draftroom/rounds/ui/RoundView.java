package org.draftroom.rounds.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.ui.Times;
import org.draftroom.comments.service.CommentReader;
import org.draftroom.comments.service.CommentService;
import org.draftroom.comments.ui.CommentedDraft;
import org.draftroom.rounds.RoundViewExtension;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundChange;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.domain.Submission;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundActions;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.rounds.service.SheetService;
import org.draftroom.rounds.service.SubmissionService;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;

/**
 * One consultation round: its window, audience and instructions; the frozen version with its comments (the comments
 * module's {@link CommentedDraft}); for reviewers, their organisation's submission; for the secretariat and the
 * working group's editors, the dashboard, the submissions, the dispositions and the history of changes.
 */
@Route(RoundView.PATH)
@PermitAll
@StyleSheet("context://css/rounds.css")
@StyleSheet("context://css/comments.css")
class RoundView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "rounds/:roundId";

    private final RoundService rounds;
    private final RoundLifecycleService lifecycle;
    private final SubmissionService submissionService;
    private final DispositionService dispositions;
    private final RoundActions actions;
    private final CommentService comments;
    private final CommentReader reader;
    private final Access access;
    private final SheetService sheets;
    private final List<RoundViewExtension> extensions;
    private Round round;
    private boolean staff;
    private boolean rendering;
    final Div content = new Div();
    final Tabs tabs = new Tabs();
    final Map<Tab, Supplier<Component>> pages = new LinkedHashMap<>();

    RoundView(RoundService rounds, RoundLifecycleService lifecycle, SubmissionService submissionService,
              DispositionService dispositions, CommentService comments, CommentReader reader, Access access,
              SheetService sheets,
              List<RoundViewExtension> extensions, RoundActions actions) {
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        this.submissionService = submissionService;
        this.actions = actions;
        this.extensions = extensions;
        this.sheets = sheets;
        this.dispositions = dispositions;
        this.comments = comments;
        this.reader = reader;
        this.access = access;
        setId("round-view");
        setSizeFull();
        // Once: render() rebuilds the tabs, and each page is built only when shown, once per render.
        tabs.addSelectedChangeListener(e -> {
            if (!rendering) {
                show(e.getSelectedTab());
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("roundId").orElse(""));
        } catch (NumberFormatException e) {
            throw new UserFacingException("round.not-found", event.getRouteParameters().get("roundId").orElse(""));
        }
        round = rounds.get(id);
        List<String> comment = event.getLocation().getQueryParameters().getParameters().get("comment");
        commentToShow = comment == null || comment.isEmpty() || !comment.get(0).matches("\\d{1,18}") ? null
                : Long.valueOf(comment.get(0));
        render();
        if (commentToShow != null) {
            select("tab-draft");
        }
    }

    /** A comment to open on the draft tab (a search result's {@code ?comment=}), once. */
    private Long commentToShow;

    private void render() {
        String shownTab = tabs.getSelectedTab() == null ? null : tabs.getSelectedTab().getId().orElse(null);
        rendering = true;
        try {
            build(shownTab);
        } finally {
            rendering = false;
        }
        show(tabs.getSelectedTab());
    }

    private void build(String shownTab) {
        removeAll();
        pages.clear();
        tabs.removeAll();
        CurrentUser me = access.current();
        staff = dispositions.isStaff(round.id());
        Instant now = rounds.now();

        H2 title = new H2(round.title());
        title.setId("round-title");
        HorizontalLayout head = new HorizontalLayout(title, RoundsUi.stateBadge(this, round, now));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWidthFull();
        head.addClassName("round-head");
        Span window = new Span(getTranslation("rounds.window", RoundsUi.time(round.opensAt(), rounds.zone()),
                RoundsUi.time(round.closesAt(), rounds.zone())) + (round.closedEarly()
                ? " · " + getTranslation("round.change.closed-early") : ""));
        window.setId("round-window");
        Span version = new Span(getTranslation("rounds.frozen-version", round.tagName(),
                round.commitId().substring(0, 10)));
        Span audience = new Span(getTranslation("round.audience") + ": " + (round.audience() == Audience.PUBLIC
                ? getTranslation("round.audience.public")
                : round.organisations().stream().map(o -> o.code() + " " + o.name(getLocale()))
                .collect(Collectors.joining(", "))));
        audience.setId("round-audience-line");
        Div info = new Div(window, version, audience);
        info.addClassName("round-info");
        if (rounds.canManage()) {
            Component actions = managementBar(now);
            head.add(actions);
            head.setFlexGrow(1, actions);
        }
        if (staff) {
            Anchor onCurrentDraft = new Anchor(CommentedDraft.carriedForwardHref(round.projectId(), round.id()),
                    getTranslation("rounds.show-on-current-draft"));
            onCurrentDraft.setId("round-on-current-draft");
            info.add(onCurrentDraft);
        }
        extensions.forEach(x -> x.headItem(round.id()).ifPresent(info::add));
        add(head, info);
        if (!round.instructions().isBlank()) {
            Paragraph instructions = new Paragraph(round.instructions());
            instructions.addClassName("round-instructions");
            instructions.setId("round-instructions-text");
            Details details = new Details(getTranslation("round.instructions"), instructions);
            // Closed for everyone: the frozen draft gets the screen; one click reads the instructions.
            details.setOpened(false);
            details.setId("round-instructions");
            add(details);
        }
        if (!staff && rounds.isInAudience(round.id())) {
            add(submissionBar(me, now));
        }

        addPage("rounds.tab.draft", "tab-draft", () -> {
            CommentedDraft draft = new CommentedDraft(comments, reader, access, rounds.zone(),
                    rounds.frozenDraft(round.id()),
                    round.id());
            // The service says whether comments can be made here at all (not once published or submitted).
            draft.offerComments(actions.allowed(round.id()).comment());
            draft.compactFilters();
            draft.setSizeFull();
            if (commentToShow != null) {
                draft.show(commentToShow);
                commentToShow = null;
            }
            return draft;
        });
        if (staff) {
            addPage("rounds.tab.dashboard", "tab-dashboard", () -> new RoundDashboard(rounds, dispositions, round));
        }
        if (staff && round.state(now) != RoundState.SCHEDULED && round.state(now) != RoundState.OPEN
                || round.publishedAt() != null) {
            addPage("rounds.tab.dispositions", "tab-dispositions",
                    () -> new DispositionsPanel(rounds, dispositions, round, staff, me, this::reload));
        }
        if (staff) {
            addPage("rounds.tab.history", "tab-history", this::history);
        }
        tabs.setId("round-tabs");
        // A single page needs no tabs (a reviewer's open round): its height goes to the draft.
        tabs.setVisible(pages.size() > 1);
        // After a re-render (an action of the secretariat) the same tab; on arrival the dispositions once there are
        // any to record or read (the secretariat's work after closing, the reviewers' after publication).
        select(shownTab != null ? shownTab : "tab-dispositions");
        content.setId("round-content");
        content.addClassName("round-content");
        add(tabs, content);
        setFlexGrow(1, content);
    }

    private void addPage(String key, String id, Supplier<Component> page) {
        Tab tab = new Tab(getTranslation(key));
        tab.setId(id);
        tabs.add(tab);
        pages.put(tab, page);
    }

    private void show(Tab tab) {
        content.removeAll();
        if (tab != null && pages.containsKey(tab)) {
            content.add(pages.get(tab).get());
        }
    }

    /** Shows the tab with this id (tests and links). */
    void select(String tabId) {
        pages.keySet().stream().filter(t -> tabId.equals(t.getId().orElse(""))).findFirst()
                .ifPresent(tabs::setSelectedTab);
    }

    private void reload() {
        round = rounds.get(round.id());
        render();
    }

    private Component managementBar(Instant now) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("round-actions");
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        RoundState state = round.state(now);
        if (state == RoundState.SCHEDULED) {
            bar.add(action("round-open-now", "rounds.open-now", VaadinIcon.PLAY, () -> new ReasonDialog(
                    "open-now-dialog", getTranslation("rounds.open-now"), null, getTranslation("rounds.open-now"),
                    null, null, rounds.zone(), (reason, time) -> lifecycle.openNow(round.id(), reason), this::reload)));
        }
        if (state != RoundState.PUBLISHED) {
            bar.add(action("round-extend", "rounds.extend", VaadinIcon.CALENDAR_CLOCK, () -> new ReasonDialog(
                    "extend-dialog", getTranslation("rounds.extend"), getTranslation("rounds.extend.explain"),
                    getTranslation("rounds.extend"), "round.closes-at", round.closesAt().plus(java.time.Duration.ofDays(14)),
                    rounds.zone(), (reason, time) -> lifecycle.extend(round.id(), time, reason), this::reload)));
        }
        lifecycle.proposedStage(round.id()).ifPresent(next -> {
            Button move = new Button(getTranslation("rounds.stage.propose", getTranslation(next.labelKey())),
                    VaadinIcon.FLAG_CHECKERED.create(), e -> {
                        lifecycle.moveToProposedStage(round.id());
                        Notices.success(getTranslation("project.stage.moved", getTranslation(next.labelKey())));
                        reload();
                    });
            move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            move.setId("round-next-stage");
            bar.add(move);
        });
        if (state == RoundState.OPEN) {
            bar.add(action("round-close", "rounds.close-early", VaadinIcon.STOP, () -> new ReasonDialog(
                    "close-dialog", getTranslation("rounds.close-early"), getTranslation("rounds.close-early.explain"),
                    getTranslation("rounds.close-early"), null, null, rounds.zone(),
                    (reason, time) -> lifecycle.closeEarly(round.id(), reason), this::reload)));
        }
        return bar;
    }

    private Button action(String id, String key, VaadinIcon icon, Supplier<ReasonDialog> dialog) {
        Button button = new Button(getTranslation(key), icon.create(), e -> dialog.get().open());
        button.setId(id);
        return button;
    }

    private Component submissionBar(CurrentUser me, Instant now) {
        Div bar = new Div();
        bar.setId("submission-bar");
        bar.addClassName("banner-info");
        Optional<Submission> submission = submissionService.mySubmission(round.id());
        Anchor download = new Anchor(new StreamResource("comments-" + round.projectCode().replaceAll("[^A-Za-z0-9]+", "-")
                + "-" + me.organisationCode() + ".docx", () -> new ByteArrayInputStream(sheets.organisationSheet(round.id()))),
                getTranslation("rounds.sheet.download"));
        download.getElement().setAttribute("download", true);
        download.setId("download-sheet");
        if (submission.filter(Submission::isFinal).isPresent()) {
            Submission s = submission.get();
            bar.add(new Span(getTranslation("rounds.submitted", String.valueOf(me.organisationCode()), s.submittedBy(),
                    RoundsUi.time(s.submittedAt(), rounds.zone()))), download);
            return bar;
        }
        if (round.state(now) != RoundState.OPEN) {
            bar.add(new Span(getTranslation(round.state(now) == RoundState.SCHEDULED ? "round.write.not-open"
                    : "round.write.closed")));
            return bar;
        }
        bar.add(new Span(getTranslation("rounds.submit.explain", String.valueOf(me.organisationCode()),
                RoundsUi.time(round.closesAt(), rounds.zone()))));
        Button submit = new Button(getTranslation("rounds.submit"), VaadinIcon.PAPERPLANE.create());
        RoundActions.Allowed allowed = actions.allowed(round.id());
        submit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (allowed.submitIsPrimary()) {
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        submit.setVisible(allowed.submit());
        submit.setId("submit-comments");
        submit.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("rounds.submit"),
                    getTranslation("rounds.submit.confirm", String.valueOf(me.organisationCode())),
                    getTranslation("rounds.submit"), ok -> {
                try {
                    submissionService.submit(round.id());
                    Notices.success(getTranslation("rounds.submit.done"));
                    reload();
                } catch (UserFacingException refusal) {
                    Notices.show(this, refusal, Map.of());
                }
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setId("submit-confirm");
            confirm.open();
        });
        Button upload = new Button(getTranslation("rounds.sheet.title"), VaadinIcon.UPLOAD.create(),
                e -> new SheetUploadDialog(sheets, round, this::reload).open());
        upload.addThemeVariants(ButtonVariant.LUMO_SMALL);
        upload.setId("upload-sheet");
        bar.add(submit, upload, download);
        return bar;
    }

    private Component history() {
        VerticalLayout page = new VerticalLayout();
        page.setPadding(false);
        page.add(new H3(getTranslation("rounds.submissions")));
        Grid<Submission> submissions = new Grid<>();
        submissions.addColumn(Submission::organisationCode).setHeader(getTranslation("rounds.organisation"))
                .setAutoWidth(true);
        submissions.addColumn(s -> s.isFinal() ? Times.minutes(s.submittedAt(), rounds.zone()) + " · "
                + s.submittedBy() : getTranslation("rounds.submission.reopened-by", s.reopenedBy(),
                Times.minutes(s.reopenedAt(), rounds.zone()), s.reopenReason()))
                .setHeader(getTranslation("rounds.submission")).setFlexGrow(1);
        if (rounds.canManage()) {
            submissions.addComponentColumn(s -> {
                Button reopen = new Button(getTranslation("rounds.submission.reopen"), e -> new ReasonDialog(
                        "reopen-dialog", getTranslation("rounds.submission.reopen"), null,
                        getTranslation("rounds.submission.reopen"), null, null, rounds.zone(),
                        (reason, time) -> submissionService.reopenSubmission(round.id(), s.organisationId(), reason),
                        this::reload).open());
                reopen.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                reopen.setVisible(s.isFinal() && round.publishedAt() == null);
                return reopen;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        List<Submission> list = submissionService.submissions(round.id());
        submissions.setItems(list);
        submissions.setAllRowsVisible(true);
        submissions.setId("submissions-grid");
        page.add(submissions);
        if (rounds.canManage() && round.state(rounds.now()) == RoundState.CLOSED) {
            for (InvitedOrganisation o : round.organisations()) {
                Button late = new Button(getTranslation("rounds.allow-late", o.code()), e -> new ReasonDialog(
                        "late-dialog", getTranslation("rounds.allow-late", o.code()), null,
                        getTranslation("rounds.allow-late", o.code()), "round.late-until",
                        rounds.now().plus(java.time.Duration.ofDays(3)), rounds.zone(),
                        (reason, time) -> lifecycle.allowLateComments(round.id(), o.id(), time, reason),
                        this::reload).open());
                late.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                page.add(late);
            }
        }
        page.add(new H3(getTranslation("rounds.history")));
        Div timeline = new Div();
        timeline.setId("round-history");
        for (RoundChange change : rounds.changes(round.id())) {
            Div entry = new Div();
            entry.addClassName("stage-entry");
            Span when = new Span(Times.minutes(change.changedAt(), rounds.zone()) + " · " + access.nameOf(change.changedBy()));
            when.addClassName("stage-when");
            Span what = new Span(getTranslation(change.labelKey()) + (change.detail().isBlank() ? ""
                    : " · " + readable(change.detail())));
            what.addClassName("stage-what");
            Span why = new Span(change.reason());
            why.addClassName("stage-why");
            entry.add(when, what, why);
            timeline.add(entry);
        }
        page.add(timeline);
        return page;
    }

    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");

    /** A change's detail with its instants in the committee's zone and the audience in words. */
    private String readable(String detail) {
        String text = INSTANT.matcher(detail).replaceAll(m -> Times.minutes(Instant.parse(m.group()), rounds.zone()));
        return text.replace("INVITED", getTranslation("round.audience.invited"))
                .replace("PUBLIC", getTranslation("round.audience.public"));
    }

    @Override
    public String getPageTitle() {
        return (round == null ? "" : round.title() + " · ") + getTranslation("app.name");
    }
}
