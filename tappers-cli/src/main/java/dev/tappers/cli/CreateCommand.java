package dev.tappers.cli;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkDevice;
import dev.tappers.Tap;
import dev.tappers.Tappers;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethOptions;

import java.util.List;

/**
 * {@code tappers create tun|tap [NAME]} and {@code tappers create veth [NAME [PEER]]}. The CLI process ends right
 * after, so every device is made persistent: it stays until {@code tappers delete}.
 */
final class CreateCommand implements Command {
    @Override
    public String name() {
        return "create";
    }

    @Override
    public String synopsis() {
        return "create tun [NAME] | create tap [NAME] | create veth [NAME [PEER]]";
    }

    @Override
    public String summary() {
        return "create a persistent TUN or TAP device, or a vETH pair";
    }

    @Override
    public String details() {
        return "Creates the interface in this process's network namespace and prints its name; without NAME the\n"
                + "kernel picks one (tun0, tap0, veth0...). The device is PERSISTENT: it outlives this command and\n"
                + "stays until `tappers delete NAME` (or a reboot). It starts down, without addresses: see\n"
                + "`tappers addr`, `tappers up`. A persistent TUN or TAP that no program holds has no carrier;\n"
                + "a program that opens it by name (`tappers capture`, Tun.open) becomes its reader.\n"
                + "Needs root or CAP_NET_ADMIN.\n";
    }

    @Override
    public String context(Args args) {
        return args.words().isEmpty() ? name() : name() + " " + Main.oneLine(args.words().get(0));
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        List<String> words = args.words(1, 3, "the kind: tun, tap or veth");
        String kind = words.get(0);
        switch (kind) {
            case "tun":
            case "tap": {
                args.words(1, 2, "");
                DeviceOptions options = DeviceOptions.defaults().withPersistent(true);
                if (words.size() == 2) {
                    options = options.withName(InterfaceName.of(words.get(1))); // checks the name first
                }
                Tappers.provider().require(Feature.PERSISTENCE);
                try (NetworkDevice device = kind.equals("tun") ? Tun.create(options) : Tap.create(options)) {
                    terminal.out.println(device.name());
                }
                return ExitCode.OK;
            }
            case "veth": {
                VethOptions options = VethOptions.defaults();
                if (words.size() >= 2) {
                    options = options.withName(InterfaceName.of(words.get(1)));
                }
                if (words.size() == 3) {
                    options = options.withPeerName(InterfaceName.of(words.get(2)));
                }
                try (Veth veth = Veth.create(options)) {
                    veth.end().setPersistent(true); // closing the pair then leaves it in place
                    terminal.out.println(veth.end().name() + " " + veth.peer().name());
                }
                return ExitCode.OK;
            }
            default:
                throw new UsageException("unknown kind '" + kind + "': expected tun, tap or veth");
        }
    }
}
