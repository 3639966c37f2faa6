package dev.aipcbench.benchmarks.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The suite's shape, kept by a test (DESIGN.md's layout): dependencies point one way (results <- harness,
 * results <- reports, benchmarks on top), reports read results only, and no two packages depend on each
 * other in a circle, so each implementation package (a runtime, a telemetry source, a model format) sits
 * beneath its concept's small interface and the catalogs that list them live apart.
 */
class ArchitectureTest {
    private static JavaClasses suite;

    @BeforeAll
    static void importTheSuite() {
        // Main code only: test classes in folders, and the other modules' test-jars that `mvn verify` puts on this
        // module's test classpath as jars (ArchUnit's own option recognises only the folders).
        suite = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("dev.aipcbench");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.aipcbench.(**)").should().beFreeOfCycles().check(suite);
    }

    @Test
    void resultsDependOnNothingOfTheSuite() {
        noClasses().that().resideInAPackage("dev.aipcbench.results..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aipcbench.harness..", "dev.aipcbench.reports..",
                        "dev.aipcbench.benchmarks..")
                .check(suite);
    }

    @Test
    void reportsReadResultsOnlyWithNoNativeRuntimeOnTheirClasspath() {
        noClasses().that().resideInAPackage("dev.aipcbench.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aipcbench.harness..", "dev.aipcbench.benchmarks..",
                        "ai.onnxruntime..", "com.sun.jna..", "oshi..", "ai.djl..")
                .check(suite);
    }

    @Test
    void theHarnessIsBelowTheBenchmarksAndTheReports() {
        noClasses().that().resideInAPackage("dev.aipcbench.harness..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aipcbench.benchmarks..", "dev.aipcbench.reports..")
                .check(suite);
    }

    @Test
    void theCommandLineIsOnTopOfEverything() {
        noClasses().that().resideOutsideOfPackage("dev.aipcbench.benchmarks.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.aipcbench.benchmarks.cli..")
                .check(suite);
    }
}
