package org.draftroom.drafts.storage;

import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * What a project is, as stored in its {@code project.yaml} next to the draft.
 *
 * <p>The YAML form is written deterministically (fixed key order, block style, UTF-8 text unescaped, values that
 * could read as numbers quoted), so that a changed field shows as a one-line Git diff:
 * <pre>
 * id: gbt-35273
 * code: GB/T 35273
 * title:
 *   zh: 信息安全技术 个人信息安全规范
 *   en: Information security technology — Personal information security specification
 * type: GB_T
 * working-group: WG7
 * stage:
 *   key: drafting
 *   code: '20.20'
 * lead-organisation: CESI
 * document:
 *   language: zh
 *   ics: '35.030'
 *   ccs: L80
 *   year: '2020'
 *   replaces: GB/T 35273—2017
 * </pre>
 * The {@code document} section ({@link DocumentInfo}: document language, ICS, CCS, year or plan number, replaced
 * standard, issuing bodies, dates of issue and implementation) is optional; only its non-empty fields are written, and
 * a manifest without it describes a Chinese document.
 * Reading treats every scalar as text (so an unquoted {@code 20.20} stays {@code "20.20"}), ignores unknown keys, and
 * rejects missing or malformed fields with {@link InvalidManifestException}.
 *
 * @param id project id, as the repository is named
 * @param code document code, e.g. {@code GB/T 35273} or {@code TC260-PG-20222A}
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param type document type
 * @param workingGroup code of the responsible working group, e.g. {@code WG7}
 * @param stage Chinese stage key, lower case, e.g. {@code drafting}, {@code consultation}
 * @param stageCode ISO harmonized stage code {@code NN.NN}, e.g. {@code 20.20}; kept apart from {@code stage}
 *         because the two do not map one to one
 * @param leadOrganisation code of the lead organisation (牵头单位), may be {@code null}
 * @param document what the cover says beyond code and titles, and the document language; never null
 */
public record ProjectManifest(String id, String code, String titleZh, String titleEn, DocumentType type,
                              String workingGroup, String stage, String stageCode, String leadOrganisation,
                              DocumentInfo document) {

    /** A manifest of a Chinese document with no cover details yet. */
    public ProjectManifest(String id, String code, String titleZh, String titleEn, DocumentType type,
                           String workingGroup, String stage, String stageCode, String leadOrganisation) {
        this(id, code, titleZh, titleEn, type, workingGroup, stage, stageCode, leadOrganisation, DocumentInfo.DEFAULT);
    }

    private static final Pattern STAGE_KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern STAGE_CODE = Pattern.compile("\\d{2}\\.\\d{2}");

    public ProjectManifest {
        requireText(id, "id");
        requireText(code, "code");
        requireText(titleZh, "title.zh");
        requireText(titleEn, "title.en");
        if (type == null) {
            throw new InvalidManifestException("type is missing", null);
        }
        requireText(workingGroup, "working-group");
        requireText(stage, "stage.key");
        if (!STAGE_KEY.matcher(stage).matches()) {
            throw new InvalidManifestException("stage.key '" + stage + "' must be lower-case letters, digits and"
                    + " hyphens, e.g. drafting", null);
        }
        requireText(stageCode, "stage.code");
        if (!STAGE_CODE.matcher(stageCode).matches()) {
            throw new InvalidManifestException("stage.code '" + stageCode + "' must look like 20.20", null);
        }
        if (leadOrganisation != null && leadOrganisation.isBlank()) {
            leadOrganisation = null;
        }
        if (document == null) {
            document = DocumentInfo.DEFAULT;
        }
    }

    /** @return this manifest with other cover details and document language */
    public ProjectManifest withDocument(DocumentInfo newDocument) {
        return new ProjectManifest(id, code, titleZh, titleEn, type, workingGroup, stage, stageCode, leadOrganisation,
                newDocument);
    }

    /** @return this manifest at another stage */
    public ProjectManifest withStage(String newStage, String newStageCode) {
        return new ProjectManifest(id, code, titleZh, titleEn, type, workingGroup, newStage, newStageCode,
                leadOrganisation, document);
    }

    /** @return the YAML text of this manifest; equal manifests give identical text */
    public String toYaml() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("code", code);
        Map<String, Object> title = new LinkedHashMap<>();
        title.put("zh", titleZh);
        title.put("en", titleEn);
        doc.put("title", title);
        doc.put("type", type.name());
        doc.put("working-group", workingGroup);
        Map<String, Object> stageMap = new LinkedHashMap<>();
        stageMap.put("key", stage);
        stageMap.put("code", stageCode);
        doc.put("stage", stageMap);
        if (leadOrganisation != null) {
            doc.put("lead-organisation", leadOrganisation);
        }
        if (!document.equals(DocumentInfo.DEFAULT)) {
            doc.put("document", documentYaml(document));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setIndent(2);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options).dump(doc);
    }

    /**
     * Parses a {@code project.yaml}.
     *
     * @throws InvalidManifestException when the text is not YAML or a field is missing or malformed
     */
    public static ProjectManifest fromYaml(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        Object loaded;
        try {
            LoaderOptions loaderOptions = new LoaderOptions();
            loaderOptions.setAllowDuplicateKeys(false);
            DumperOptions dumperOptions = new DumperOptions();
            loaded = new Yaml(new SafeConstructor(loaderOptions), new Representer(dumperOptions), dumperOptions,
                    loaderOptions, new TextOnlyResolver()).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidManifestException("not valid YAML: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> doc)) {
            throw new InvalidManifestException("expected a mapping of fields at the top level", null);
        }
        String type = text(doc, "type");
        DocumentType documentType;
        try {
            documentType = type == null ? null : DocumentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException("type '" + type + "' is not one of " + List.of(DocumentType.values()),
                    e);
        }
        Map<?, ?> title = map(doc, "title");
        Map<?, ?> stage = map(doc, "stage");
        return new ProjectManifest(text(doc, "id"), text(doc, "code"), text(title, "zh"), text(title, "en"),
                documentType, text(doc, "working-group"), text(stage, "key"), text(stage, "code"),
                text(doc, "lead-organisation"), document(doc));
    }

    private static Map<String, Object> documentYaml(DocumentInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", d.language().code());
        putText(m, "ics", d.ics());
        putText(m, "ccs", d.ccs());
        putText(m, "year", d.year());
        putText(m, "plan-number", d.planNumber());
        putText(m, "replaces", d.replaces());
        if (!d.issuersZh().isEmpty() || !d.issuersEn().isEmpty()) {
            Map<String, Object> issuers = new LinkedHashMap<>();
            putText(issuers, "zh", d.issuersZh());
            putText(issuers, "en", d.issuersEn());
            m.put("issued-by", issuers);
        }
        if (d.releaseDate() != null) {
            m.put("release-date", d.releaseDate().toString());
        }
        if (d.effectiveDate() != null) {
            m.put("effective-date", d.effectiveDate().toString());
        }
        return m;
    }

    private static void putText(Map<String, Object> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static DocumentInfo document(Map<?, ?> doc) {
        if (doc.get("document") == null) {
            return DocumentInfo.DEFAULT;
        }
        Map<?, ?> d = map(doc, "document");
        Language language;
        try {
            String code = text(d, "language");
            language = code == null ? Language.ZH : Language.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException("document.language must be zh or en", e);
        }
        Map<?, ?> issuers = d.get("issued-by") == null ? Map.of() : map(d, "issued-by");
        return new DocumentInfo(language, text(d, "ics"), text(d, "ccs"), text(d, "year"), text(d, "plan-number"),
                text(d, "replaces"), text(issuers, "zh"), text(issuers, "en"), date(d, "release-date"),
                date(d, "effective-date"));
    }

    private static LocalDate date(Map<?, ?> doc, String key) {
        String value = text(doc, key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidManifestException("document." + key + " '" + value + "' must look like 2020-03-06", e);
        }
    }

    private static Map<?, ?> map(Map<?, ?> doc, String key) {
        Object value = doc.get(key);
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new InvalidManifestException(key + " must be a mapping", null);
    }

    private static String text(Map<?, ?> doc, String key) {
        Object value = doc.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidManifestException(key + " must be a single value", null);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidManifestException(field + " is missing", null);
        }
    }

    /** Resolves every plain scalar to a string, so that codes such as 20.20 or 35273 keep their exact spelling. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"),
                    "~nN\0", 10);
        }
    }
}
