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
import org.junit.jupiter.api.Test;
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
