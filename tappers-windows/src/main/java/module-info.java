/**
 * The Windows provider: wintun.dll for TUN, tap-windows6 for TAP, the IP Helper API for addresses, MTU and
 * routes. For now only the encodings exist; the provider reports itself unavailable until device support lands.
 */
module dev.tappers.windows {
    requires transitive dev.tappers;

    provides dev.tappers.spi.TappersProvider with dev.tappers.windows.WindowsTappersProvider;
}
