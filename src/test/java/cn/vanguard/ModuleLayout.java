package cn.vanguard;

import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.core.NamedInterfaces;

/**
 * The application modules are the direct sub-packages of {@code cn.vanguard}. The scoring engine's {@code file}
 * package (scheme files and presets) is part of its API as the named interface "file". It is declared here rather than
 * with {@code @NamedInterface} in a package-info, because the engine may depend on nothing but the JDK.
 */
public class ModuleLayout implements ApplicationModuleDetectionStrategy {

    private final ApplicationModuleDetectionStrategy modules = ApplicationModuleDetectionStrategy.directSubPackage();

    @Override
    public Stream<JavaPackage> getModuleBasePackages(JavaPackage root) {
        return modules.getModuleBasePackages(root);
    }

    @Override
    public NamedInterfaces detectNamedInterfaces(JavaPackage basePackage, ApplicationModuleInformation information) {
        NamedInterfaces interfaces = modules.detectNamedInterfaces(basePackage, information);
        if (basePackage.getName().equals("cn.vanguard.scheme")) {
            return interfaces.and(NamedInterfaces.builder(basePackage).matching("file").build());
        }
        return interfaces;
    }
}
