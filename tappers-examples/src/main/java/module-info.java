/**
 * The README's quick start, main-job demo and feature examples. Written against the API only: the provider
 * (tappers-linux) is a runtime dependency that discovery finds on the module path.
 */
module dev.tappers.examples {
    requires dev.tappers;
}
