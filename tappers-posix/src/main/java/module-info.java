/**
 * Code shared by the POSIX providers: per-OS constant tables and the pure encodings (ioctl request numbers,
 * sockaddrs, errno names, the 4-byte address-family packet header). Exported only to the providers.
 */
// The qualified export names provider modules that are built after this one, so javac cannot see them yet.
@SuppressWarnings("module")
module dev.tappers.posix {
    requires transitive dev.tappers;

    exports dev.tappers.posix to dev.tappers.linux, dev.tappers.macos, dev.tappers.bsd, dev.tappers.solaris,
            dev.tappers.aix;
}
