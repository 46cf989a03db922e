package dev.tappers;

/**
 * A provider was asked for a feature it does not have. Names the feature, the provider and the OS, so a missing
 * feature is never mistaken for a silent success.
 */
public class UnsupportedFeatureException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final Feature feature;
    private final String provider;

    public UnsupportedFeatureException(Feature feature, String provider, String detail) {
        super(feature.description() + " (" + feature + ") is not supported by provider '" + provider + "' on "
                + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.feature = feature;
        this.provider = provider;
    }

    public Feature feature() {
        return feature;
    }

    public String provider() {
        return provider;
    }
}
