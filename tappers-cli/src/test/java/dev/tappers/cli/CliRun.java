package dev.tappers.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI's entry point, with stdout, stderr and the exit code captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Main.run(args, new Terminal(outStream, new PrintStream(err, true, StandardCharsets.UTF_8), out,
                false));
        outStream.flush();
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Fails with everything the command printed unless it exited with 0. */
    CliRun ok() {
        if (exitCode != 0) {
            throw new AssertionError("exit code " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
        }
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stdout [" + out + "], stderr [" + err + "]";
    }
}
