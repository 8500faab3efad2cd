package org.draftroom.drafts.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches the clauses of an uploaded version (Markdown, Word or any other source, once parsed into a
 * {@link DraftDocument}) to the clauses of the previous version, so that matched clauses keep their ids — and with
 * them their comments, history and redline — and only really new clauses get new ids.
 *
 * <p>How: a clause whose id was written in the file ({@code {#id}}, a Word bookmark) and exists in the previous
 * version keeps it; then clauses identical in level, title and text and unique on both sides are paired; every other
 * pair is scored by the similarity of its text (character 3-gram Jaccard), its title (2-gram Jaccard), its subclauses
 * (their titles; in the second pass, whether they were paired with the other clause's subclauses), its relative
 * position, level and parent, and the pairing of greatest total score above {@link #THRESHOLD} is found with the Hungarian algorithm (an optimal assignment, not
 * first-come), per connected group of candidate pairs. This runs twice: the second time a pair scores higher when the
 * two parents were paired in the first. Corrections made by a person are fixed before anything else.
 *
 * <p>Stateless and thread-safe. Time: O(n·m·s) for the scores of the n new and m old clauses left after the exact
 * pairs (s the size of a clause's text) plus O(k³) per group of k clauses.
 */
public final class ClauseMatcher {

    /** The least similarity (0 to 1) at which two clauses are taken for the same one. */
    public static final double THRESHOLD = 0.45;

    private ClauseMatcher() {
    }

    /**
     * Matches the clauses of {@code incoming} to those of {@code previous}.
     *
     * @param previous       the version the new one replaces, with its ids
     * @param incoming       the new version, every clause with an id
     * @param provisionalIds the ids of {@code incoming} that the importer made up (not written in the file): these are
     *                       replaced by the matched clause's id or by a fresh one that the previous version never used
     */
    public static ClauseMatching match(DraftDocument previous, DraftDocument incoming, Set<String> provisionalIds) {
        return match(previous, incoming, provisionalIds, Map.of());
    }

    /**
     * Matches as {@link #match(DraftDocument, DraftDocument, Set)} after applying a person's corrections.
     *
     * @param corrections position of a clause in {@code incoming} → the id of the previous version's clause it is, or
     *                    the empty string when it is a new clause
     * @throws DraftException {@code draft.match.unknown-clause} for a position or id that does not exist,
     *                        {@code draft.match.taken} when two clauses are said to be the same old clause
     */
    public static ClauseMatching match(DraftDocument previous, DraftDocument incoming, Set<String> provisionalIds,
                                       Map<Integer, String> corrections) {
        return new Run(previous, incoming, provisionalIds).run(corrections);
    }

    private static final class Run {
        private final DraftDocument previous;
        private final DraftDocument incoming;
        private final Set<String> provisional;
        private final List<Clause> news;
        private final List<Clause> olds;
        private final int[] newParent;
        private final int[] oldParent;
        private final int[] newToOld;
        private final int[] oldToNew;
        private final double[] similarity;
        private final boolean[] decided;
        private final boolean[] corrected;
        private Features[] newFeatures;
        private Features[] oldFeatures;

        Run(DraftDocument previous, DraftDocument incoming, Set<String> provisional) {
            this.previous = previous;
            this.incoming = incoming;
            this.provisional = provisional;
            this.news = incoming.clauses();
            this.olds = previous.clauses();
            this.newParent = parents(incoming);
            this.oldParent = parents(previous);
            this.newToOld = new int[news.size()];
            this.oldToNew = new int[olds.size()];
            Arrays.fill(newToOld, -1);
            Arrays.fill(oldToNew, -1);
            this.similarity = new double[news.size()];
            this.decided = new boolean[news.size()];
            this.corrected = new boolean[news.size()];
        }

        ClauseMatching run(Map<Integer, String> corrections) {
            Map<String, Integer> oldIndex = new HashMap<>();
            for (int j = olds.size() - 1; j >= 0; j--) {
                oldIndex.put(olds.get(j).id(), j);
            }
            corrections.forEach((i, oldId) -> {
                if (i == null || i < 0 || i >= news.size()) {
                    throw new DraftException("draft.match.unknown-clause", String.valueOf(i));
                }
                decided[i] = true;
                corrected[i] = true;
                if (oldId != null && !oldId.isEmpty()) {
                    Integer j = oldIndex.get(oldId);
                    if (j == null) {
                        throw new DraftException("draft.match.unknown-clause", oldId);
                    }
                    if (oldToNew[j] >= 0) {
                        throw new DraftException("draft.match.taken", oldId);
                    }
                    pair(i, j, 1.0);
                }
            });
            for (int i = 0; i < news.size(); i++) {
                String id = news.get(i).id();
                Integer j = oldIndex.get(id);
                if (!decided[i] && !provisional.contains(id) && j != null && oldToNew[j] < 0) {
                    decided[i] = true;
                    pair(i, j, 1.0);
                }
            }
            pairIdentical();
            newFeatures = features(incoming);
            oldFeatures = features(previous);
            int[] rows = undecidedRows();
            int[] cols = freeColumns();
            if (rows.length > 0 && cols.length > 0) {
                assign(rows, cols, null);
                int[] firstPass = newToOld.clone();
                for (int i : rows) {
                    if (newToOld[i] >= 0) {
                        oldToNew[newToOld[i]] = -1;
                        newToOld[i] = -1;
                    }
                }
                assign(rows, cols, firstPass);
            }
            return report();
        }

        private void pair(int i, int j, double score) {
            newToOld[i] = j;
            oldToNew[j] = i;
            similarity[i] = score;
        }

        /** Pairs clauses that are the same in level, title and text and unique so on both sides. */
        private void pairIdentical() {
            Map<String, int[]> byKey = new HashMap<>();
            for (int i = 0; i < news.size(); i++) {
                if (!decided[i]) {
                    byKey.computeIfAbsent(key(news.get(i)), k -> new int[] {0, -1, 0, -1});
                    int[] e = byKey.get(key(news.get(i)));
                    e[0]++;
                    e[1] = i;
                }
            }
            for (int j = 0; j < olds.size(); j++) {
                int[] e = oldToNew[j] < 0 ? byKey.get(key(olds.get(j))) : null;
                if (e != null) {
                    e[2]++;
                    e[3] = j;
                }
            }
            for (int[] e : byKey.values()) {
                if (e[0] == 1 && e[2] == 1) {
                    decided[e[1]] = true;
                    pair(e[1], e[3], 1.0);
                }
            }
        }

        private static String key(Clause c) {
            return c.level() + "\u0000" + c.title() + "\u0000" + c.body().strip();
        }

        private int[] undecidedRows() {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < news.size(); i++) {
                if (!decided[i]) {
                    rows.add(i);
                }
            }
            return rows.stream().mapToInt(Integer::intValue).toArray();
        }

        private int[] freeColumns() {
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < olds.size(); j++) {
                if (oldToNew[j] < 0) {
                    cols.add(j);
                }
            }
            return cols.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Finds the best pairing of the rows with the columns, per connected group of candidate pairs. */
        private void assign(int[] rows, int[] cols, int[] parentPairing) {
            double[][] score = new double[rows.length][cols.length];
            int[] group = new int[rows.length + cols.length];
            for (int g = 0; g < group.length; g++) {
                group[g] = g;
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < cols.length; c++) {
                    double s = score(rows[r], cols[c], parentPairing);
                    score[r][c] = s;
                    if (s >= THRESHOLD) {
                        union(group, r, rows.length + c);
                    }
                }
            }
            Map<Integer, List<Integer>> groupRows = new HashMap<>();
            Map<Integer, List<Integer>> groupCols = new HashMap<>();
            for (int r = 0; r < rows.length; r++) {
                groupRows.computeIfAbsent(find(group, r), k -> new ArrayList<>()).add(r);
            }
            for (int c = 0; c < cols.length; c++) {
                groupCols.computeIfAbsent(find(group, rows.length + c), k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<Integer, List<Integer>> e : groupRows.entrySet()) {
                List<Integer> gr = e.getValue();
                List<Integer> gc = groupCols.getOrDefault(e.getKey(), List.of());
                if (gc.isEmpty()) {
                    continue;
                }
                double[][] cost = new double[gr.size()][gc.size() + gr.size()];
                for (int a = 0; a < gr.size(); a++) {
                    for (int b = 0; b < gc.size(); b++) {
                        double s = score[gr.get(a)][gc.get(b)];
                        cost[a][b] = s >= THRESHOLD ? THRESHOLD - s : 0;
                    }
                }
                int[] chosen = Hungarian.solve(cost);
                for (int a = 0; a < gr.size(); a++) {
                    int b = chosen[a];
                    if (b < gc.size() && score[gr.get(a)][gc.get(b)] >= THRESHOLD) {
                        pair(rows[gr.get(a)], cols[gc.get(b)], score[gr.get(a)][gc.get(b)]);
                    }
                }
            }
        }

        private double score(int i, int j, int[] parentPairing) {
            Features a = newFeatures[i];
            Features b = oldFeatures[j];
            double title = a.title.equals(b.title) ? 1 : jaccard(a.titleShingles, b.titleShingles);
            double position = 1 - Math.min(1, Math.abs(a.position - b.position) * 3);
            double level = a.level == b.level ? 1 : 0;
            double parent;
            int pi = newParent[i];
            int pj = oldParent[j];
            if (pi < 0 || pj < 0) {
                parent = pi == pj ? 1 : 0;
            } else if (parentPairing != null) {
                parent = parentPairing[pi] == pj ? 1 : 0;
            } else {
                Features fa = newFeatures[pi];
                Features fb = oldFeatures[pj];
                parent = fa.title.equals(fb.title) ? 1 : jaccard(fa.titleShingles, fb.titleShingles);
            }
            double context = 0.4 * position + 0.3 * level + 0.3 * parent;
            boolean children = a.children.length > 0 && b.children.length > 0;
            if (a.text.length == 0 && b.text.length == 0 && !children) {
                return 0.7 * title + 0.3 * context;
            }
            double text = jaccard(a.text, b.text);
            if (children) {
                text = Math.max(text, jaccard(a.children, b.children));
                if (parentPairing != null) {
                    text = Math.max(text, sharedChildren(i, j, parentPairing));
                }
            }
            return 0.55 * text + 0.25 * title + 0.2 * context;
        }

        /** The share of the children of new clause i whose first-pass partners are children of old clause j. */
        private double sharedChildren(int i, int j, int[] pairing) {
            int shared = 0;
            int newChildren = 0;
            for (int k = i + 1; k < news.size() && news.get(k).level() > news.get(i).level(); k++) {
                if (newParent[k] == i) {
                    newChildren++;
                    if (pairing[k] >= 0 && oldParent[pairing[k]] == j) {
                        shared++;
                    }
                }
            }
            int oldChildren = 0;
            for (int k = j + 1; k < olds.size() && olds.get(k).level() > olds.get(j).level(); k++) {
                if (oldParent[k] == j) {
                    oldChildren++;
                }
            }
            int most = Math.max(newChildren, oldChildren);
            return most == 0 ? 0 : (double) shared / most;
        }

        private ClauseMatching report() {
            Set<String> taken = new HashSet<>();
            olds.forEach(c -> taken.add(c.id()));
            String[] ids = new String[news.size()];
            for (int i = 0; i < news.size(); i++) {
                if (newToOld[i] >= 0) {
                    ids[i] = olds.get(newToOld[i]).id();
                }
            }
            for (int i = 0; i < news.size(); i++) {
                String id = news.get(i).id();
                if (ids[i] == null && !provisional.contains(id) && !id.isEmpty() && !taken.contains(id)) {
                    ids[i] = id;
                    taken.add(id);
                }
            }
            for (int i = 0; i < news.size(); i++) {
                if (ids[i] == null) {
                    ids[i] = ClauseIds.unique(taken, news.get(i).title());
                    taken.add(ids[i]);
                }
            }
            List<Clause> clauses = new ArrayList<>(news.size());
            boolean changed = false;
            for (int i = 0; i < news.size(); i++) {
                Clause c = news.get(i);
                if (!c.id().equals(ids[i])) {
                    c = c.withId(ids[i]);
                    changed = true;
                }
                clauses.add(c);
            }
            DraftDocument result = changed ? Outline.rebuild(incoming, clauses, "") : incoming;
            List<NumberedClause> newNumbers = NumberedOutline.number(result);
            List<NumberedClause> oldNumbers = NumberedOutline.number(previous);
            boolean[] moved = moved();
            List<ClauseMatching.Match> matches = new ArrayList<>();
            for (int i = 0; i < news.size(); i++) {
                int j = newToOld[i];
                Clause c = result.clauses().get(i);
                if (j < 0) {
                    matches.add(new ClauseMatching.Match(ClauseMatching.Status.NEW, ids[i], i, -1,
                            newNumbers.get(i).number(), "", c.title(), "", 0, corrected[i]));
                } else {
                    matches.add(new ClauseMatching.Match(moved[i] ? ClauseMatching.Status.MOVED
                            : ClauseMatching.Status.KEPT, ids[i], i, j, newNumbers.get(i).number(),
                            oldNumbers.get(j).number(), c.title(), olds.get(j).title(),
                            Math.round(similarity[i] * 1000) / 1000.0, corrected[i]));
                }
            }
            for (int j = 0; j < olds.size(); j++) {
                if (oldToNew[j] < 0) {
                    matches.add(new ClauseMatching.Match(ClauseMatching.Status.DELETED, olds.get(j).id(), -1, j, "",
                            oldNumbers.get(j).number(), "", olds.get(j).title(), 0, false));
                }
            }
            return new ClauseMatching(result, matches);
        }

        /**
         * A matched clause moved when its parent is not the clause its old parent became, or when it is out of the
         * longest run of siblings that kept their order.
         */
        private boolean[] moved() {
            boolean[] moved = new boolean[news.size()];
            Map<Integer, List<Integer>> siblings = new HashMap<>();
            for (int i = 0; i < news.size(); i++) {
                int j = newToOld[i];
                if (j < 0) {
                    continue;
                }
                int pi = newParent[i];
                int pj = oldParent[j];
                boolean sameParent = pi < 0 ? pj < 0 : newToOld[pi] == pj && pj >= 0;
                if (!sameParent) {
                    moved[i] = true;
                } else {
                    siblings.computeIfAbsent(pi, k -> new ArrayList<>()).add(i);
                }
            }
            for (List<Integer> group : siblings.values()) {
                boolean[] inOrder = longestIncreasing(group.stream().mapToInt(i -> newToOld[i]).toArray());
                for (int k = 0; k < group.size(); k++) {
                    moved[group.get(k)] = !inOrder[k];
                }
            }
            return moved;
        }
    }

    /** Marks the members of one longest strictly increasing subsequence. O(n log n). */
    static boolean[] longestIncreasing(int[] values) {
        int n = values.length;
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tails[mid]] < values[k]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = k;
            length = Math.max(length, lo + 1);
        }
        boolean[] member = new boolean[n];
        for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) {
            member[k] = true;
        }
        return member;
    }

    private static int find(int[] group, int x) {
        while (group[x] != x) {
            group[x] = group[group[x]];
            x = group[x];
        }
        return x;
    }

    private static void union(int[] group, int a, int b) {
        group[find(group, a)] = find(group, b);
    }

    private static int[] parents(DraftDocument document) {
        int[] parents = new int[document.clauses().size()];
        int[] open = new int[DraftDocument.MAX_LEVEL + 2];
        Arrays.fill(open, -1);
        for (int i = 0; i < parents.length; i++) {
            int level = document.clauses().get(i).level();
            int parent = -1;
            for (int l = level - 1; l >= 1; l--) {
                if (open[l] >= 0) {
                    parent = open[l];
                    break;
                }
            }
            parents[i] = parent;
            open[level] = i;
            for (int l = level + 1; l < open.length; l++) {
                open[l] = -1;
            }
        }
        return parents;
    }

    /** What a clause is compared by. */
    private record Features(String title, int[] titleShingles, int[] text, int[] children, double position,
                            int level) {
    }

    private static Features[] features(DraftDocument document) {
        List<Clause> clauses = document.clauses();
        int[] parents = parents(document);
        Map<Integer, StringBuilder> childTitles = new HashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            if (parents[i] >= 0) {
                childTitles.computeIfAbsent(parents[i], k -> new StringBuilder()).append(clauses.get(i).title())
                        .append('\n');
            }
        }
        Features[] features = new Features[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            String title = normalise(c.title());
            String children = childTitles.getOrDefault(i, new StringBuilder()).toString();
            features[i] = new Features(title, shingles(title, 2), shingles(normalise(c.body()), 3),
                    shingles(normalise(children), 2),
                    clauses.size() <= 1 ? 0 : (double) i / (clauses.size() - 1), c.level());
        }
        return features;
    }

    /** Lower case, letters and digits only: typography and Markdown marks do not make clauses differ. */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The sorted distinct hashes of the k-character pieces of a text (the text itself when shorter). */
    static int[] shingles(String s, int k) {
        if (s.isEmpty()) {
            return new int[0];
        }
        if (s.length() <= k) {
            return new int[] {s.hashCode()};
        }
        int[] hashes = new int[s.length() - k + 1];
        for (int p = 0; p + k <= s.length(); p++) {
            int h = 0;
            for (int q = p; q < p + k; q++) {
                h = 31 * h + s.charAt(q);
            }
            hashes[p] = h;
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int p = 0; p < hashes.length; p++) {
            if (p == 0 || hashes[p] != hashes[p - 1]) {
                hashes[distinct++] = hashes[p];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** |a ∩ b| / |a ∪ b| of two sorted distinct arrays; 0 when either is empty. */
    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int common = 0;
        int p = 0;
        int q = 0;
        while (p < a.length && q < b.length) {
            if (a[p] == b[q]) {
                common++;
                p++;
                q++;
            } else if (a[p] < b[q]) {
                p++;
            } else {
                q++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** The Hungarian algorithm (Kuhn–Munkres with potentials) for a rectangular cost matrix. */
    static final class Hungarian {

        private Hungarian() {
        }

        /**
         * The column of each row in an assignment of least total cost; needs rows ≤ columns. O(rows² · columns).
         */
        static int[] solve(double[][] cost) {
            int n = cost.length;
            int m = n == 0 ? 0 : cost[0].length;
            double[] u = new double[n + 1];
            double[] v = new double[m + 1];
            int[] p = new int[m + 1];
            int[] way = new int[m + 1];
            double[] minv = new double[m + 1];
            boolean[] used = new boolean[m + 1];
            for (int i = 1; i <= n; i++) {
                p[0] = i;
                int j0 = 0;
                Arrays.fill(minv, Double.POSITIVE_INFINITY);
                Arrays.fill(used, false);
                do {
                    used[j0] = true;
                    int i0 = p[j0];
                    double delta = Double.POSITIVE_INFINITY;
                    int j1 = 0;
                    double[] row = cost[i0 - 1];
                    for (int j = 1; j <= m; j++) {
                        if (!used[j]) {
                            double cur = row[j - 1] - u[i0] - v[j];
                            if (cur < minv[j]) {
                                minv[j] = cur;
                                way[j] = j0;
                            }
                            if (minv[j] < delta) {
                                delta = minv[j];
                                j1 = j;
                            }
                        }
                    }
                    for (int j = 0; j <= m; j++) {
                        if (used[j]) {
                            u[p[j]] += delta;
                            v[j] -= delta;
                        } else {
                            minv[j] -= delta;
                        }
                    }
                    j0 = j1;
                } while (p[j0] != 0);
                do {
                    int j1 = way[j0];
                    p[j0] = p[j1];
                    j0 = j1;
                } while (j0 != 0);
            }
            int[] assignment = new int[n];
            for (int j = 1; j <= m; j++) {
                if (p[j] != 0) {
                    assignment[p[j] - 1] = j - 1;
                }
            }
            return assignment;
        }
    }
}
