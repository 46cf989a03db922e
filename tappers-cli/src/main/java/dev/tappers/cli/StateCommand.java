package dev.tappers.cli;

import dev.tappers.DeviceState;

/** {@code tappers up NAME} and {@code tappers down NAME}. */
final class StateCommand implements Command {
    private final DeviceState state;

    StateCommand(boolean up) {
        this.state = up ? DeviceState.UP : DeviceState.DOWN;
    }

    @Override
    public String name() {
        return state == DeviceState.UP ? "up" : "down";
    }

    @Override
    public String synopsis() {
        return name() + " NAME";
    }

    @Override
    public String summary() {
        return "set a TUN, TAP or vETH interface administratively " + name();
    }

    @Override
    public String details() {
        return "Sets the interface flag IFF_UP " + (state == DeviceState.UP ? "on" : "off")
                + ". Needs root or CAP_NET_ADMIN.\n";
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        String name = args.words(1, 1, "NAME").get(0);
        try (Devices.Opened opened = Devices.open(name)) {
            opened.device.setState(state);
        }
        return ExitCode.OK;
    }
}
