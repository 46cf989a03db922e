/**
 * The Solaris/illumos provider: the third-party tuntap STREAMS driver where it is installed. For now only the
 * encodings exist; the provider reports itself unavailable until device support lands.
 */
module dev.tappers.solaris {
    requires transitive dev.tappers;
    requires dev.tappers.posix;

    provides dev.tappers.spi.TappersProvider with dev.tappers.solaris.SolarisTappersProvider;
}
