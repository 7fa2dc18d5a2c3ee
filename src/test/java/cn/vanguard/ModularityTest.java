package cn.vanguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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

    /**
     * Every module names the modules it may use, so that a new dependency is a decision in its package-info, not an
     * accident of an import; the engine, which may carry no annotation, may use none.
     */
    @Test
    void everyModuleDeclaresItsAllowedDependencies() throws ClassNotFoundException {
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            if (name.equals("scheme")) {
                assertThat(module.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getIdentifier().toString()))
                        .as("the engine depends on no module").isEmpty();
                continue;
            }
            org.springframework.modulith.ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(declared).as(name + "'s package-info carries @ApplicationModule").isNotNull();
            assertThat(declared.allowedDependencies()).as(name + " lists its allowed dependencies")
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        }
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
