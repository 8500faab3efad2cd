package org.draftroom.drafts.storage;

import java.time.LocalDate;

import org.draftroom.drafts.domain.DocumentInfo;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectManifestTest {

    static final ProjectManifest PI_SPEC = new ProjectManifest("gbt-35273", "GB/T 35273", "信息安全技术 个人信息安全规范",
            "Information security technology — Personal information security specification", DocumentType.GB_T, "WG7",
            "drafting", "20.20", "CESI");

    @Test
    void a_manifest_is_written_in_a_fixed_key_order_and_read_back_equal() {
        String yaml = PI_SPEC.toYaml();

        assertThat(yaml).isEqualTo("""
                id: gbt-35273
                code: GB/T 35273
                title:
                  zh: 信息安全技术 个人信息安全规范
                  en: Information security technology — Personal information security specification
                type: GB_T
                working-group: WG7
                stage:
                  key: drafting
                  code: '20.20'
                lead-organisation: CESI
                """);
        assertThat(ProjectManifest.fromYaml(yaml)).isEqualTo(PI_SPEC);
    }

    @Test
    void the_document_language_and_cover_details_are_written_as_a_document_section_and_read_back() {
        ProjectManifest english = PI_SPEC.withDocument(new DocumentInfo(Language.EN, "35.030", "L80", "2020", "",
                "GB/T 35273—2017", "", "SAMR\nSAC", LocalDate.of(2020, 3, 6), LocalDate.of(2020, 10, 1)));
        String yaml = english.toYaml();

        assertThat(yaml).endsWith("""
                lead-organisation: CESI
                document:
                  language: en
                  ics: '35.030'
                  ccs: L80
                  year: '2020'
                  replaces: GB/T 35273—2017
                  issued-by:
                    en: |-
                      SAMR
                      SAC
                  release-date: '2020-03-06'
                  effective-date: '2020-10-01'
                """);
        assertThat(ProjectManifest.fromYaml(yaml)).isEqualTo(english);
        assertThat(ProjectManifest.fromYaml(PI_SPEC.toYaml()).document()).isEqualTo(DocumentInfo.DEFAULT);
        assertThat(english.withStage("review", "40.20").document()).isEqualTo(english.document());
        assertThatThrownBy(() -> ProjectManifest.fromYaml(yaml.replace("language: en", "language: fr")))
                .hasMessageContaining("document.language");
    }

    @Test
    void changing_one_field_changes_one_line() {
        String before = PI_SPEC.toYaml();
        String after = PI_SPEC.withStage("consultation", "30.20").toYaml();

        assertThat(after.lines().filter(line -> !before.lines().toList().contains(line)).toList())
                .containsExactly("  key: consultation", "  code: '30.20'");
    }

    @Test
    void hand_written_yaml_keeps_codes_as_written() {
        ProjectManifest read = ProjectManifest.fromYaml("""
                # edited by hand
                id: tc260-pg-20222a
                code: TC260-PG-20222A
                title: {zh: 网络安全标准实践指南, en: Practice guideline}
                type: PRACTICE_GUIDELINE
                working-group: WG7
                stage: {key: approval, code: 50.20}
                extra-field: ignored
                """);

        assertThat(read.stageCode()).isEqualTo("50.20");
        assertThat(read.type()).isEqualTo(DocumentType.PRACTICE_GUIDELINE);
        assertThat(read.leadOrganisation()).isNull();
        assertThat(read.toYaml()).doesNotContain("lead-organisation");
    }

    @Test
    void missing_or_malformed_fields_are_named_in_the_error() {
        assertThatThrownBy(() -> ProjectManifest.fromYaml(PI_SPEC.toYaml().replace("type: GB_T", "type: ISO")))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("type 'ISO'");
        assertThatThrownBy(() -> ProjectManifest.fromYaml(PI_SPEC.toYaml().replace("code: GB/T 35273\n", "")))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("code is missing");
        assertThatThrownBy(() -> ProjectManifest.fromYaml(PI_SPEC.toYaml().replace("'20.20'", "twenty")))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("stage.code");
        assertThatThrownBy(() -> ProjectManifest.fromYaml("id: [unclosed"))
                .isInstanceOfSatisfying(InvalidManifestException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("drafts.error.invalid-manifest"));
    }
}
