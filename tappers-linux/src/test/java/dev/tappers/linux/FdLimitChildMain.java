package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.TappersException;
import dev.tappers.Tun;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link FaultsTest} in a child JVM whose descriptor limit was lowered before it started (the test JVM's
 * own limit is never touched): creates TUNs until the limit stops it, prints the error, frees every descriptor
 * and creates one more. One line per fact: {@code CREATED n}, {@code ERROR <class> <errno> <message>},
 * {@code RECOVERED <name>}, or {@code UNEXPECTED <exception>}.
 */
public final class FdLimitChildMain {
    private FdLimitChildMain() {
    }

    public static void main(String[] args) throws IOException {
        LinuxTappersProvider provider = new LinuxTappersProvider();
        List<Tun> open = new ArrayList<>();
        // Load the error path's classes while descriptors are left: from a directory of classes (the build's
        // target/classes, unlike a jar the JVM holds open) each class loaded needs a descriptor of its own.
        LinuxErrors.device("warm-up", "none", 24 /* EMFILE */, null).getMessage();
        try {
            for (int i = 0; i < Integer.parseInt(args[0]); i++) { // bounded: the limit is far below this
                open.add(provider.createTun(DeviceOptions.defaults()));
            }
            System.out.println("NOLIMIT " + open.size());
        } catch (TappersException e) {
            System.out.println("CREATED " + open.size());
            System.out.println("ERROR " + e.getClass().getSimpleName() + " " + e.errnoName() + " " + e.getMessage());
        } catch (Throwable t) {
            System.out.println("UNEXPECTED " + t);
        } finally {
            for (Tun t : open) {
                t.close();
            }
        }
        try (Tun again = provider.createTun(DeviceOptions.defaults())) {
            again.up();
            System.out.println("RECOVERED " + again.name());
        } catch (Throwable t) {
            System.out.println("UNEXPECTED after freeing: " + t);
        }
    }
}
