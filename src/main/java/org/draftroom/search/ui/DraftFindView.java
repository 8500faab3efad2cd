package org.draftroom.search.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.base.ui.Notices;
import org.draftroom.drafts.domain.DraftHtml;
import org.draftroom.drafts.domain.Redline;
import org.draftroom.drafts.domain.RedlineHtml;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.search.index.IndexedItem;
import org.draftroom.search.index.Snippets;
import org.draftroom.search.service.FindReplace;
import org.draftroom.search.service.SearchService;
import org.draftroom.search.service.TermComparison;
import org.draftroom.search.service.VersionSearch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * A version of a draft with find: every occurrence marked, a count, next and previous; opened from a search result at
 * its clause. Editors of the project also replace over the whole draft: the preview shows every change as a redline,
 * and applying saves one version. Terms of the draft that other standards define too are listed beside the text, with
 * a warning where the definitions differ. The version is the working draft (for those who read it, by the drafts
 * module's rule) or, with {@code round=}, a round's frozen text (by the rounds module's rule).
 */
@Route(DraftFindView.PATH)
@PermitAll
@StyleSheet("context://css/search.css")
class DraftFindView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "projects/:projectId/find";

    private final DraftService drafts;
    private final RoundService rounds;
    private final SearchService search;
    private final VersionSearch versions;
    private final DraftroomProperties properties;
    private DraftService.DraftSnapshot snapshot;
    private String roundLabel;
    private final H2 title = new H2();
    private final TextField find = new TextField();
    private final Span count = new Span();
    private final TextField replace = new TextField();
    private final HorizontalLayout replaceBar = new HorizontalLayout();
    private final Div terms = new Div();
    private final Div document = new Div();
    private final Button firstVersion = new Button();
    private final Span firstResult = new Span();
    private int marks;
    private int current;
    private String clause;

    DraftFindView(DraftService drafts, RoundService rounds, SearchService search, VersionSearch versions,
                  DraftroomProperties properties) {
        this.properties = properties;
        this.drafts = drafts;
        this.rounds = rounds;
        this.search = search;
        this.versions = versions;
        setId("find-view");
        find.setId("find-query");
        find.setLabel(getTranslation("find.query"));
        find.setClearButtonVisible(true);
        find.setPrefixComponent(VaadinIcon.SEARCH.create());
        find.addKeyPressListener(Key.ENTER, e -> {
            if (marks > 0 && find.getValue().equals(lastFind)) {
                step(1);
            } else {
                mark();
            }
        });
        Button previous = new Button(VaadinIcon.ARROW_UP.create(), e -> step(-1));
        previous.setId("find-previous");
        previous.setAriaLabel(getTranslation("find.previous"));
        previous.setTooltipText(getTranslation("find.previous"));
        Button next = new Button(VaadinIcon.ARROW_DOWN.create(), e -> step(1));
        next.setId("find-next");
        next.setAriaLabel(getTranslation("find.next"));
        next.setTooltipText(getTranslation("find.next"));
        count.setId("find-count");
        firstVersion.setText(getTranslation("find.first-version"));
        firstVersion.setIcon(VaadinIcon.CLOCK.create());
        firstVersion.setId("find-first-version");
        firstVersion.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        firstVersion.addClickListener(e -> showFirstVersion());
        firstResult.setId("find-first-result");
        HorizontalLayout findBar = new HorizontalLayout(find, previous, next, count, firstVersion, firstResult);
        findBar.setWrap(true);
        findBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        replace.setId("find-replacement");
        replace.setLabel(getTranslation("find.replace"));
        Button preview = new Button(getTranslation("find.preview"), e -> preview());
        preview.setId("find-preview");
        replaceBar.add(replace, preview);
        replaceBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        terms.setId("find-terms");
        terms.addClassName("find-terms");
        document.setId("find-document");
        // The text scrolls in its own box, so going to a clause or a match never scrolls the find bar and its count
        // out of sight.
        Div scroll = new Div(terms, document);
        scroll.setId("find-scroll");
        scroll.addClassName("find-scroll");
        add(title, findBar, replaceBar, scroll);
        setSizeFull();
        setFlexGrow(1, scroll);
    }

    private String lastFind = "";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String projectId = event.getRouteParameters().get("projectId").orElseThrow();
        var params = event.getLocation().getQueryParameters().getParameters();
        String round = first(params.get("round"));
        if (round != null) {
            long id;
            try {
                id = Long.parseLong(round);
            } catch (NumberFormatException e) {
                throw new UserFacingException("round.not-found", round);
            }
            snapshot = rounds.frozenDraft(id);
            roundLabel = rounds.get(id).title();
        } else {
            snapshot = drafts.open(projectId, first(params.get("ref")));
            roundLabel = null;
        }
        clause = first(params.get("clause"));
        String q = first(params.get("q"));
        find.setValue(q == null ? "" : q);
        title.setText(getTranslation("find.title", snapshot.project().code() + "  "
                + snapshot.project().title(getLocale())) + (roundLabel == null ? ""
                : " · " + getTranslation("find.frozen", roundLabel)));
        replaceBar.setVisible(snapshot.editable() && roundLabel == null);
        firstVersion.setVisible(roundLabel == null);
        firstResult.setText("");
        showTerms();
        mark();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    /** Renders the version with every occurrence of the find text marked, and goes to the first (or the clause). */
    private void mark() {
        lastFind = find.getValue();
        List<String> needles = search.marks(lastFind);
        Document html = Jsoup.parseBodyFragment(DraftHtml.render(snapshot.document(), snapshot.language()));
        int[] n = {0};
        if (!needles.isEmpty()) {
            // Collected first: replacing nodes while jsoup traverses them breaks its traversal.
            List<TextNode> texts = new java.util.ArrayList<>();
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode text && !text.isBlank()) {
                    texts.add(text);
                }
            }, html.body());
            for (TextNode text : texts) {
                String whole = text.getWholeText();
                List<int[]> spans = Snippets.spans(whole, needles);
                if (spans.isEmpty()) {
                    continue;
                }
                StringBuilder out = new StringBuilder();
                int at = 0;
                for (int[] s : spans) {
                    out.append(Snippets.escape(whole.substring(at, s[0]))).append("<mark class=\"dr-find\">")
                            .append(Snippets.escape(whole.substring(s[0], s[1]))).append("</mark>");
                    at = s[1];
                    n[0]++;
                }
                out.append(Snippets.escape(whole.substring(at)));
                Element span = new Element("span").html(out.toString());
                text.replaceWith(span);
                span.unwrap();
            }
        }
        marks = n[0];
        document.removeAll();
        document.add(new Html("<div class=\"find-document\">" + html.body().html() + "</div>"));
        current = 0;
        if (clause != null) {
            document.getElement().executeJs("""
                    const target = document.getElementById($0);
                    if (target) { target.scrollIntoView({block: 'start'}); }
                    const marks = [...this.querySelectorAll('mark.dr-find')];
                    const inClause = target ? marks.findIndex(m =>
                        target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) : -1;
                    return inClause;""", clause).then(Integer.class, i -> {
                if (i != null && i >= 0 && marks > 0) {
                    current = i;
                    show(false);
                }
            });
            clause = null;
            showCount();
        } else {
            show(true);
        }
    }

    /** "When did this first appear?": the oldest version of the project containing the find text, with a link. */
    private void showFirstVersion() {
        firstResult.removeAll();
        firstResult.setText("");
        String words = find.getValue().strip();
        if (words.isEmpty()) {
            return;
        }
        String projectId = snapshot.project().id();
        versions.firstContaining(projectId, words).ifPresentOrElse(v -> {
            Anchor link = new Anchor("projects/" + projectId + "/find?ref=" + v.commitId() + "&q="
                    + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8),
                    v.shortId() + (v.tags().isEmpty() ? "" : " " + String.join(" ", v.tags())));
            firstResult.add(new Span(getTranslation("find.first-version.found") + " "), link,
                    new Span(" · " + v.authorName() + " · " + org.draftroom.base.ui.Times.minutes(v.time(),
                            properties.timeZone()) + " · " + v.subject()));
        }, () -> firstResult.setText(getTranslation("find.first-version.none")));
    }

    private void step(int delta) {
        if (marks == 0) {
            return;
        }
        current = Math.floorMod(current + delta, marks);
        show(true);
    }

    private void show(boolean scroll) {
        showCount();
        if (marks > 0) {
            document.getElement().executeJs("""
                    const marks = this.querySelectorAll('mark.dr-find');
                    marks.forEach(m => m.classList.remove('current'));
                    const m = marks[$0];
                    if (m) { m.classList.add('current'); if ($1) { m.scrollIntoView({block: 'center'}); } }""",
                    current, scroll);
        }
    }

    private void showCount() {
        count.setText(find.getValue().isBlank() ? "" : marks == 0 ? getTranslation("find.none")
                : getTranslation("find.count", current + 1, marks));
    }

    private void showTerms() {
        terms.removeAll();
        List<TermComparison.SharedTerm> shared = roundLabel == null ? search.sharedTerms(snapshot.project().id())
                : List.of();
        terms.setVisible(!shared.isEmpty());
        if (shared.isEmpty()) {
            return;
        }
        terms.add(new H3(getTranslation("find.terms.title")));
        for (TermComparison.SharedTerm s : shared) {
            Div entry = new Div();
            entry.addClassName("find-term");
            Span head = new Span(s.term().number() + "  " + s.term().title());
            head.getStyle().set("font-weight", "600");
            Span verdict = new Span(s.differs() ? " ⚠ " + getTranslation("find.terms.differs")
                    : " ✓ " + getTranslation("find.terms.same"));
            verdict.addClassName(s.differs() ? "term-differs" : "term-same");
            entry.add(new Div(head, verdict));
            entry.add(definition(snapshot.project().code() + " " + s.term().number(), s.term()));
            for (IndexedItem other : s.elsewhere()) {
                entry.add(definition(other.projectCode() + " " + other.number(), other));
            }
            terms.add(entry);
        }
    }

    private Div definition(String source, IndexedItem term) {
        Anchor link = new Anchor("projects/" + term.projectId() + "/find?clause=" + term.clauseId(), source);
        Div d = new Div(link, new Span("：" + TermComparison.definitionText(term.text())));
        d.addClassName("find-term-definition");
        return d;
    }

    private void preview() {
        String what = find.getValue();
        String with = replace.getValue();
        FindReplace.Replacement r = FindReplace.replaceAll(snapshot.document(), what, with);
        if (r.places() == 0) {
            Notices.error(getTranslation("find.preview.nothing"));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("find-preview-dialog");
        dialog.setHeaderTitle(getTranslation("find.preview.title", what, with, r.places(), r.clauses()));
        Div redline = new Div(new Html("<div>" + RedlineHtml.render(Redline.compare(snapshot.document(),
                r.document()), snapshot.language()) + "</div>"));
        redline.addClassName("find-preview");
        redline.setWidth("min(90vw, 60em)");
        dialog.add(redline);
        Button apply = new Button(getTranslation("find.apply"), e -> {
            DraftService.SaveResult saved = drafts.save(snapshot.project().id(), snapshot.version().commitId(),
                    r.document().text(), getTranslation("find.message", what, with, r.places()));
            dialog.close();
            Notices.success(getTranslation("find.applied", r.places(), saved.version().shortId()));
            snapshot = drafts.open(snapshot.project().id(), null);
            replace.clear();
            find.setValue(with);
            mark();
        });
        apply.setId("find-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), apply);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return snapshot == null ? getTranslation("app.name")
                : getTranslation("find.title", snapshot.project().code()) + " · " + getTranslation("app.name");
    }
}
