/**
 * The AIX provider: TAP through pre-created /dev/tapN devices, which is all AIX offers. For now only the
 * encodings exist; the provider reports itself unavailable until device support lands.
 */
module dev.tappers.aix {
    requires transitive dev.tappers;
    requires dev.tappers.posix;

    provides dev.tappers.spi.TappersProvider with dev.tappers.aix.AixTappersProvider;
}
