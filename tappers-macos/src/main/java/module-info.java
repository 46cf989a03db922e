/**
 * The macOS provider: utun (a PF_SYSTEM control socket) for TUN, feth pairs for TAP. For now only the encodings
 * exist; the provider reports itself unavailable until device support lands.
 */
module dev.tappers.macos {
    requires transitive dev.tappers;
    requires dev.tappers.posix;

    provides dev.tappers.spi.TappersProvider with dev.tappers.macos.MacosTappersProvider;
}
