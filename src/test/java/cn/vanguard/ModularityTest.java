package cn.vanguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of style.md and their allowed dependencies; writes the module documentation to target/spring-modulith-docs. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(VanguardApplication.class);

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
