/**
 * The in-memory provider: TUN and TAP devices connected in software, for testing code that uses tappers without
 * root, a kernel or native code. Pure Java. Also the worked example of a provider written outside this project's
 * OS modules: it {@code provides} the SPI and passes the conformance kit.
 */
module dev.tappers.memory {
    requires transitive dev.tappers;

    exports dev.tappers.memory;

    provides dev.tappers.spi.TappersProvider with dev.tappers.memory.MemoryTappersProvider;
}
