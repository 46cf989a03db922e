/**
 * The BSD provider: FreeBSD, OpenBSD, NetBSD and DragonFly, each with its own tables in a sub-package, since
 * their ioctl numbers, struct sizes and address families differ. For now only the encodings exist; the
 * provider reports itself unavailable until device support lands.
 */
module dev.tappers.bsd {
    requires transitive dev.tappers;
    requires dev.tappers.posix;

    provides dev.tappers.spi.TappersProvider with dev.tappers.bsd.BsdTappersProvider;
}
