/**
 * tappers: TUN, TAP and vETH interfaces through system calls.
 *
 * <p>{@code dev.tappers} is what applications use; {@code dev.tappers.spi} is what a platform provider
 * implements. This module depends on the JDK only: providers bring the native code.
 */
module dev.tappers {
    exports dev.tappers;
    exports dev.tappers.spi;

    uses dev.tappers.spi.TappersProvider;
}
