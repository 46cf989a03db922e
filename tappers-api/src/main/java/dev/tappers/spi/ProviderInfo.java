package dev.tappers.spi;

import dev.tappers.OsFamily;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a provider's name, operating systems and priority on its class, so discovery can pass over a provider
 * for another OS without instantiating it (and without loading its native code).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProviderInfo {
    /**
     * A short unique name, such as "linux"; the {@code tappers.provider} system property selects by it.
     *
     * @return the provider's name
     */
    String name();

    /**
     * The operating systems the provider works on.
     *
     * @return those systems; discovery passes over the provider anywhere else
     */
    OsFamily[] os();

    /**
     * Among several fitting providers the highest priority wins. Built-in providers use 100.
     *
     * @return the priority
     */
    int priority() default 0;

    /**
     * The Maven artifact to add for this provider, for messages.
     *
     * @return the artifact id, or empty
     */
    String artifact() default "";
}
