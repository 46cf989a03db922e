package dev.tappers.cli;

import dev.tappers.Feature;
import dev.tappers.NoProviderException;
import dev.tappers.ProviderCandidate;
import dev.tappers.Tappers;
import dev.tappers.spi.TappersProvider;

import java.util.ArrayList;
import java.util.List;

/** {@code tappers info}: the OS, the providers discovery saw, and what the chosen one can do. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String synopsis() {
        return "info";
    }

    @Override
    public String summary() {
        return "print the OS, the selected provider and its capability table";
    }

    @Override
    public String details() {
        return "Prints the operating system, every provider on the module path with why it was or was not chosen,\n"
                + "and for each feature (dev.tappers.Feature) whether the chosen provider supports it, with the\n"
                + "provider's reason when it does not. Exit code 69 when no provider fits this machine.\n"
                + "-Dtappers.provider=NAME (in JAVA_TOOL_OPTIONS) forces a provider by name.\n";
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        args.words(0, 0, "");
        terminal.out.println("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "), java " + System.getProperty("java.version"));
        terminal.out.println("providers seen:");
        for (ProviderCandidate c : Tappers.candidates()) {
            terminal.out.println("  " + c.name() + " (" + c.type() + ", priority " + c.priority() + "): "
                    + c.rejection().map(Main::oneLine).orElse("usable"));
        }
        TappersProvider provider;
        try {
            provider = Tappers.provider();
        } catch (NoProviderException e) {
            terminal.out.println("selected provider: none");
            throw e;
        }
        terminal.out.println("selected provider: " + provider.name() + " (" + provider.getClass().getName() + ")");
        terminal.out.println();
        terminal.out.print(capabilities(provider));
        return ExitCode.OK;
    }

    /** One row per feature: yes, or no with the provider's own reason ({@code unsupportedReason}). */
    static String capabilities(TappersProvider provider) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("FEATURE", "SUPPORTED", "WHAT / WHY NOT"));
        for (Feature f : Feature.values()) {
            String why = f.description();
            boolean yes = provider.supports(f);
            if (!yes) {
                why = provider.unsupportedReason(f).orElse(f.description() + " (listed as unsupported, yet no reason given)");
            }
            rows.add(List.of(f.toString(), yes ? "yes" : "no", why));
        }
        return Table.format(rows);
    }
}
