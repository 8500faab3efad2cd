package org.draftroom.drafts.storage.seed;

import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.draftroom.drafts.storage.CommitRequest;
import org.draftroom.drafts.storage.DraftStore;
import org.draftroom.drafts.storage.GitDraftStore;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.ProjectManifest;

/**
 * Generates a large sample project for load and usability checks: a synthetic draft of more than 300,000 characters
 * and 300 clauses, four levels deep, with terms, notes, examples, lists, tables, cross-references, normative and
 * informative annexes and mixed Chinese and English text, saved through a {@link DraftStore} as a history of more
 * than 1,000 commits (each edits one to three clauses, sometimes adds, moves or retitles a clause) with the annotated
 * tags {@code wd-1}, {@code wd-2} and {@code cd-1}.
 *
 * <p>The output depends only on the seed: the same seed gives the same text, messages, authors and (with a
 * {@link SeedClock}) the same commit ids. The text is filler built from phrase lists; it reads like a drafting-stage
 * standard but says nothing authoritative.
 *
 * <p>Not thread-safe: use one instance per generation.
 */
public final class LargeProjectGenerator {

    /** Seed of the sample shipped with the application. */
    public static final long DEFAULT_SEED = 20240802L;

    /** Project id of the sample shipped with the application. */
    public static final String PROJECT_ID = "tc260-large-sample";

    /** Number of commits made after the initial one unless another number is given. */
    public static final int DEFAULT_EDITS = 1_050;

    /** Length the draft grows to by the last commit; it starts as an outline with a first paragraph per clause. */
    private static final int FINAL_CHARACTERS = 312_000;
    private static final Instant HISTORY_START = Instant.parse("2023-03-01T01:30:00Z");

    private static final List<Person> AUTHORS = List.of(
            new Person("李明", "liming@cesi.example.cn"),
            new Person("张伟", "zhangwei@tc260.example.cn"),
            new Person("王芳", "wangfang@example-cloud.cn"),
            new Person("陈静", "chenjing@example-univ.edu.cn"),
            new Person("刘洋", "liuyang@example-bank.cn"),
            new Person("赵磊", "zhaolei@example-telecom.cn"),
            new Person("Sun Hao", "sunhao@example-lab.cn"),
            new Person("周婷", "zhouting@example-auto.cn"));

    private static final String[][] TOPICS = {
            {"数据收集", "collection", "data collection"}, {"数据存储", "storage", "data storage"},
            {"数据使用", "use", "data use"}, {"数据加工", "processing", "data processing"},
            {"数据传输", "transmission", "data transmission"}, {"数据提供", "provision", "data provision"},
            {"数据公开", "publication", "data publication"}, {"数据删除", "deletion", "data deletion"},
            {"访问控制", "access-control", "access control"}, {"安全审计", "audit", "security audit"},
            {"身份鉴别", "authentication", "authentication"}, {"密钥管理", "key-management", "key management"},
            {"日志管理", "logging", "log management"}, {"应急处置", "incident", "incident handling"},
            {"风险评估", "risk-assessment", "risk assessment"}, {"供应链管理", "supply-chain", "supply chain"},
            {"人员管理", "personnel", "personnel security"}, {"第三方管理", "third-party", "third parties"},
            {"跨境传输", "cross-border", "cross-border transfer"}, {"去标识化", "de-identification",
            "de-identification"}, {"数据备份", "backup", "backup and recovery"},
            {"安全监测", "monitoring", "security monitoring"}, {"接口安全", "api", "interface security"},
            {"终端安全", "endpoint", "endpoint security"}, {"算法治理", "algorithm", "algorithm governance"},
            {"合规评估", "compliance", "compliance assessment"}};

    private static final String[] ASPECTS = {"总则", "基本要求", "增强要求", "技术措施", "管理措施", "记录要求", "评估方法",
            "实施指南", "职责分工", "流程要求", "检查要点", "持续改进"};

    private static final String[] ASPECT_SLUGS = {"general", "basic", "enhanced", "technical", "management",
            "records", "assessment", "guidance", "roles", "process", "checks", "improvement"};

    private static final String[][] TERMS = {
            {"数据处理", "data processing"}, {"重要数据", "important data"}, {"核心数据", "core data"},
            {"个人信息", "personal information"}, {"敏感个人信息", "sensitive personal information"},
            {"数据处理者", "data handler"}, {"受委托方", "entrusted party"}, {"数据接收方", "data recipient"},
            {"去标识化", "de-identification"}, {"匿名化", "anonymization"}, {"数据分类分级", "data classification"},
            {"数据资产清单", "data asset inventory"}, {"访问控制", "access control"}, {"最小权限", "least privilege"},
            {"安全审计", "security audit"}, {"数据出境", "cross-border data transfer"},
            {"安全事件", "security incident"}, {"应急预案", "emergency response plan"},
            {"数据备份", "data backup"}, {"数据销毁", "data destruction"}, {"加密", "encryption"},
            {"密钥", "cryptographic key"}, {"身份鉴别", "authentication"}, {"多因素鉴别", "multi-factor authentication"},
            {"日志", "log"}, {"接口", "application programming interface"}, {"第三方", "third party"},
            {"供应链", "supply chain"}, {"风险评估", "risk assessment"}, {"影响评估", "impact assessment"},
            {"数据生命周期", "data lifecycle"}, {"安全域", "security domain"}, {"特权账号", "privileged account"},
            {"数据脱敏", "data masking"}, {"水印", "digital watermark"}, {"隐私政策", "privacy policy"},
            {"明示同意", "explicit consent"}, {"用户画像", "user profiling"}, {"自动化决策", "automated decision-making"},
            {"算法推荐", "algorithmic recommendation"}, {"数据安全负责人", "data security officer"},
            {"安全基线", "security baseline"}};

    private static final String[] ACTORS = {"数据处理者", "平台运营者", "受委托方", "数据接收方", "安全管理机构",
            "业务部门", "数据安全负责人", "系统运维人员"};

    private static final String[] VERBS = {"应建立", "应制定并落实", "应定期评审", "应明确", "应记录并保存", "宜采用",
            "应公开", "应持续改进", "应指定专人负责", "不应擅自变更"};

    private static final String[][] OBJECTS = {
            {"数据分类分级规则", "data classification rules"}, {"访问控制策略", "access control policy"},
            {"安全审计日志", "security audit log"}, {"去标识化处理流程", "de-identification procedure"},
            {"数据出境安全评估记录", "record of the cross-border transfer assessment"},
            {"应急响应预案", "incident response plan"}, {"权限审批记录", "record of permission approvals"},
            {"供应链安全要求", "supply chain security requirements"}, {"密钥管理制度", "key management policy"},
            {"数据备份与恢复策略", "backup and recovery strategy"}, {"日志留存期限", "log retention period"},
            {"个人信息保护影响评估报告", "personal information protection impact assessment report"},
            {"第三方接入清单", "inventory of third-party integrations"}, {"安全培训计划", "security training plan"},
            {"数据资产清单", "data asset inventory"}, {"异常行为监测规则", "rules for detecting abnormal behaviour"},
            {"接口调用鉴权机制", "authorization of interface calls"}, {"数据销毁操作规程", "data destruction procedure"},
            {"算法安全评估报告", "algorithm security assessment report"}, {"安全基线配置", "security baseline configuration"}};

    private static final String[] LEADS = {"在处理敏感个人信息前，", "对于重要数据，", "必要时，", "在系统上线前，",
            "每年至少一次，", "发生重大变更时，", "在委托处理场景下，", "在向境外提供数据前，", "", "", "", ""};

    private static final String[] TAILS = {"，并保留相应记录", "，确保责任可追溯", "，且不应超出实现处理目的所需的最小范围",
            "，并向数据安全负责人报告", "，相关记录保存期限不少于6个月", "", "", ""};

    private static final String[] EN_TEMPLATES = {"The %s should be reviewed at least once a year.",
            "Where the %s is maintained by a third party, the contract should state who answers for it.",
            "Implementers may align the %s with ISO/IEC 27001 and ISO/IEC 27701.",
            "The %s is expected to be available to auditors on request."};

    private static final String[] EXAMPLES = {
            "示例：某在线教育平台将学生的成绩数据划为一般数据，将身份证件号码划为敏感个人信息，分别适用不同的访问控制策略。",
            "示例：某市政务数据开放平台在发布出行统计数据前，对精确到小区的数据做聚合处理，只发布区县级统计结果。",
            "示例：某银行在更换短信服务供应商时，要求新供应商在合同签署后30日内完成安全评估并提交评估报告。",
            "Example: a cloud provider keeps key material in a hardware security module and logs every export request.",
            "示例：某网约车平台对行程轨迹数据设置180天的留存期限，期满后自动删除并生成销毁记录。"};

    private final long seed;
    private final int edits;
    private Random random;
    private final Map<String, Integer> idCounters = new HashMap<>();
    private final List<Node> leaves = new ArrayList<>();
    private final List<Node> terms = new ArrayList<>();
    private final List<Node> parents = new ArrayList<>();
    private final List<String> referenceTargets = new ArrayList<>();
    private Node document;

    /** @param seed seed of the pseudo-random choices; the output depends only on it */
    public LargeProjectGenerator(long seed) {
        this(seed, DEFAULT_EDITS);
    }

    /**
     * @param seed seed of the pseudo-random choices
     * @param edits number of commits after the initial one, at least 10; the draft reaches its full size at the last one
     */
    public LargeProjectGenerator(long seed, int edits) {
        if (edits < 10) {
            throw new IllegalArgumentException("Need at least 10 edits (three of them get tags), got " + edits);
        }
        this.seed = seed;
        this.edits = edits;
    }

    /**
     * What a generation produced.
     *
     * @param projectId project created
     * @param commits number of commits on {@code main}, the initial one included
     * @param clauses number of headings (clauses, subclauses, terms, annexes and unnumbered elements)
     * @param maxDepth deepest heading level
     * @param characters length of the final {@code draft.md} in characters
     * @param tags tags created, oldest first
     * @param elapsed wall-clock time of the generation
     */
    public record Result(String projectId, int commits, int clauses, int maxDepth, int characters, List<String> tags,
                         Duration elapsed) {
    }

    /**
     * Creates the project and writes its history: one initial commit with {@code project.yaml} and the draft, then
     * the configured number of edits ({@link #DEFAULT_EDITS} by default). Edits that change nothing make no commit.
     * The project appears in {@code store} only when its history is complete ({@link DraftStore#buildProject}).
     *
     * @param clock the clock of {@code store}, moved forward between commits so that the history spans months;
     *         {@code null} to leave times to the store's clock
     * @throws org.draftroom.drafts.storage.ProjectAlreadyExistsException when the project exists
     */
    public Result generate(DraftStore store, String projectId, SeedClock clock) {
        // Written out of sight and moved into place when complete: a crash midway leaves no half project.
        return store.buildProject(projectId, staging -> write(staging, projectId, clock));
    }

    private Result write(DraftStore store, String projectId, SeedClock clock) {
        long started = System.nanoTime();
        random = new Random(seed);
        idCounters.clear();
        leaves.clear();
        terms.clear();
        parents.clear();
        referenceTargets.clear();
        if (clock != null) {
            clock.set(HISTORY_START);
        }
        buildInitialDocument();

        store.createProject(projectId);
        ProjectManifest manifest = new ProjectManifest(projectId, "20230001-T-469",
                "信息安全技术 数据处理活动安全管理指南（生成的大型示例）",
                "Information security technology — Guide to the security management of data processing activities"
                        + " (generated sample)",
                DocumentType.GB_T, "WG7", "drafting", "20.20", "CESI",
                new DocumentInfo(Language.ZH, "35.030", "L80", "", "20230001-T-469", "", "", "", null, null));
        String text = render();
        int initialLength = text.length();
        String head = store.commit(projectId, CommitRequest.initial(
                Map.of(DraftStore.MANIFEST_FILE, manifest.toYaml(), DraftStore.DRAFT_FILE, text),
                AUTHORS.get(0), "Import the working draft outline and first text")).version().commitId();
        int commits = 1;
        List<String> tags = new ArrayList<>();
        Map<Integer, String[]> tagPlan = Map.of(
                edits * 3 / 10, new String[]{"wd-1", "工作组讨论稿第1稿 Working-group draft 1"},
                edits * 6 / 10, new String[]{"wd-2", "工作组讨论稿第2稿 Working-group draft 2"},
                edits, new String[]{"cd-1", "征求意见稿 Draft for comments"});
        for (int edit = 1; edit <= edits; edit++) {
            if (clock != null) {
                clock.advance(Duration.ofMinutes(20 + random.nextInt(400)));
            }
            int target = initialLength + (int) ((long) (FINAL_CHARACTERS - initialLength) * edit / edits);
            String message = text.length() < target ? draftText(target - text.length()) : mutate();
            text = render();
            Person author = AUTHORS.get(random.nextInt(AUTHORS.size()));
            List<Person> coAuthors = random.nextInt(6) == 0
                    ? List.of(AUTHORS.get(random.nextInt(AUTHORS.size()))) : List.of();
            var result = store.commit(projectId, CommitRequest.onTopOf(head, Map.of(DraftStore.DRAFT_FILE, text),
                    author, message).withCoAuthors(coAuthors));
            if (result.created()) {
                head = result.version().commitId();
                commits++;
            }
            String[] tag = tagPlan.get(edit);
            if (tag != null) {
                store.createTag(projectId, tag[0], head, new Person("TC260秘书处", "secretariat@tc260.example.cn"),
                        tag[1]);
                tags.add(tag[0]);
            }
        }
        int[] depth = {0};
        int clauses = count(document, 0, depth) - 1;
        return new Result(projectId, commits, clauses, depth[0], text.length(), List.copyOf(tags),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Generates the sample project into a repository root and prints how long it took.
     *
     * <p>Usage: {@code LargeProjectGenerator <repository-root> [project-id]}.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: LargeProjectGenerator <repository-root> [project-id]");
            System.exit(2);
        }
        String projectId = args.length > 1 ? args[1] : PROJECT_ID;
        SeedClock clock = new SeedClock(HISTORY_START, ZoneId.of("Asia/Shanghai"));
        try (GitDraftStore store = new GitDraftStore(Path.of(args[0]), clock)) {
            Result result = new LargeProjectGenerator(DEFAULT_SEED).generate(store, projectId, clock);
            System.out.printf("Generated %s: %,d commits, %,d headings, depth %d, %,d characters, tags %s in %,d ms%n",
                    result.projectId(), result.commits(), result.clauses(), result.maxDepth(), result.characters(),
                    result.tags(), result.elapsed().toMillis());
        }
    }

    private void buildInitialDocument() {
        Node root = new Node("", "", 0);
        document = root;
        Node foreword = root.add(new Node("foreword", "前言", 1).classes(".unnumbered"));
        foreword.blocks.add(para("本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。"));
        foreword.blocks.add(para("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"));
        foreword.blocks.add(para("本文件由全国网络安全标准化技术委员会（SAC/TC 260）提出并归口。"));
        foreword.blocks.add(para("本文件是为测试起草平台而生成的示例文本，不代表任何标准的内容。"
                + "This document is generated sample text for testing the drafting platform."));
        Node introduction = root.add(new Node("introduction", "引言", 1).classes(".unnumbered"));
        for (int i = 0; i < 3; i++) {
            introduction.blocks.add(paragraph(4));
        }
        Node scope = root.add(new Node("scope", "范围", 1));
        scope.blocks.add(para("本文件规定了网络数据处理活动的安全要求，包括数据收集、存储、使用、加工、传输、提供、公开和删除等环节。"));
        scope.blocks.add(para("本文件适用于各类组织规范网络数据处理活动，也适用于主管监管部门、第三方评估机构对网络数据处理活动进行监督、"
                + "管理和评估。"));
        Node references = root.add(new Node("normative-references", "规范性引用文件", 1));
        references.blocks.add(para("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
                + "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"));
        references.blocks.add(para("GB/T 25069 信息安全技术 术语\n\nGB/T 35273 信息安全技术 个人信息安全规范\n\n"
                + "GB/T 37988 信息安全技术 数据安全能力成熟度模型"));
        Node termsClause = root.add(new Node("terms", "术语和定义", 1));
        termsClause.blocks.add(para("GB/T 25069、GB/T 35273界定的以及下列术语和定义适用于本文件。"));
        for (String[] term : TERMS) {
            Node entry = termsClause.add(new Node(uniqueId("t-" + slug(term[1])), term[0] + " " + term[1], 2)
                    .classes(".term"));
            entry.blocks.add(para(definition(term)));
            if (random.nextInt(4) == 0) {
                entry.blocks.add(para("注：" + sentence(false)));
            }
            terms.add(entry);
            referenceTargets.add(entry.id);
        }
        Node abbreviations = root.add(new Node("abbreviations", "缩略语", 1));
        abbreviations.blocks.add(para("下列缩略语适用于本文件。"));
        abbreviations.blocks.add(para("API：应用程序编程接口（Application Programming Interface）\n\n"
                + "HSM：硬件安全模块（Hardware Security Module）\n\nMFA：多因素鉴别（Multi-Factor Authentication）"));

        List<String[]> topics = new ArrayList<>(List.of(TOPICS));
        Collections.shuffle(topics, random);
        for (int c = 0; c < 12; c++) {
            buildClause(root, topics.get(c), 1, false);
        }
        String[][] annexes = {{"数据分类分级方法", "normative"}, {"安全评估检查表", "normative"},
                {"典型场景的实施示例", "informative"}, {"与相关标准的对应关系", "informative"}};
        for (int a = 0; a < annexes.length; a++) {
            Node annex = root.add(new Node("annex-" + (char) ('a' + a), annexes[a][0], 1)
                    .classes(".annex ." + annexes[a][1]));
            parents.add(annex);
            referenceTargets.add(annex.id);
            for (int s = 0; s < 4 + random.nextInt(3); s++) {
                String[] topic = topics.get(12 + random.nextInt(topics.size() - 12));
                buildClause(annex, topic, 2, true);
            }
        }
        Node bibliography = root.add(new Node("bibliography", "参考文献", 1).classes(".bibliography"));
        bibliography.blocks.add(para("[1] GB/T 22239—2019 信息安全技术 网络安全等级保护基本要求\n\n"
                + "[2] GB/T 41479—2022 信息安全技术 网络数据处理安全要求\n\n"
                + "[3] ISO/IEC 27001:2022 Information security, cybersecurity and privacy protection — "
                + "Information security management systems — Requirements\n\n"
                + "[4] ISO/IEC 27701:2019 Security techniques — Extension to ISO/IEC 27001 and ISO/IEC 27002 "
                + "for privacy information management — Requirements and guidelines"));
    }

    private void buildClause(Node parent, String[] topic, int level, boolean inAnnex) {
        String prefix = inAnnex ? "a-" : "c-";
        Node clause = parent.add(new Node(uniqueId(prefix + topic[1]), topic[0], level));
        referenceTargets.add(clause.id);
        int childCount = level == 1 ? 4 + random.nextInt(3) : 2 + random.nextInt(3);
        boolean hasChildren = level == 1 || level < 4 && random.nextInt(level == 2 ? 10 : 4) < (level == 2 ? 7 : 1);
        if (!hasChildren) {
            fillLeaf(clause);
            return;
        }
        parents.add(clause);
        List<Integer> aspects = new ArrayList<>();
        for (int i = 1; i < ASPECTS.length; i++) {
            aspects.add(i);
        }
        Collections.shuffle(aspects, random);
        aspects.add(0, 0);
        for (int i = 0; i < childCount; i++) {
            int aspect = aspects.get(i);
            if (level == 1 && i > 0) {
                String[] sub = TOPICS[random.nextInt(TOPICS.length)];
                buildClause(clause, new String[]{sub[0] + ASPECTS[aspect], sub[1] + "-" + ASPECT_SLUGS[aspect],
                        sub[2]}, level + 1, inAnnex);
            } else {
                buildClause(clause, new String[]{ASPECTS[aspect], topic[1] + "-" + ASPECT_SLUGS[aspect], topic[2]},
                        level + 1, inAnnex);
            }
        }
    }

    private void fillLeaf(Node leaf) {
        leaves.add(leaf);
        int blocks = 1 + random.nextInt(2);
        for (int b = 0; b < blocks; b++) {
            leaf.blocks.add(randomBlock());
        }
    }

    private Block randomBlock() {
        int kind = random.nextInt(20);
        if (kind < 11) {
            return paragraph(2 + random.nextInt(4));
        }
        if (kind < 14) {
            return list();
        }
        if (kind < 16) {
            return para("注：" + sentence(false));
        }
        if (kind < 17) {
            return para(EXAMPLES[random.nextInt(EXAMPLES.length)]);
        }
        if (kind < 18) {
            return table();
        }
        return paragraph(1 + random.nextInt(2), true);
    }

    private Block paragraph(int sentences) {
        return paragraph(sentences, false);
    }

    private Block paragraph(int sentences, boolean english) {
        Block block = new Block();
        for (int s = 0; s < sentences; s++) {
            block.sentences.add(english ? englishSentence() : sentence(true));
        }
        return block;
    }

    private static Block para(String text) {
        Block block = new Block();
        block.sentences.add(text);
        return block;
    }

    private Block list() {
        String[] object = pick(OBJECTS);
        StringBuilder text = new StringBuilder(pick(ACTORS)).append("在").append(object[0])
                .append("中应至少明确以下内容：\n\n");
        int items = 3 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            text.append("——").append(pick(OBJECTS)[0]).append("的").append(pick(new String[]{"适用范围", "责任人",
                            "审批流程", "保存期限", "更新条件", "例外情形"}))
                    .append(i == items - 1 ? "。" : "；\n");
        }
        return para(text.toString());
    }

    private Block table() {
        String[] object = pick(OBJECTS);
        StringBuilder text = new StringBuilder("表：").append(object[0]).append("的最低要求\n\n")
                .append("| 序号 | 要求项 | 一般数据 | 重要数据 |\n|---|---|---|---|\n");
        int rows = 3 + random.nextInt(5);
        for (int r = 1; r <= rows; r++) {
            text.append("| ").append(r).append(" | ").append(pick(OBJECTS)[0]).append(" | ")
                    .append(pick(new String[]{"宜", "可", "应"})).append(" | ").append("应").append(" |")
                    .append(r == rows ? "" : "\n");
        }
        return para(text.toString());
    }

    private String sentence(boolean allowReference) {
        String[] object = pick(OBJECTS);
        int form = random.nextInt(6);
        String text = switch (form) {
            case 0 -> pick(LEADS) + pick(ACTORS) + pick(VERBS) + object[0] + pick(TAILS);
            case 1 -> object[0] + "应至少包括" + pick(OBJECTS)[0] + "、" + pick(OBJECTS)[0] + "和" + pick(OBJECTS)[0];
            case 2 -> pick(ACTORS) + "在变更" + object[0] + "时，应同步更新" + pick(OBJECTS)[0];
            case 3 -> "对" + object[0] + "的修改应经" + pick(ACTORS) + "审核，审核意见应形成书面记录";
            case 4 -> pick(LEADS) + pick(ACTORS) + "宜通过自动化工具核查" + object[0] + "的执行情况";
            default -> pick(ACTORS) + pick(VERBS) + object[0] + "，明确" + pick(OBJECTS)[0] + "的责任人和更新周期";
        };
        if (allowReference && !referenceTargets.isEmpty() && random.nextInt(5) == 0) {
            String target = referenceTargets.get(random.nextInt(referenceTargets.size()));
            text += target.startsWith("annex-") ? "，具体方法见附录[](#" + target + ")" : "，并符合[](#" + target + ")的要求";
        }
        return text + "。";
    }

    private String englishSentence() {
        return String.format(pick(EN_TEMPLATES), pick(OBJECTS)[1]);
    }

    private String definition(String[] term) {
        String[] object = pick(OBJECTS);
        return switch (random.nextInt(3)) {
            case 0 -> "在网络数据处理活动中，与" + object[0] + "相关的、用于说明" + term[0] + "范围的活动或对象。";
            case 1 -> "由" + pick(ACTORS) + "确定并记录的，用于支撑" + object[0] + "的一组规则、措施或记录。";
            default -> "为实现" + term[0] + "目的而对" + object[0] + "采取的技术和管理措施的总称。";
        };
    }

    private String draftText(int missing) {
        Node leaf = leaves.get(random.nextInt(leaves.size()));
        int added = 0;
        while (added < missing) {
            Block block = randomBlock();
            leaf.blocks.add(block);
            added += block.sentences.stream().mapToInt(String::length).sum() + 2;
        }
        return pick(new String[]{"Draft ", "Write up ", "起草 ", "Add text to "}) + leaf.title + " (" + leaf.id
                + ")\n\nFirst text agreed in the drafting group.";
    }

    private String mutate() {
        int op = random.nextInt(100);
        if (op < 6) {
            return addClause();
        }
        if (op < 10) {
            return moveClause();
        }
        if (op < 13) {
            return retitleClause();
        }
        int clauses = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        List<String> edited = new ArrayList<>();
        for (int i = 0; i < clauses; i++) {
            Node leaf = random.nextInt(20) == 0 ? terms.get(random.nextInt(terms.size()))
                    : leaves.get(random.nextInt(leaves.size()));
            editLeaf(leaf);
            edited.add(leaf.title + " (" + leaf.id + ")");
        }
        return pick(new String[]{"Reword ", "Tighten ", "Clarify ", "Apply WG comments to ", "修改 "})
                + String.join(", ", edited) + "\n\n"
                + pick(new String[]{"Follows the discussion at the working-group meeting.",
                "Requirements stated as shall/should per GB/T 1.1.", "根据工作组讨论意见修改。",
                "Align wording with the terms in clause 3."});
    }

    private void editLeaf(Node leaf) {
        if (leaf.classes.contains("term")) {
            String[] term = leaf.title.split(" ", 2);
            leaf.blocks.set(0, para(definition(term)));
            return;
        }
        List<Block> textBlocks = leaf.blocks.stream().filter(b -> !b.sentences.get(0).startsWith("表：")).toList();
        if (textBlocks.isEmpty()) {
            leaf.blocks.add(paragraph(1));
            return;
        }
        int op = random.nextInt(10);
        Block block = textBlocks.get(random.nextInt(textBlocks.size()));
        if (op < 5) {
            block.sentences.set(random.nextInt(block.sentences.size()), sentence(true));
        } else if (op < 7) {
            block.sentences.add(sentence(true));
        } else if (op < 8 && leaf.blocks.size() > 3) {
            leaf.blocks.remove(block);
        } else if (op < 9) {
            leaf.blocks.add(random.nextInt(leaf.blocks.size() + 1), para("注：" + sentence(false)));
        } else {
            leaf.blocks.add(random.nextInt(leaf.blocks.size() + 1), randomBlock());
        }
    }

    private String addClause() {
        Node parent = parents.get(random.nextInt(parents.size()));
        int level = parent.level + 1;
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        int aspect = 1 + random.nextInt(ASPECTS.length - 1);
        Node clause = new Node(uniqueId((parent.id.startsWith("a") ? "a-" : "c-") + topic[1] + "-"
                + ASPECT_SLUGS[aspect]), topic[0] + ASPECTS[aspect], level);
        fillLeaf(clause);
        referenceTargets.add(clause.id);
        parent.children.add(1 + random.nextInt(parent.children.size()), clause);
        return "Add " + clause.title + " (" + clause.id + ") under " + parent.title + "\n\n"
                + "New subclause requested in the working-group review.";
    }

    private String moveClause() {
        Node parent = parents.get(random.nextInt(parents.size()));
        if (parent.children.size() < 3) {
            return retitleClause();
        }
        int from = 1 + random.nextInt(parent.children.size() - 1);
        int to = 1 + random.nextInt(parent.children.size() - 1);
        if (from == to) {
            to = from == 1 ? 2 : from - 1;
        }
        Node moved = parent.children.remove(from);
        parent.children.add(to, moved);
        return "Move " + moved.title + " (" + moved.id + ") " + (to < from ? "before" : "after") + " "
                + parent.children.get(to < from ? to + 1 : to - 1).title + "\n\n"
                + "Reorder so that general requirements come before specific ones.";
    }

    private String retitleClause() {
        Node leaf = leaves.get(random.nextInt(leaves.size()));
        String old = leaf.title;
        leaf.title = leaf.title.endsWith("要求") ? leaf.title.substring(0, leaf.title.length() - 2) + "规定"
                : leaf.title + "要求";
        return "Retitle " + old + " as " + leaf.title + " (" + leaf.id + ")";
    }

    private String render() {
        StringBuilder out = new StringBuilder(1 << 20);
        for (Node child : document.children) {
            child.render(out);
        }
        return out.toString();
    }

    private static int count(Node node, int depth, int[] maxDepth) {
        maxDepth[0] = Math.max(maxDepth[0], depth);
        int total = 1;
        for (Node child : node.children) {
            total += count(child, depth + 1, maxDepth);
        }
        return total;
    }

    private String uniqueId(String base) {
        String trimmed = base.length() > 56 ? base.substring(0, 56) : base;
        int n = idCounters.merge(trimmed, 1, Integer::sum);
        return n == 1 ? trimmed : trimmed + "-" + n;
    }

    private static String slug(String english) {
        return english.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One block of clause text: a paragraph (a list of sentences), a list, a note, an example or a table. */
    private static final class Block {
        final List<String> sentences = new ArrayList<>();
    }

    /** One heading with its text blocks and subclauses. */
    private static final class Node {
        final String id;
        String title;
        final int level;
        String classes = "";
        final List<Block> blocks = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String id, String title, int level) {
            this.id = id;
            this.title = title;
            this.level = level;
        }

        Node classes(String value) {
            classes = value;
            return this;
        }

        Node add(Node child) {
            children.add(child);
            return child;
        }

        void render(StringBuilder out) {
            out.append("#".repeat(level)).append(' ').append(title).append(" {#").append(id);
            if (!classes.isEmpty()) {
                out.append(' ').append(classes);
            }
            out.append("}\n\n");
            for (Block block : blocks) {
                for (int i = 0; i < block.sentences.size(); i++) {
                    if (i > 0 && block.sentences.get(i - 1).endsWith(".")) {
                        out.append(' ');
                    }
                    out.append(block.sentences.get(i));
                }
                out.append("\n\n");
            }
            for (Node child : children) {
                child.render(out);
            }
        }
    }
}
