package dev.tappers;

/**
 * Run in a child JVM by {@link AddressParsingNeverResolvesTest}: parses each argument as an address request and
 * prints one line per argument, {@code ACCEPTED<TAB>input<TAB>result} or {@code REJECTED<TAB>input<TAB>message}.
 */
public final class NoDnsProbe {
    private NoDnsProbe() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            try {
                System.out.println("ACCEPTED\t" + a + "\t" + AddressRequest.parse(a));
            } catch (IllegalArgumentException e) {
                System.out.println("REJECTED\t" + a + "\t" + e.getMessage());
            }
        }
    }
}
