/**
 * Deliberately bad classes, compiled only for the tests that prove each architecture rule can fail. Nothing
 * here is ever run: the methods that would start a process are never called.
 */
package dev.tappers.macos.archfixtures;
