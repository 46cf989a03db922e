package dev.tappers.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help, usage errors and exit codes: nothing here touches a device. */
class MainTest {
    private static final List<String> ALL = List.of("demo", "list", "show", "create", "delete", "addr", "mtu", "up",
            "down", "capture", "info");

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help").ok();
        for (String name : ALL) {
            assertTrue(run.out().contains("\n  " + name + " "), name + " missing from\n" + run.out());
        }
        assertEquals(ALL, Main.COMMANDS.stream().map(Command::name).toList());
        assertEquals("", run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String name : ALL) {
            CliRun run = CliRun.of(name, "--help").ok();
            assertTrue(run.out().startsWith("usage: tappers " + name), run.out());
            assertEquals(run.out(), CliRun.of("help", name).ok().out());
            assertEquals(run.out(), CliRun.of(name, "-h").ok().out());
        }
    }

    @Test
    void helpSaysWhatCreateAndCaptureLeaveAndNeed() {
        assertTrue(CliRun.of("create", "--help").out().contains("PERSISTENT"));
        String capture = CliRun.of("capture", "--help").out();
        assertTrue(capture.contains("EBUSY") && capture.contains("persistent"), capture);
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.out().startsWith("usage: tappers"));
    }

    @Test
    void mistakesGiveOneLineAndExitCode64() {
        for (String[] args : List.of(new String[] {"bogus"}, new String[] {"list", "--jsn"},
                new String[] {"create"}, new String[] {"create", "bridge"}, new String[] {"capture", "tun0"},
                new String[] {"capture", "tun0", "-w", "f", "-c", "0"}, new String[] {"mtu", "tun0", "big"},
                new String[] {"addr", "put", "tun0", "198.18.0.1/24"}, new String[] {"demo", "--seconds", "99"},
                new String[] {"addr", "add", "tun0", "198.18.0.1/33"}, new String[] {"create", "tun", "a/b"})) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("tappers: "), run.toString());
            assertEquals(1, run.err().lines().count(), run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
        }
    }

    @Test
    void errorsNameTheSubCommand() {
        assertEquals("tappers: addr add: prefix length 33 for IPv4 address 198.18.0.1 is out of range 0-32\n",
                CliRun.of("addr", "add", "tun0", "198.18.0.1/33").err());
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun run = CliRun.of("--debug", "addr", "add", "tun0", "nonsense/8");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void messagesStayOnOneLine() {
        assertEquals("a; b; c?d", Main.oneLine("a\nb\r\n  c\u0007d"));
    }
}
