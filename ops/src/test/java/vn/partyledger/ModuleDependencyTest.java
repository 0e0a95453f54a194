package vn.partyledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.rules.LedgerRefusalException;

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

    /** The shared rules' areas ({@code api.rules.roll}, {@code api.rules.vote}, …) hold policies, not messages. */
    @ArchTest
    static final ArchRule messages_are_records = classes().that().resideInAPackage("vn.partyledger.api..")
            .and().resideOutsideOfPackage("vn.partyledger.api.rules.*..")
            .and().areNotEnums().and().areNotInterfaces().and().areNotNestedClasses()
            .and().doNotHaveSimpleName("Envelope").and().doNotHaveSimpleName("Effective")
            .and().doNotHaveSimpleName("LedgerRefusalException").and().doNotHaveSimpleName("NoVersionInForceException")
            .should().beRecords();

    /**
     * Rules that both sides apply live once, in {@code api.rules} (decision 0007), as pure Java: no Axon, no Spring, so
     * that the command side, the query side and a plain unit test run the very same code. The one exception is the
     * refusal that carries a rule's outcome over Axon's command bus.
     */
    @ArchTest
    static final ArchRule shared_rules_are_pure_java = classes().that().resideInAPackage("vn.partyledger.api.rules..")
            .and().doNotBelongToAnyOf(LedgerRefusalException.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "vn.partyledger.api..")
            .andShould().onlyDependOnClassesThat().doNotBelongToAnyOf(LedgerRefusalException.class);

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

    /** Each area of the shared rules is a feature of its own: it may use a feature's types that use the outcomes. */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] p = javaClass.getPackageName().split("\\.");
            if (p.length < 4 || !p[0].equals("vn") || !p[1].equals("partyledger")) {
                return SliceIdentifier.ignore();
            }
            if (p.length > 4 && p[2].equals("api") && p[3].equals("rules")) {
                return SliceIdentifier.of(p[2], p[3], p[4]);
            }
            return SliceIdentifier.of(p[2], p[3]);
        }

        @Override
        public String getDescription() {
            return "features of every module, each area of the shared rules apart";
        }
    };

    @ArchTest
    static final ArchRule features_have_no_cycles = slices().assignedFrom(FEATURES).should().beFreeOfCycles();
}
