package org.draftroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The house rules: module boundaries, thin views, services free of UI, JGit only in drafts storage. */
class ArchitectureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(DraftroomApplication.class);
    private static final JavaClasses CLASSES = importWithoutResolving();

    /**
     * Our classes for the rules below, which look only at the packages of what our classes use: the importer knows
     * those from our class files, so it need not read the used classes from the class path, which was most of the
     * import's time. Modulith's import above keeps the default, since it reads the annotations of Spring's types.
     */
    private static JavaClasses importWithoutResolving() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.draftroom");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    @Test
    void modules_only_use_each_others_published_interfaces() {
        MODULES.verify();
    }

    @Test
    void views_do_not_touch_repositories() {
        noClasses().that().resideInAPackage("org.draftroom..ui..").should().dependOnClassesThat()
                .resideInAPackage("org.draftroom..data..")
                .check(CLASSES);
    }

    @Test
    void services_do_not_depend_on_the_ui() {
        noClasses().that().resideInAnyPackage("org.draftroom..service..", "org.draftroom..domain..", "org.draftroom..data..").should().dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.draftroom..ui..").check(CLASSES);
    }

    @Test
    void jgit_is_used_only_inside_drafts_storage() {
        noClasses().that().resideOutsideOfPackage("org.draftroom.drafts.storage..").should().dependOnClassesThat()
                .resideInAPackage("org.eclipse.jgit..").check(CLASSES);
    }

    /**
     * {@code DraftReader} reads any draft without an access check: only the modules that decided access by their own
     * rules use it (comments and rounds for a round's frozen text, search for its index), besides drafts itself.
     */
    @Test
    void only_comments_rounds_and_search_read_drafts_unchecked() {
        noClasses().that().resideOutsideOfPackages("org.draftroom.drafts..", "org.draftroom.comments..",
                        "org.draftroom.rounds..", "org.draftroom.search..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.draftroom.drafts.service.DraftReader")
                .because("DraftReader skips the access checks of DraftService").check(CLASSES);
    }

    /** Live edits reach Git unchecked (the editing module checked every edit): nobody else may write them. */
    @Test
    void only_editing_commits_live_edits() {
        noClasses().that().resideOutsideOfPackages("org.draftroom.drafts..", "org.draftroom.editing..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "DraftService.commitLiveEdits", call -> call.getTarget().getOwner().getFullName()
                                .equals("org.draftroom.drafts.service.DraftService")
                                && call.getTarget().getName().equals("commitLiveEdits")))
                .check(CLASSES);
    }

    /**
     * The README's diagram is the module model drawn in Mermaid: every module and every module it depends on (by
     * type, bean, event or call), one arrow per pair. Regenerate with
     * {@code ./mvnw test -Dtest=ArchitectureTest -Ddocs.update=true}.
     */
    @Test
    void the_module_diagram_in_the_readme_is_current() throws IOException {
        StringBuilder diagram = new StringBuilder("```mermaid\nflowchart LR\n");
        List<ApplicationModule> modules = MODULES.stream()
                .sorted(Comparator.comparing((ApplicationModule m) -> m.getIdentifier().toString())).toList();
        for (ApplicationModule module : modules) {
            diagram.append("    ").append(module.getIdentifier()).append("[\"").append(module.getDisplayName())
                    .append("\"]\n");
        }
        for (ApplicationModule module : modules) {
            module.getDirectDependencies(MODULES).uniqueModules().map(m -> m.getIdentifier().toString()).sorted()
                    .distinct().forEach(target -> diagram.append("    ").append(module.getIdentifier())
                            .append(" --> ").append(target).append('\n'));
        }
        diagram.append("```\n");
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("```mermaid\n");
        int end = text.indexOf("```\n", start + 1) + 4;
        assertThat(start).as("README.md has a mermaid block").isNotNegative();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(readme, text.substring(0, start) + diagram + text.substring(end));
            text = Files.readString(readme);
        }
        assertThat(text.substring(start, text.indexOf("```\n", start + 1) + 4))
                .as("README.md's module diagram (regenerate: see Javadoc)").isEqualTo(diagram.toString());
    }

    /** Regenerate with {@code ./mvnw test -Dtest=ArchitectureTest -Ddocs.update=true}. */
    @Test
    void the_module_diagram_in_docs_is_current() throws IOException {
        Path generated = Path.of("target/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults());
        Path diagram = generated.resolve("components.puml");
        Path documented = Path.of("docs/modules/components.puml");
        if (Boolean.getBoolean("docs.update")) {
            Files.createDirectories(documented.getParent());
            Files.copy(diagram, documented, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(documented).as("docs/modules/components.puml (regenerate: see Javadoc)").exists();
        // The Documenter writes the relations in no fixed order: compare the lines, not their order.
        assertThat(Files.readAllLines(documented)).containsExactlyInAnyOrderElementsOf(Files.readAllLines(diagram));
    }
}
