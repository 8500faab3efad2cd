package org.draftroom.drafts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated drafts, edited at random (deletions, insertions, moves of whole subtrees, retitles, text edits, titles
 * that repeat), uploaded again as plain Markdown without ids: the matching must give back the true identity of at
 * least 99 % of the clauses.
 */
class ClauseMatcherPropertyTest {

    private static final String[] TITLES = {"总则", "一般要求", "技术要求", "管理要求", "安全要求", "数据收集", "数据存储",
        "访问控制", "日志审计", "应急响应", "人员管理", "概述", "要求", "测试方法", "General", "Requirements"};
    private static final String CHARS = "数据安全个人信息处理控制访问存储传输收集使用共享删除加密认证审计日志系统网络服务应用组织"
            + "人员管理技术要求措施风险评估事件响应备份恢复身份权限接口设备平台业务流程记录保护合规监测配置漏洞补丁密钥证书策略";

    /** One clause of a generated draft, with the identity the test knows to be true. */
    record Node(String identity, int level, String title, String body) {
    }

    @Test
    void matched_ids_equal_the_true_identities_of_at_least_99_percent_of_clauses() {
        int clauses = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= 120; seed++) {
            Random random = new Random(seed);
            List<String> words = vocabulary(random);
            List<Node> before = draft(random, words);
            List<Node> after = edit(random, words, before);
            DraftDocument previous = DraftFormat.parse(render(before, true));
            ImportResult.Accepted upload = (ImportResult.Accepted) DraftImporter.importMarkdown(
                    render(after, false).getBytes(StandardCharsets.UTF_8));

            ClauseMatching matching = ClauseMatcher.match(previous, upload.document(), upload.generatedIds());

            Map<String, Boolean> stillThere = new HashMap<>();
            for (int i = 0; i < after.size(); i++) {
                String truth = after.get(i).identity();
                ClauseMatching.Match m = matching.atNewIndex(i).orElseThrow();
                boolean ok = truth.startsWith("new-") ? m.status() == ClauseMatching.Status.NEW : m.id().equals(truth);
                stillThere.put(truth, true);
                clauses++;
                right += ok ? 1 : 0;
                if (!ok) {
                    wrong.add("seed " + seed + ": " + after.get(i).title() + " is " + truth + ", matched " + m);
                }
            }
            for (ClauseMatching.Match m : matching.matches()) {
                if (m.status() == ClauseMatching.Status.DELETED) {
                    clauses++;
                    boolean ok = !stillThere.containsKey(m.id());
                    right += ok ? 1 : 0;
                }
            }
            for (Node n : before) {
                if (!stillThere.containsKey(n.identity())
                        && matching.matches().stream().noneMatch(m -> m.status() == ClauseMatching.Status.DELETED
                                && m.id().equals(n.identity()))) {
                    clauses++; // deleted in truth but given to another clause: counted wrong once more
                }
            }
        }
        double accuracy = (double) right / clauses;
        System.out.printf("clause matching: %d of %d right (%.2f %%)%n", right, clauses, 100 * accuracy);
        wrong.stream().limit(20).forEach(System.out::println);
        assertThat(accuracy).as("share of clauses matched to their true identity").isGreaterThanOrEqualTo(0.99);
    }

    static List<String> vocabulary(Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int length = 2 + random.nextInt(2);
            StringBuilder w = new StringBuilder();
            for (int k = 0; k < length; k++) {
                w.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            words.add(w.toString());
        }
        return words;
    }

    static String sentence(Random random, List<String> words) {
        StringBuilder sb = new StringBuilder();
        int n = 10 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            sb.append(words.get(random.nextInt(words.size())));
            if (i % 7 == 6) {
                sb.append('，');
            }
        }
        return sb.append('。').toString();
    }

    static String body(Random random, List<String> words) {
        StringBuilder sb = new StringBuilder("\n");
        int paragraphs = 1 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            sb.append(sentence(random, words)).append("\n\n");
        }
        return sb.toString();
    }

    static String title(Random random, List<String> words) {
        return random.nextInt(3) == 0 ? words.get(random.nextInt(words.size())) + words.get(random.nextInt(words.size()))
                : TITLES[random.nextInt(TITLES.length)];
    }

    static List<Node> draft(Random random, List<String> words) {
        List<Node> nodes = new ArrayList<>();
        int top = 5 + random.nextInt(8);
        int[] counter = {0};
        for (int a = 0; a < top; a++) {
            int children = random.nextInt(6);
            nodes.add(node(random, words, counter, 1, children > 0 && random.nextInt(10) < 7));
            for (int b = 0; b < children; b++) {
                int grandchildren = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                nodes.add(node(random, words, counter, 2, grandchildren > 0 && random.nextBoolean()));
                for (int c = 0; c < grandchildren; c++) {
                    nodes.add(node(random, words, counter, 3, false));
                }
            }
        }
        return nodes;
    }

    private static Node node(Random random, List<String> words, int[] counter, int level, boolean empty) {
        return new Node("t-" + (++counter[0]), level, title(random, words), empty ? "\n" : body(random, words));
    }

    static List<Node> edit(Random random, List<String> words, List<Node> before) {
        List<Node> nodes = new ArrayList<>(before);
        int edits = Math.max(2, nodes.size() / 8);
        int fresh = 0;
        for (int e = 0; e < edits && nodes.size() > 3; e++) {
            int i = random.nextInt(nodes.size());
            switch (random.nextInt(5)) {
                case 0 -> nodes.subList(i, subtreeEnd(nodes, i)).clear();
                case 1 -> nodes.add(i, new Node("new-" + (++fresh), nodes.get(i).level(), title(random, words),
                        body(random, words)));
                case 2 -> move(random, nodes, i);
                case 3 -> {
                    Node n = nodes.get(i);
                    nodes.set(i, new Node(n.identity(), n.level(), title(random, words), n.body()));
                }
                default -> {
                    Node n = nodes.get(i);
                    nodes.set(i, new Node(n.identity(), n.level(), n.title(), reword(random, words, n.body())));
                }
            }
        }
        return nodes;
    }

    private static void move(Random random, List<Node> nodes, int i) {
        int end = subtreeEnd(nodes, i);
        List<Node> subtree = new ArrayList<>(nodes.subList(i, end));
        nodes.subList(i, end).clear();
        if (nodes.isEmpty()) {
            nodes.addAll(subtree);
            return;
        }
        int target = random.nextInt(nodes.size());
        int shift = nodes.get(target).level() - subtree.get(0).level();
        for (Node n : subtree) {
            if (n.level() + shift > 6) {
                shift = 0;
            }
        }
        int s = shift;
        nodes.addAll(target, subtree.stream().map(n -> new Node(n.identity(), n.level() + s, n.title(), n.body()))
                .toList());
    }

    private static String reword(Random random, List<String> words, String body) {
        if (body.isBlank()) {
            return body(random, words);
        }
        StringBuilder sb = new StringBuilder(body);
        int changes = 1 + body.length() / 40;
        for (int k = 0; k < changes; k++) {
            int at = 1 + random.nextInt(sb.length() - 1);
            sb.insert(at, words.get(random.nextInt(words.size())));
        }
        return sb.toString();
    }

    private static int subtreeEnd(List<Node> nodes, int i) {
        int end = i + 1;
        while (end < nodes.size() && nodes.get(end).level() > nodes.get(i).level()) {
            end++;
        }
        return end;
    }

    static String render(List<Node> nodes, boolean withIds) {
        StringBuilder sb = new StringBuilder();
        int previousLevel = 0;
        for (Node n : nodes) {
            int level = Math.min(n.level(), previousLevel + 1);
            previousLevel = level;
            sb.append("#".repeat(level)).append(' ').append(n.title());
            if (withIds) {
                sb.append(" {#").append(n.identity()).append('}');
            }
            sb.append('\n').append(n.body());
        }
        return sb.toString();
    }
}
