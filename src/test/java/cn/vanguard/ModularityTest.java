package cn.vanguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.docs.Documenter;

/** The modules of style.md and their allowed dependencies; writes the module documentation to target/spring-modulith-docs. */
class ModularityTest {

    /**
     * The entry point belongs to no module: it hands a command line to {@code cli}, whose commands (import-ledger) use
     * the modules, which use the shared root package; counted in the root, it would close that into a cycle.
     */
    private final ApplicationModules modules = ApplicationModules.of(VanguardApplication.class,
            JavaClass.Predicates.equivalentTo(VanguardApplication.class));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theEngineIsAModuleWithItsFileFormatAsANamedInterface() {
        assertThat(modules.getModuleByName("scheme")).hasValueSatisfying(scheme ->
                assertThat(scheme.getNamedInterfaces().getByName("file")).isPresent());
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("scheme", "sheet", "cli");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
