package org.draftroom.export.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.draftroom.drafts.domain.Language;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class StsExportTest {

    /**
     * The NISO STS extended 1.0 schema (MathML 3), loaded from the test classpath by URL so that its relative imports
     * (xml.xsd, xlink, MathML, TBX) resolve to the copies beside it; external access is switched off, so validation
     * never touches the network.
     */
    private static final Schema SCHEMA = loadSchema();

    private static Schema loadSchema() {
        try {
            URL entry = StsExportTest.class.getResource(
                    "/niso-sts-schema/NISO-STS-extended-1-MathML3-XSD/NISO-STS-extended-1-mathml3.xsd");
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(entry);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(byte[] xml) throws Exception {
        Validator validator = SCHEMA.newValidator();
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> strings(Document doc, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "tbx" -> "urn:iso:std:iso:30042:ed-1";
                    case "xml" -> XMLConstants.XML_NS_URI;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    @Test
    void the_sample_draft_validates_against_the_niso_sts_schema() {
        byte[] xml = DraftExports.sts(Samples.forComments());

        assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
    }

    @Test
    void the_std_meta_carries_plan_number_stage_ics_dates_replaced_standard_and_ccs_and_validates() throws Exception {
        byte[] xml = DraftExports.sts(CoverTest.export(CoverTest.PUBLISHED));
        assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
        Document doc = parse(xml);
        assertThat(strings(doc, "/standard/front/std-meta/std-ref")).containsExactly("GB/T 35273—2020", "GB/T 35273");
        assertThat(strings(doc, "/standard/front/std-meta/std-ident/year")).containsExactly("2020");
        assertThat(strings(doc, "/standard/front/std-meta/release-date")).containsExactly("2020-03-06", "2020-10-01");
        assertThat(strings(doc, "/standard/front/std-meta/ics")).containsExactly("35.030");
        assertThat(strings(doc, "/standard/front/std-meta/std-xref/std-ref")).containsExactly("GB/T 35273—2017");
        assertThat(strings(doc, "/standard/front/std-meta/release-version")).containsExactly("Draft for comments");

        byte[] draft = DraftExports.sts(CoverTest.export(CoverTest.DRAFT));
        assertThatCode(() -> validate(draft)).doesNotThrowAnyException();
        assertThat(strings(parse(draft), "/standard/front/std-meta/proj-id")).containsExactly("20241234-T-469");
    }

    @Test
    void the_front_holds_code_titles_and_the_foreword() throws Exception {
        Document doc = parse(DraftExports.sts(Samples.forComments()));

        assertThat(strings(doc, "/standard/front/std-meta/std-ref")).containsExactly("GB/T 35273");
        assertThat(strings(doc, "/standard/front/std-meta/std-ident/doc-number")).containsExactly("35273");
        assertThat(strings(doc, "/standard/front/std-meta/title-wrap[@xml:lang='zh']/full"))
                .containsExactly("信息安全技术 个人信息安全规范");
        assertThat(strings(doc, "/standard/front/std-meta/title-wrap[@xml:lang='en']/full")).hasSize(1);
        assertThat(strings(doc, "/standard/front/sec[@sec-type='foreword']/title")).containsExactly("前言");
        assertThat(strings(doc, "/standard/front/sec[@sec-type='intro']/title")).containsExactly("引言");
    }

    @Test
    void clauses_are_nested_secs_labelled_with_their_computed_numbers() throws Exception {
        Document doc = parse(DraftExports.sts(Samples.forComments()));

        assertThat(strings(doc, "/standard/body/sec/label"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(strings(doc, "/standard/body/sec[label='5']/sec/label"))
                .containsExactly("5.1", "5.2", "5.3", "5.4", "5.5", "5.6");
        assertThat(strings(doc, "/standard/body/sec[@id='scope']/@sec-type")).containsExactly("scope");
    }

    @Test
    void term_entries_are_term_secs_with_a_bilingual_tbx_entry() throws Exception {
        Document doc = parse(DraftExports.sts(Samples.forComments()));

        List<String> labels = strings(doc, "/standard/body/sec[label='3']/term-sec/label");
        assertThat(labels).hasSize(17).startsWith("3.1", "3.2").allMatch(l -> l.startsWith("3."));
        assertThat(strings(doc, "//term-sec[@id='t-pi']//tbx:langSet[@xml:lang='zh']/tbx:tig/tbx:term"))
                .containsExactly("个人信息");
        assertThat(strings(doc, "//term-sec[@id='t-pi']//tbx:langSet[@xml:lang='en']/tbx:tig/tbx:term"))
                .containsExactly("personal information");
        assertThat(strings(doc, "//term-sec[@id='t-pi']//tbx:note")).singleElement().asString()
                .endsWith("附录A。");
    }

    @Test
    void annexes_are_apps_marked_informative_and_the_bibliography_a_ref_list() throws Exception {
        Document doc = parse(DraftExports.sts(Samples.forComments()));

        assertThat(strings(doc, "/standard/back/app-group/app/label"))
                .containsExactly("附录A", "附录B", "附录C", "附录D");
        assertThat(strings(doc, "/standard/back/app-group/app/@content-type")).containsOnly("inform-annex").hasSize(4);
        assertThat(strings(doc, "/standard/back/app-group/app/annex-type")).containsOnly("（资料性）");
        assertThat(strings(doc, "/standard/back/ref-list/ref/label")).containsExactly("[1]", "[2]", "[3]", "[4]", "[5]");
    }

    @Test
    void notes_tables_and_cross_references_become_sts_elements() throws Exception {
        Document doc = parse(DraftExports.sts(Samples.forComments()));

        assertThat(strings(doc, "//sec[@id='c-independent-choice']/non-normative-note/label")).containsExactly("注");
        assertThat(strings(doc, "//xref[@rid='c-consent']")).contains("5.4");
        assertThat(strings(doc, "//xref[@rid='annex-c'][@ref-type='app']")).contains("附录C");
        assertThat(strings(doc, "//app[@id='annex-a']/table-wrap/label")).containsExactly("表A.1");
        assertThat(strings(doc, "//app[@id='annex-a']/table-wrap/table/tbody/tr")).hasSize(7);
    }

    @Test
    void every_markdown_construct_and_hostile_input_still_validates() throws Exception {
        String markdown = """
                Preamble text with a \u0001 control character.

                # Foreword {#foreword .unnumbered}

                Intro *em* **strong `code`** [web](https://example.org) [rel](docs/a.md) [](#missing) [](#scope)

                # Scope {#scope}

                - one
                - two
                  1. nested
                  2. list

                > quoted **text**

                ```
                code <block>
                ```

                <div>raw html</div>

                ![Flow](figures/flow.png)

                ![Remote](https://example.org/x.png)

                Table: Values

                | a | b |
                |:-:|--:|
                | [](#scope) | *x* |

                NOTE: a note
                with two lines.

                EXAMPLE 3: an example.

                ---

                Setext heading
                ==============

                ## Duplicate {#scope}

                # Terms {#terms}

                ## term only {#t-one .term}

                definition [](#scope)

                ### child {#t-child}

                text

                # Some annex {#annex-z .annex .normative}

                ## Annex sub {#annex-z-1}

                # Bibliography {#bibliography .bibliography}

                - [1] ISO 1
                - ISO 2
                """;
        byte[] xml = DraftExports.sts(Samples.of(Samples.project(), markdown, Language.EN));

        assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
        Document doc = parse(xml);
        assertThat(strings(doc, "//app/@content-type")).containsExactly("norm-annex");
        assertThat(strings(doc, "//app/annex-type")).containsExactly("(normative)");
        assertThat(strings(doc, "//list[@list-type='dash']/list-item")).hasSize(2);
        assertThat(strings(doc, "//non-normative-example/label")).containsExactly("EXAMPLE");
    }
}
