package cn.vanguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of style.md: a pure engine at the bottom, the command line (and later the web) on top. */
@AnalyzeClasses(packages = "cn.vanguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNothingButTheJdk = classes()
            .that().resideInAPackage("cn.vanguard.scheme")
            .should().onlyDependOnClassesThat().resideInAnyPackage("cn.vanguard.scheme", "java..")
            .because("the scoring engine is pure Java: the same engine serves the web application, the API and the command line");

    @ArchTest
    static final ArchRule schemeFilesUseOnlyTheEngineTheJdkAndTheYamlParser = classes()
            .that().resideInAPackage("cn.vanguard.scheme.file..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("cn.vanguard.scheme..", "java..", "org.yaml.snakeyaml..");

    @ArchTest
    static final ArchRule onlySchemeFilesUseTheYamlParser = noClasses()
            .that().resideOutsideOfPackage("cn.vanguard.scheme.file..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..");

    @ArchTest
    static final ArchRule theEngineKnowsNothingOfItsUsers = noClasses()
            .that().resideInAPackage("cn.vanguard.scheme..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.vanguard.sheet..", "cn.vanguard.cli..");

    @ArchTest
    static final ArchRule theEngineUsesNothingOfTheProjectNorOfSpring = noClasses()
            .that().resideInAPackage("cn.vanguard.scheme..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("cn.vanguard..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("cn.vanguard.scheme.."))))
            .orShould().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule nothingDependsOnTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("cn.vanguard.cli..")
            .and().doNotHaveFullyQualifiedName("cn.vanguard.VanguardApplication")
            .should().dependOnClassesThat().resideInAPackage("cn.vanguard.cli..");

    @ArchTest
    static final ArchRule nothingDependsOnThePages = noClasses()
            .that().resideOutsideOfPackages("cn.vanguard.web..")
            .should().dependOnClassesThat().resideInAPackage("cn.vanguard.web..")
            .because("the pages sit on top: a service that needs something of a controller has it in the wrong place");

    @ArchTest
    static final ArchRule nothingDependsOnTheApi = noClasses()
            .that().resideOutsideOfPackages("cn.vanguard.api..")
            .should().dependOnClassesThat().resideInAPackage("cn.vanguard.api..")
            .because("the REST API sits on top, beside the pages");

    @ArchTest
    static final ArchRule theReviewRunsNoSql = noClasses()
            .that().resideInAPackage("cn.vanguard.review..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
            .because("the ledger owns its tables: the review reads entries and moves their status only through the ledger's EntryStates");

    /** All time comes from the one injected {@link java.time.Clock} (real, or the training clock of VANGUARD_CLOCK). */
    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .that().resideOutsideOfPackage("cn.vanguard.bench..")
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalTime.class, "now")
            .orShould().callMethod(java.time.YearMonth.class, "now")
            .orShould().callMethod(java.time.Year.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callConstructor(java.util.Date.class)
            .because("a training clock (VANGUARD_CLOCK) must move every date the application uses; Infrastructure makes the one "
                    + "clock with Clock.system(zone)");
}
