package dev.tappers.cli;

import dev.tappers.NoProviderException;
import dev.tappers.PermissionDeniedException;
import dev.tappers.TappersException;
import dev.tappers.UnsupportedFeatureException;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code tappers COMMAND ...}: finds the command, parses its arguments, runs it, and turns any failure into one line
 * on stderr and an exit code ({@link ExitCode}). A stack trace only with {@code --debug}.
 */
public final class Main {
    /** Every command, in the order {@code tappers --help} lists them. */
    static final List<Command> COMMANDS = List.of(
            new DemoCommand(),
            new ListCommand(false),
            new ListCommand(true),
            new CreateCommand(),
            new DeleteCommand(),
            new AddrCommand(),
            new MtuCommand(),
            new StateCommand(true),
            new StateCommand(false),
            new CaptureCommand(),
            new InfoCommand());

    private Main() {
    }

    public static void main(String[] args) {
        Terminal terminal = Terminal.system();
        int code = run(args, terminal);
        terminal.out.flush();
        terminal.err.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. The entry point for tests, too. */
    static int run(String[] argv, Terminal terminal) {
        List<String> tokens = Arrays.asList(argv);
        boolean debug = tokens.contains(Args.DEBUG);
        int first = 0;
        while (first < tokens.size() && tokens.get(first).equals(Args.DEBUG)) {
            first++;
        }
        if (first == tokens.size() || isHelp(tokens.get(first))) {
            terminal.out.print(overview());
            return first == tokens.size() ? ExitCode.USAGE : ExitCode.OK;
        }
        String name = tokens.get(first);
        if (name.equals("help")) { // "tappers help COMMAND" reads as "tappers COMMAND --help"
            if (first + 1 == tokens.size()) {
                terminal.out.print(overview());
                return ExitCode.OK;
            }
            name = tokens.get(first + 1);
            tokens = List.of(name, Args.HELP);
            first = 0;
        }
        Optional<Command> found = find(name);
        if (found.isEmpty()) {
            terminal.err.println("tappers: unknown command '" + oneLine(name) + "' (tappers --help lists them)");
            return ExitCode.USAGE;
        }
        Command command = found.get();
        Args args;
        try {
            args = Args.parse(tokens.subList(first + 1, tokens.size()), command.flags(), command.valued());
        } catch (UsageException e) {
            return report(terminal, command.name(), e, debug);
        }
        if (args.has(Args.HELP)) {
            terminal.out.print(help(command));
            return ExitCode.OK;
        }
        try {
            return command.run(args, terminal);
        } catch (Exception | Error e) {
            return report(terminal, command.context(args), e, debug);
        } finally {
            terminal.out.flush();
        }
    }

    private static boolean isHelp(String token) {
        return token.equals(Args.HELP) || token.equals("-h");
    }

    static Optional<Command> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static String overview() {
        StringBuilder s = new StringBuilder();
        s.append("usage: tappers [--debug] COMMAND [ARGS]   (tappers COMMAND --help for one command)\n\n");
        s.append("TUN, TAP and vETH interfaces through system calls only (never ip, ifconfig or netsh).\n");
        s.append("Commands that change interfaces act in this process's network namespace and need root\n");
        s.append("(or CAP_NET_ADMIN).\n\ncommands:\n");
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : COMMANDS) {
            s.append(String.format("  %-" + width + "s  %s%n", c.name(), c.summary()));
        }
        s.append("\nexit codes: 0 ok, 1 failed, 64 usage error, 69 not available here, 77 needs root\n");
        return s.toString();
    }

    static String help(Command command) {
        return "usage: tappers " + command.synopsis() + "\n\n" + command.summary() + ".\n\n" + command.details()
                + (command.details().endsWith("\n") ? "" : "\n");
    }

    /** Prints the failure as one line (plus the stack trace with --debug) and picks the exit code. */
    private static int report(Terminal terminal, String context, Throwable e, boolean debug) {
        int code = exitCode(e);
        terminal.err.println("tappers: " + context + ": " + message(e));
        if (debug) {
            e.printStackTrace(terminal.err);
        }
        terminal.err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CommandException) {
            return ((CommandException) e).exitCode();
        }
        if (e instanceof PermissionDeniedException) {
            return ExitCode.NO_PERMISSION;
        }
        if (e instanceof UnsupportedFeatureException || e instanceof NoProviderException) {
            return ExitCode.UNAVAILABLE;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCode.USAGE; // the library checks arguments before any system call
        }
        return ExitCode.FAILURE;
    }

    /** What failed and what to do, on one line. */
    static String message(Throwable e) {
        if (e instanceof UsageException) {
            return oneLine(e.getMessage()) + " (see --help)";
        }
        if (e instanceof PermissionDeniedException) {
            PermissionDeniedException p = (PermissionDeniedException) e;
            String text = oneLine(p.getMessage());
            return p.hint().isPresent() ? text + ": run as root" : text + " - needs CAP_NET_ADMIN: run as root";
        }
        if (e instanceof NoProviderException) {
            String[] lines = e.getMessage().split("\n");
            return oneLine(lines[0]) + "; " + oneLine(lines[lines.length - 1]) + " (tappers info shows why)";
        }
        if (e instanceof CommandException || e instanceof TappersException || e instanceof IllegalArgumentException
                || e instanceof UnsupportedFeatureException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof IOException) {
            return oneLine(e.toString());
        }
        return "internal error: " + oneLine(e.toString()) + " (run again with --debug for the stack trace)";
    }

    /** Keeps a message on one line whatever it contains. */
    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("[\\r\\n]+\\s*", "; ").replaceAll("\\p{Cntrl}", "?");
    }
}
