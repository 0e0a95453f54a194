package vn.partyledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "vn.partyledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyTest {

    @ArchTest
    static final ArchRule modules_depend_only_on_api = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("vn.partyledger.api..")
            .layer("command").definedBy("vn.partyledger.command..")
            .layer("query").definedBy("vn.partyledger.query..")
            .layer("ops").definedBy("vn.partyledger.ops..")
            .whereLayer("ops").mayNotBeAccessedByAnyLayer()
            .whereLayer("command").mayOnlyBeAccessedByLayers("ops")
            .whereLayer("query").mayOnlyBeAccessedByLayers("ops");

    @ArchTest
    static final ArchRule query_and_command_never_meet = noClasses().that().resideInAPackage("vn.partyledger.query..")
            .should().dependOnClassesThat().resideInAPackage("vn.partyledger.command..");

    @ArchTest
    static final ArchRule command_never_reads_query_side = noClasses().that().resideInAPackage("vn.partyledger.command..")
            .should().dependOnClassesThat().resideInAPackage("vn.partyledger.query..");

    @ArchTest
    static final ArchRule api_is_plain_java_with_axon_annotations = classes().that().resideInAPackage("vn.partyledger.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "vn.partyledger.api..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                    "org.axonframework.commandhandling..");

    /** The offline verifier runs with a JDK alone: no Spring, no Axon, no database, nothing of the service. */
    @ArchTest
    static final ArchRule verifier_needs_only_the_jdk_and_json = classes().that().resideInAPackage("vn.partyledger.verifier..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "vn.partyledger.verifier..",
                    "com.fasterxml.jackson..", "org.erdtman.jcs..");

    @ArchTest
    static final ArchRule messages_are_records = classes().that().resideInAPackage("vn.partyledger.api..")
            .and().areNotEnums().and().areNotInterfaces().and().areNotNestedClasses()
            .and().doNotHaveSimpleName("Envelope").and().doNotHaveSimpleName("Effective")
            .and().doNotHaveSimpleName("LedgerRefusalException")
            .should().beRecords();

    @ArchTest
    static final ArchRule aggregates_live_in_command = classes().that().areAnnotatedWith(Aggregate.class)
            .should().resideInAPackage("vn.partyledger.command..");

    /**
     * Read models live in query; the only event handlers on the command side are its own lookup tables, and in ops only
     * the storage layer's mirror of Axon Server's store.
     */
    @ArchTest
    static final ArchRule event_handlers_live_in_query_or_command_lookups = classes()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .should().resideInAnyPackage("vn.partyledger.query..", "vn.partyledger.command..",
                    "vn.partyledger.ops.storage..");

    @ArchTest
    static final ArchRule features_have_no_cycles = slices().matching("vn.partyledger.(*).(*)..").should().beFreeOfCycles();
}
