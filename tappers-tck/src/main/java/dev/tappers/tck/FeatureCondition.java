package dev.tappers.tck;

import dev.tappers.Feature;
import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns {@link RequiresFeature} into a skip with a reason. It asks the provider of the running test instance
 * (a {@link ProviderTest}), so the same test class reports different skips for different providers.
 */
public final class FeatureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<Feature> needed = EnumSet.noneOf(Feature.class);
        context.getTestClass().ifPresent(c -> needed.addAll(required(c)));
        context.getTestMethod().ifPresent(m -> needed.addAll(required(m)));
        if (needed.isEmpty()) {
            return ConditionEvaluationResult.enabled("no feature required");
        }
        Optional<Object> instance = context.getTestInstance();
        if (instance.isEmpty()) {
            // Class level, before any instance exists: decide per method, once the provider can be asked.
            return ConditionEvaluationResult.enabled("features are checked per test method");
        }
        if (!(instance.get() instanceof ProviderTest)) {
            throw new IllegalStateException("@" + RequiresFeature.class.getSimpleName() + " on "
                    + instance.get().getClass().getName() + " needs a subclass of " + ProviderTest.class.getName()
                    + " so it can ask the provider for its features");
        }
        TappersProvider provider = ((ProviderTest) instance.get()).provider();
        if (provider == null) {
            throw new IllegalStateException(instance.get().getClass().getName() + ".provider() returned null");
        }
        return evaluate(provider.name(), provider.features(), needed);
    }

    /** The decision itself: enabled when every needed feature is present, else disabled naming the missing ones. */
    static ConditionEvaluationResult evaluate(String providerName, Set<Feature> has, Set<Feature> needed) {
        List<Feature> missing = new ArrayList<>();
        for (Feature f : needed) {
            if (has == null || !has.contains(f)) {
                missing.add(f);
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("provider '" + providerName + "' has " + needed);
        }
        return ConditionEvaluationResult.disabled(lackMessage(providerName, missing));
    }

    /** For example {@code provider 'linux' lacks TAP (TAP devices), SET_MAC (changing the MAC address)}. */
    static String lackMessage(String providerName, List<Feature> missing) {
        return "provider '" + providerName + "' lacks " + missing.stream()
                .map(f -> f + " (" + f.description() + ")").collect(Collectors.joining(", "));
    }

    private static Set<Feature> required(AnnotatedElement element) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        AnnotationSupport.findAnnotation(element, RequiresFeature.class).ifPresent(r -> out.addAll(List.of(r.value())));
        return out;
    }
}
