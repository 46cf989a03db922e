package dev.tappers.bsd.archfixture;

/** Stands in for another provider's class, so a fixture can depend on it. */
public final class OtherProviderClass {
    public static final String VALUE = "not a constant expression".trim();

    private OtherProviderClass() {
    }
}
