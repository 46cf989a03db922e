package dev.tappers.tck;

import dev.tappers.Feature;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The features a conformance test needs. When the provider under test lacks any of them the test is reported as
 * <em>skipped</em>, with a reason such as {@code provider 'linux' lacks TAP (TAP devices)} &mdash; never as
 * passed. On a class it applies to every test in it; method and class requirements add up.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(FeatureCondition.class)
public @interface RequiresFeature {
    /** Every feature the test needs. */
    Feature[] value();
}
