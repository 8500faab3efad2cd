package org.draftroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.draftroom.AdjustableClock;
import org.draftroom.comments.anchoring.Anchor;
import org.draftroom.comments.anchoring.Placement;
import org.draftroom.comments.data.CommentRepository;
import org.draftroom.comments.domain.CommentType;
import org.draftroom.drafts.TestProjects;
import org.draftroom.drafts.domain.Clause;
import org.draftroom.drafts.domain.NumberedOutline;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.Disposition;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.DispositionRow;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundForm;
import org.draftroom.rounds.service.DispositionService;
import org.draftroom.rounds.service.RoundLifecycleService;
import org.draftroom.rounds.service.RoundService;
import org.draftroom.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secretariat disposes of the 100 comments of a closed round with the keyboard only, in the disposition
 * workspace: the detail panel shows the first undecided comment; Alt+A/P/N/O chooses the disposition, the reason is
 * typed where the focus already is, Ctrl+Enter saves and moves on to the next undecided comment. Five comments form a
 * duplicate group (D1) and get one decision together (Ctrl+Shift+Enter), each keeping its own record. The test counts
 * every key press (a chord such as Alt+A counts as one press), every typed character and every click per comment, and
 * asserts the target: at most 3 presses and no click for an accepted comment. The table is written to
 * {@code target/dispositions-keyboard.md}. At 1400×900 the grid shows at least 15 rows.
 */
class DispositionWorkspaceBrowserIT extends BrowserTestBase {

    private static final int COMMENTS = 100;
    private static final int ORGANISATIONS = 12;
    private static final String GROUP_REASON = "Duplicate of D1: the obligation is already in 5.2.";

    @Autowired
    private ProjectService projects;

    @Autowired
    private DraftService drafts;

    @Autowired
    private RoundService rounds;
    @Autowired
    private RoundLifecycleService roundLifecycle;

    @Autowired
    private DispositionService dispositions;

    @Autowired
    private CommentRepository commentRepository;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AdjustableClock clock;

    @Autowired
    private org.draftroom.security.Access access;

    @AfterEach
    void signOutOfServices() {
        SignedIn.nobody();
        clock.reset();
    }

    @Test
    void the_secretariat_disposes_of_100_comments_with_the_keyboard() throws IOException {
        Setup setup = closedRoundWithComments();

        Browser secretariat = browser();
        viewport(secretariat, 1400, 900);
        LoginPage.open(secretariat).signInAs("secretariat", DEMO_PASSWORD);
        RoundPage page = RoundPage.open(secretariat, setup.roundId);
        page.dispositions();
        secretariat.waitUntil("the detail of the first comment", () -> !page.detailComment().isEmpty());
        assertThat(visibleRows(secretariat)).as("grid rows visible at 1400×900").isGreaterThanOrEqualTo(15);
        assertNoMissingTexts(secretariat);
        secretariat.screenshot("dispositions-workspace-en-1400");
        Browser chinese = anotherBrowser(CHINESE);
        viewport(chinese, 1400, 900);
        LoginPage.open(chinese).signInAs("secretariat", DEMO_PASSWORD);
        RoundPage zh = RoundPage.open(chinese, setup.roundId);
        zh.tab("tab-dispositions");
        chinese.waitUntil("the detail in Chinese", () -> !zh.detailComment().isEmpty());
        assertThat(chinese.pageText()).contains("保存并转到下一条", "留作参考");
        assertNoMissingTexts(chinese);
        chinese.screenshot("dispositions-workspace-zh-1400");

        Map<String, int[]> effort = new LinkedHashMap<>(); // readable id -> {presses, typed, clicks}
        Map<String, Disposition> planned = new HashMap<>();
        int guard = 0;
        while (effort.size() < COMMENTS && guard++ < COMMENTS * 2) {
            String id = page.detailComment();
            assertThat(effort).as("the workspace came back to a decided comment").doesNotContainKey(id);
            int[] cost = new int[3];
            List<String> done;
            if (setup.group.contains(id)) {
                // One decision for the whole duplicate group.
                press(secretariat, List.of(Keys.ALT), "n", cost);
                type(secretariat, GROUP_REASON, cost);
                press(secretariat, List.of(Keys.CONTROL, Keys.SHIFT), Keys.ENTER, cost);
                done = new ArrayList<>(setup.group);
                setup.group.forEach(g -> planned.put(g, Disposition.NOT_ACCEPTED));
            } else {
                Disposition d = setup.plan.get(id);
                press(secretariat, List.of(Keys.ALT), String.valueOf(Character.toLowerCase(keyOf(d))), cost);
                if (d.needsReason()) {
                    type(secretariat, "Reason for " + id + ".", cost);
                }
                press(secretariat, List.of(Keys.CONTROL), Keys.ENTER, cost);
                done = List.of(id);
                planned.put(id, d);
            }
            // The first comment carries the whole cost; the others of a group cost nothing more.
            for (String each : done) {
                effort.put(each, each.equals(id) ? cost : new int[3]);
            }
            if (effort.size() < COMMENTS) {
                secretariat.waitUntil("the next undecided comment after " + id,
                        () -> !page.detailComment().equals(id) && !effort.containsKey(page.detailComment()));
            }
        }
        secretariat.waitForVaadin();

        // Every comment has its own record with the planned disposition.
        SignedIn.as(users, "secretariat");
        List<DispositionRow> rows = dispositions.rows(setup.roundId);
        assertThat(rows).hasSize(COMMENTS);
        for (DispositionRow row : rows) {
            DispositionRecord d = row.disposition();
            assertThat(d.disposition()).as(row.comment().readableId())
                    .isEqualTo(planned.get(row.comment().readableId()));
            assertThat(d.decidedBy()).isEqualTo("secretariat");
            assertThat(d.decidedAt()).isNotNull();
            if (setup.group.contains(row.comment().readableId())) {
                assertThat(d.reason()).isEqualTo(GROUP_REASON);
                assertThat(d.duplicateGroup()).isEqualTo("D1");
            } else if (d.disposition().needsReason()) {
                assertThat(d.reason()).isEqualTo("Reason for " + row.comment().readableId() + ".");
            }
        }
        SignedIn.nobody();

        // The effort: at most 3 presses and no click for an accepted comment, plus typing for the others.
        StringBuilder table = new StringBuilder("| comment | disposition | key presses | typed characters | clicks |\n"
                + "|---|---|---|---|---|\n");
        int accepted = 0;
        int acceptedPresses = 0;
        int presses = 0;
        int clicks = 0;
        for (var e : effort.entrySet()) {
            Disposition d = planned.get(e.getKey());
            int[] c = e.getValue();
            table.append("| ").append(e.getKey()).append(" | ").append(d).append(" | ").append(c[0]).append(" | ")
                    .append(c[1]).append(" | ").append(c[2]).append(" |\n");
            presses += c[0];
            clicks += c[2];
            if (d == Disposition.ACCEPTED) {
                accepted++;
                acceptedPresses += c[0];
                assertThat(c[0]).as("key presses for accepted " + e.getKey()).isLessThanOrEqualTo(3);
                assertThat(c[2]).as("clicks for accepted " + e.getKey()).isZero();
            }
        }
        assertThat(clicks).isZero();
        String summary = String.format("%d comments, %d key presses in all (%.2f per comment), %d clicks; "
                        + "%d accepted comments: %.2f presses each; the duplicate group of %d: %d presses",
                COMMENTS, presses, presses / (double) COMMENTS, clicks, accepted, acceptedPresses / (double) accepted,
                setup.group.size(), effort.get(setup.group.get(0))[0]);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "dispositions-keyboard.md"), summary + "\n\n" + table);
        System.out.println("[dispositions-keyboard] " + summary);
    }

    /**
     * The reviewer's pages of the demo rounds at 1400×900 in both languages, for looking at: the open round (round 2)
     * and the outcome of the published one (round 1). The secretariat's workspace beside them, in both languages, is
     * taken (and checked for missing texts) by the test above, on its round of 100 comments.
     */
    @Test
    void the_reviewers_round_and_outcome_pages_at_1400_by_900() {
        SignedIn.as(users, "reviewer1");
        List<Round> mine = rounds.visibleRounds();
        SignedIn.nobody();
        Round open = mine.stream().filter(r -> r.number() == 2 && r.projectId().equals("gbt-35273")).findFirst()
                .orElseThrow();
        Round published = mine.stream().filter(r -> r.number() == 1 && r.projectId().equals("gbt-35273"))
                .findFirst().orElseThrow();
        List<Double> shares = new ArrayList<>();
        for (var language : List.of(ENGLISH, CHINESE)) {
            Browser reviewer = language.equals(ENGLISH) ? browser() : anotherBrowser(language);
            viewport(reviewer, 1400, 900);
            LoginPage.open(reviewer).signInAs("reviewer1", DEMO_PASSWORD);
            RoundPage.open(reviewer, open.id()).draft();
            reviewer.waitForVaadin();
            double share = ((Number) reviewer.js("const b = document.querySelector('.dr-commented-body');"
                    + " return b.getBoundingClientRect().height / window.innerHeight")).doubleValue();
            System.out.printf("[reviewer-draft-share] %s %.2f%n", language, share);
            reviewer.screenshot("reviewer-round-" + language.getLanguage() + "-1400");
            shares.add(share);
            assertNoMissingTexts(reviewer);
            // The home page leads to the outcome of the published round.
            reviewer.open("");
            org.openqa.selenium.WebElement outcome = reviewer.waitFor("the outcome link on the home page",
                    () -> reviewer.driver().findElements(org.openqa.selenium.By.id("round-outcome-" + published.id()))
                            .stream().findFirst().orElse(null));
            assertThat(outcome.getText()).isNotBlank();
            assertNoMissingTexts(reviewer);
            reviewer.screenshot("reviewer-home-" + language.getLanguage() + "-1400");
            outcome.click();
            reviewer.waitUntil("the outcome page", () -> reviewer.driver().getCurrentUrl()
                    .endsWith("rounds/" + published.id()));
            RoundPage.open(reviewer, published.id()).dispositions();
            reviewer.waitForVaadin();
            assertNoMissingTexts(reviewer);
            reviewer.screenshot("reviewer-outcome-" + language.getLanguage() + "-1400");
        }
        assertThat(shares).as("the draft's share of the viewport at 1400×900, en and zh")
                .allSatisfy(share -> assertThat(share).isGreaterThanOrEqualTo(0.6));
    }

    // ---- the keyboard, counted ---------------------------------------------------------------------------------

    private static void press(Browser browser, List<Keys> modifiers, CharSequence key, int[] cost) {
        Actions actions = new Actions(browser.driver());
        modifiers.forEach(actions::keyDown);
        actions.sendKeys(key);
        new java.util.ArrayDeque<>(modifiers).descendingIterator().forEachRemaining(actions::keyUp);
        actions.perform();
        cost[0]++;
        browser.waitForVaadin();
    }

    private static void type(Browser browser, String text, int[] cost) {
        new Actions(browser.driver()).sendKeys(text).perform();
        cost[1] += text.length();
        browser.waitForVaadin();
    }

    private static char keyOf(Disposition d) {
        return switch (d) {
            case ACCEPTED -> 'A';
            case PARTLY_ACCEPTED -> 'P';
            case NOT_ACCEPTED -> 'N';
            case NOTED -> 'O';
        };
    }

    // ---- the page ------------------------------------------------------------------------------------------------

    /** Sets the size of the page's viewport (not the window). */
    static void viewport(Browser browser, int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) browser.js("return window.innerWidth")).longValue();
        long innerHeight = ((Number) browser.js("return window.innerHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension((int) (2L * width - innerWidth),
                (int) (2L * height - innerHeight)));
    }

    /** The grid rows wholly inside the grid's visible area and the viewport. */
    private static long visibleRows(Browser browser) {
        return ((Number) browser.js("""
                const grid = document.querySelector('#dispositions-grid');
                const box = grid.getBoundingClientRect();
                const bottom = Math.min(box.bottom, window.innerHeight);
                return [...grid.shadowRoot.querySelectorAll('#items tr')]
                    .filter(tr => !tr.hidden && tr.getBoundingClientRect().height > 0)
                    .filter(tr => { const r = tr.getBoundingClientRect(); return r.top >= box.top && r.bottom <= bottom; })
                    .length;""")).longValue();
    }

    // ---- the round -----------------------------------------------------------------------------------------------

    private record Setup(long roundId, Map<String, Disposition> plan, List<String> group) {
    }

    /**
     * A round on a fresh copy of the sample, 100 comments of 12 organisations stored through the repository (setup,
     * not the subject), closed early, five comments of five organisations on one clause grouped as duplicates.
     */
    private Setup closedRoundWithComments() {
        SignedIn.as(users, "secretariat");
        try {
            String code = "GB/T K" + (System.nanoTime() % 100_000);
            String projectId = TestProjects.consultationCopy(projects, drafts, code, "键盘处理测试", "Keyboard test");
            Instant now = clock.instant();
            Round round = roundLifecycle.schedule(new RoundForm(projectId, 1, "征求意见稿",
                    drafts.open(projectId, null).version().commitId(), "round-1", now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(30)), "", Audience.PUBLIC, Set.of(), true));
            NumberedOutline outline = drafts.open(projectId, round.commitId()).outline();
            List<Clause> clauses = outline.document().clauses().stream().filter(c -> !c.id().isEmpty())
                    .filter(c -> !c.body().isBlank()).toList();
            long me = access.current().id();
            Map<String, Disposition> plan = new LinkedHashMap<>();
            List<Long> groupIds = new ArrayList<>();
            List<String> group = new ArrayList<>();
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                for (int i = 0; i < COMMENTS; i++) {
                    String org = String.format("ORG-%03d", i % ORGANISATIONS);
                    String readable = String.format("%s-%03d", org, i / ORGANISATIONS + 1);
                    Clause clause = clauses.get((i * 7) % clauses.size());
                    Anchor anchor = Anchor.onClause(outline, clause.id(), round.commitId());
                    String body = "Comment " + i + " on " + clause.title() + ": the requirement should be clearer.";
                    long id = commentRepository.insert(new CommentRepository.NewComment(projectId, round.id(),
                            readable, me, null, org, CommentType.values()[i % 3], body,
                            i % 2 == 0 ? "Add a time limit of 15 days." : "", Placement.initial(anchor),
                            round.commitId(), false, now));
                    if (i >= 40 && i < 45) {
                        groupIds.add(id);
                        group.add(readable);
                    } else {
                        plan.put(readable, switch (i % 10) {
                            case 0, 1, 2, 3, 4 -> Disposition.ACCEPTED;
                            case 5, 6 -> Disposition.PARTLY_ACCEPTED;
                            case 7, 8 -> Disposition.NOT_ACCEPTED;
                            default -> Disposition.NOTED;
                        });
                    }
                }
            });
            roundLifecycle.closeEarly(round.id(), "Closed for the keyboard test.");
            assertThat(dispositions.groupDuplicates(round.id(), groupIds)).isEqualTo("D1");
            return new Setup(round.id(), plan, group);
        } finally {
            SignedIn.nobody();
        }
    }
}
