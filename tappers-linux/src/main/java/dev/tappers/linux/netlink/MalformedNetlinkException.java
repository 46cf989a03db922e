package dev.tappers.linux.netlink;

import java.io.IOException;

/**
 * A netlink reply whose lengths do not add up: a message or attribute shorter than its header, longer than what
 * holds it, or an attribute payload of the wrong size for its type. Parsing stops at the first such fault rather
 * than guess, so a corrupt reply can never cause a loop or a read past the message.
 */
public final class MalformedNetlinkException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedNetlinkException(String message) {
        super("malformed netlink reply: " + message);
    }
}
