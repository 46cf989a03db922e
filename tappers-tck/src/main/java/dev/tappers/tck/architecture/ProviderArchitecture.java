package dev.tappers.tck.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every provider checks its own main classes against (ARCHITECTURE.md, "Dependency
 * rules"). A provider module imports its classes and evaluates {@link #rulesFor(String)}:
 *
 * <pre>{@code
 * JavaClasses main = new ClassFileImporter()
 *         .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
 *         .importPackages("dev.tappers.macos");
 * ProviderArchitecture.rulesFor("dev.tappers.macos").forEach(rule -> rule.check(main));
 * }</pre>
 *
 * <p>A third-party provider checks itself the same way; its own root package is simply not one of
 * {@link #BUILT_IN_PROVIDER_PACKAGES}.
 */
public final class ProviderArchitecture {

    /** The root packages of the providers shipped with tappers; none may reach into another. */
    public static final Set<String> BUILT_IN_PROVIDER_PACKAGES = Set.of("dev.tappers.linux", "dev.tappers.macos",
            "dev.tappers.bsd", "dev.tappers.solaris", "dev.tappers.aix", "dev.tappers.windows");

    /** Where JNA types may appear: a package named {@code jna} (or below it), opened to com.sun.jna only. */
    public static final String JNA_PACKAGES = "..jna..";

    private static final String JNA = "com.sun.jna";

    private ProviderArchitecture() {
    }

    /** All rules for the provider whose root package is {@code ownPackage}, such as "dev.tappers.macos". */
    public static List<ArchRule> rulesFor(String ownPackage) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noSubprocesses());
        rules.add(jnaOnlyInJnaPackages());
        rules.add(noDependencyOnOtherProviders(ownPackage));
        rules.add(publicSignaturesOutsideJnaPackagesNeverMentionJna());
        return List.copyOf(rules);
    }

    /**
     * No {@link ProcessBuilder} and no {@code Runtime.exec}: the library configures interfaces through system
     * calls only, never by running {@code ip}, {@code ifconfig}, {@code route} or {@code netsh}, whose
     * output and presence change between OS releases.
     */
    public static ArchRule noSubprocesses() {
        return noClasses()
                .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .orShould(callRuntimeExec())
                .because("tappers uses system calls only; running ip/ifconfig/route/netsh is what it replaces");
    }

    /** JNA types ({@code com.sun.jna..}) are used only in packages named {@code jna}. */
    public static ArchRule jnaOnlyInJnaPackages() {
        return noClasses().that().resideOutsideOfPackage(JNA_PACKAGES)
                .should().dependOnClassesThat().resideInAPackage(JNA + "..")
                .because("native mapping lives in one package per provider, opened to com.sun.jna alone")
                // A module whose classes all sit in jna packages has nothing this rule could catch.
                .allowEmptyShould(true);
    }

    /**
     * No class depends on another built-in provider: providers depend on the API and the shared POSIX module,
     * never on each other, so each jar works alone.
     *
     * @param ownPackage the checked provider's root package, such as "dev.tappers.macos"
     */
    public static ArchRule noDependencyOnOtherProviders(String ownPackage) {
        Objects.requireNonNull(ownPackage, "ownPackage");
        if (ownPackage.isBlank() || ownPackage.startsWith(".") || ownPackage.endsWith(".")) {
            throw new IllegalArgumentException("provider architecture rule: own package '" + ownPackage
                    + "' is not a package name");
        }
        String[] others = BUILT_IN_PROVIDER_PACKAGES.stream()
                .filter(p -> !p.equals(ownPackage))
                .sorted()
                .map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("providers never depend on each other (" + ownPackage + " is checked)");
    }

    /**
     * Public members of public classes outside the {@code jna} packages never mention a JNA type in their
     * signature (field type, parameter, return type, declared exception), nor does such a class extend or
     * implement one: users of a provider must not need JNA on their compile path.
     */
    public static ArchRule publicSignaturesOutsideJnaPackagesNeverMentionJna() {
        return classes().that().resideOutsideOfPackage(JNA_PACKAGES).and().arePublic()
                .should(keepJnaOutOfPublicSignatures())
                .because("Pointer, Structure and NativeLong stay inside the provider's jna package")
                // A module with no public class outside its jna packages shows users no signature at all.
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> callRuntimeExec() {
        return new ArchCondition<>("call Runtime.exec") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    boolean exec = call.getTargetOwner().isAssignableTo(Runtime.class) && call.getName().equals("exec");
                    events.add(new SimpleConditionEvent(call, exec, call.getDescription()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> keepJnaOutOfPublicSignatures() {
        DescribedPredicate<JavaClass> jna = new DescribedPredicate<>("a JNA type") {
            @Override
            public boolean test(JavaClass type) {
                JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                return base.getPackageName().equals(JNA) || base.getPackageName().startsWith(JNA + ".");
            }
        };
        return new ArchCondition<>("keep JNA types out of public signatures") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getRawSuperclass().filter(jna).ifPresent(s ->
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " extends " + s.getName())));
                item.getRawInterfaces().stream().filter(jna).forEach(i ->
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " implements " + i.getName())));
                for (JavaField f : item.getFields()) {
                    if (f.getModifiers().contains(JavaModifier.PUBLIC) && jna.test(f.getRawType())) {
                        events.add(SimpleConditionEvent.violated(f, f.getFullName() + " has JNA type "
                                + f.getRawType().getName()));
                    }
                }
                for (JavaCodeUnit unit : item.getCodeUnits()) {
                    if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                        continue;
                    }
                    List<JavaClass> mentioned = new ArrayList<>(unit.getRawParameterTypes());
                    mentioned.add(unit.getRawReturnType());
                    unit.getThrowsClause().getTypes().forEach(mentioned::add);
                    for (JavaClass t : mentioned) {
                        if (jna.test(t)) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " mentions JNA type "
                                    + t.getName()));
                        }
                    }
                }
            }
        };
    }
}
