package dev.tappers;

/**
 * A provider was asked for a feature it does not have. Names the feature, the provider and the OS, so a missing
 * feature is never mistaken for a silent success.
 */
public class UnsupportedFeatureException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /** The missing feature. */
    private final Feature feature;
    /** The provider (or device class) that lacks it. */
    private final String provider;

    /**
     * Makes the exception; the message names the feature, the provider and the OS.
     *
     * @param feature the missing feature
     * @param provider the provider's name, or the device's class
     * @param detail what to do instead, or {@code null}
     */
    public UnsupportedFeatureException(Feature feature, String provider, String detail) {
        super(feature.description() + " (" + feature + ") is not supported by provider '" + provider + "' on "
                + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.feature = feature;
        this.provider = provider;
    }

    /**
     * The feature that was asked for.
     *
     * @return the feature
     */
    public Feature feature() {
        return feature;
    }

    /**
     * The provider (or device class) that lacks it.
     *
     * @return its name
     */
    public String provider() {
        return provider;
    }
}
