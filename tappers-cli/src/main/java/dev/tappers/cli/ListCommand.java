package dev.tappers.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code tappers list} and {@code tappers show NAME}: a table, or JSON with {@code --json}. */
final class ListCommand implements Command {
    private static final String JSON = "--json";

    private final boolean show;

    ListCommand(boolean show) {
        this.show = show;
    }

    @Override
    public String name() {
        return show ? "show" : "list";
    }

    @Override
    public String synopsis() {
        return show ? "show NAME [--json]" : "list [--json]";
    }

    @Override
    public String summary() {
        return show ? "show one interface: kind, state, MTU, MAC and addresses"
                : "list the interfaces with kind, state, MTU, MAC and addresses";
    }

    @Override
    public String details() {
        return "Lists " + (show ? "the interface NAME" : "every interface") + " of this process's network namespace"
                + " (no privilege needed).\n\n"
                + "  --json   " + (show ? "one JSON object" : "a JSON array of objects")
                + " with name, index, kind (tun, tap, veth, loopback, other),\n"
                + "           state (up, down), mtu, mac (null when none) and addresses (\"address/prefix\")\n";
    }

    @Override
    public Set<String> flags() {
        return Set.of(JSON);
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        List<InterfaceView> views;
        if (show) {
            String name = args.words(1, 1, "NAME").get(0);
            views = List.of(InterfaceView.of(Devices.find(name)));
        } else {
            args.words(0, 0, "");
            views = InterfaceView.all();
        }
        if (args.has(JSON)) {
            List<Object> json = new ArrayList<>();
            views.forEach(v -> json.add(v.toJson()));
            terminal.out.println(Json.write(show ? json.get(0) : json));
        } else {
            terminal.out.print(table(views));
        }
        return ExitCode.OK;
    }

    static String table(List<InterfaceView> views) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "INDEX", "KIND", "STATE", "MTU", "MAC", "ADDRESSES"));
        for (InterfaceView v : views) {
            rows.add(List.of(v.name(), Integer.toString(v.info().index()), v.kind(), v.state(),
                    Integer.toString(v.info().mtu()), v.info().mac().map(Object::toString).orElse("-"),
                    v.addresses().isEmpty() ? "-" : String.join(" ", v.addresses())));
        }
        return Table.format(rows);
    }
}
